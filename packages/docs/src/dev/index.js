// @ts-check
// `@session-obs/docs/dev`: the spec author's loop behind `pnpm dev`.
export { startDev } from './start-dev.js';
/** @typedef {import('./start-dev.js').RunningDev} RunningDev */
/** @typedef {import('./dev-loop.js').FollowUp} FollowUp */
/** @typedef {import('./spec-tree.js').BundleResult} BundleResult */
/** @typedef {import('./spec-tree.js').SpecTree} SpecTree */
export { commandStep } from './command-step.js';
export { createDevLoop } from './dev-loop.js';
export { openSpecTree } from './spec-tree.js';
