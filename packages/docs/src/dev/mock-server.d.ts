import type { MockOptions, RunningMock } from '@session-obs/mock';

/** A mock on one port that `serve(json)` (re)starts on a spec text. */
export declare function devMock(options: {
  port: number;
  dir: string;
  log?: (line: string) => void;
  start?: (options: MockOptions) => Promise<RunningMock>;
}): { readonly url: string | undefined; serve(json: string): Promise<void>; stop(): Promise<void> };
