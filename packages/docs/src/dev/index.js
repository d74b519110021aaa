// `@session-obs/docs/dev`: the spec author's loop behind `pnpm dev`.
export { startDev } from './start-dev.js';
export { commandStep } from './command-step.js';
export { createDevLoop } from './dev-loop.js';
export { openSpecTree } from './spec-tree.js';
