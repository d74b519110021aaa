export { freePort } from './free-port.js';
export { stopChild, killGroup, trackChild } from './process-group.js';
export { startChildServer } from './start-child-server.js';
export type { ChildServerOptions, RunningChild } from './start-child-server.js';
export { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
