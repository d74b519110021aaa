// The private dev and test kit. The process helpers are the shared server layer's (`@session-obs/spec/server`,
// what the published servers run); they are re-exported here so tests and benchmarks import one kit.
export { freePort, killGroup, startChildServer, stopChild, trackChild } from '@session-obs/spec/server';
export type { ChildServerOptions, RunningChild } from '@session-obs/spec/server';
export { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
export { createTestDatabase, findPostgresBin, startTestPostgres, type TestPostgres } from './postgres.js';
