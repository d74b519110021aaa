export { startMock, MockStartError } from './start-mock.js';
export type { MockOptions, RunningMock } from './start-mock.js';
export { createMockServer, SpecLoadError } from './mock-server.js';
export type { MockServer, MockServerOptions } from './mock-server.js';
export { defaultSpecPath } from './bundled-spec.js';
export type { LogLevel } from './prism-engine.js';
