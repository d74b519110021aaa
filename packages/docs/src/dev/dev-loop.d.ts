import type { BundleResult } from './spec-tree.js';

type GoodBundle = Extract<BundleResult, { ok: true }>;
/** A step that runs in the background after each published bundle. */
export interface FollowUp {
  name: string;
  run(result: GoodBundle): Promise<unknown>;
}
/** The spec author's loop over injected steps. */
export declare function createDevLoop(steps: {
  bundle(): Promise<BundleResult>;
  publish(result: GoodBundle): unknown;
  lint(): Promise<string[]>;
  followUps?: FollowUp[];
  log?: (line: string) => void;
  now?: () => number;
}): { trigger(reason?: string): Promise<BundleResult>; idle(): Promise<void> };
