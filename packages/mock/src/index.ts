export { startMock, defaultSpecPath } from './start-mock.js';
export type { MockOptions, RunningMock } from './start-mock.js';
