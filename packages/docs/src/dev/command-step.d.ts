import type { FollowUp } from './dev-loop.js';

/** A follow-up step that runs `command args` in `cwd` and prints its output. */
export declare function commandStep(options: {
  name: string;
  command: string;
  args?: string[];
  cwd?: string;
  log?: (line: string) => void;
}): FollowUp;
