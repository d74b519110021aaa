export { startDev } from './start-dev.js';
export type { RunningDev } from './start-dev.js';
export { commandStep } from './command-step.js';
export { createDevLoop } from './dev-loop.js';
export type { FollowUp } from './dev-loop.js';
export { openSpecTree } from './spec-tree.js';
export type { BundleResult, SpecTree } from './spec-tree.js';
