import type { BundleResult } from './spec-tree.js';
import type { FollowUp } from './dev-loop.js';

/** A running `pnpm dev` loop. */
export interface RunningDev {
  docsUrl: string;
  mockUrl: string;
  rebuild(reason?: string): Promise<BundleResult>;
  idle(): Promise<void>;
  close(): Promise<void>;
}
/** Starts the spec author's loop over the spec tree in `specRoot`. */
export declare function startDev(options: {
  specRoot: string;
  redoclyConfig: string;
  builtDir?: string;
  specOut?: { json?: string; yaml?: string };
  docsPort?: number;
  mockPort?: number;
  sandbox?: { url: string; token: string };
  followUps?: FollowUp[];
  log?: (line: string) => void;
}): Promise<RunningDev>;
