// @session-obs/sandbox: a stateful, spec-true sandbox of the Session Observability API. Users start it
// as a child process (`startSandbox`, what tests and scripts want) or run its server in their own
// process over a store they open (`createSandboxServer` with `prepareStore`).
export { startSandbox } from './start-sandbox.js';
export type { StartSandboxOptions, RunningSandbox } from './start-sandbox.js';
export { createSandboxServer, DEFAULT_TOKEN } from './http/server.js';
export type { SandboxServer, SandboxServerOptions } from './http/server.js';
export type { RateLimitOptions } from './http/rate-limit.js';
export { prepareStore } from './prepare-store.js';
export type { PrepareOptions, SeedSettings } from './prepare-store.js';
export type { SeedSummary } from './seed/generate.js';
export type { SandboxStore, StoreCounts } from './store/contract.js';
export { StoreOpenError } from './store/database.js';
