// `@session-obs/devkit/fuzz`: the hostile-request fuzzer the mock's and the sandbox's tests share. A separate
// entry, so the servers' builds that inline the kit's process helpers never pull fast-check in.
export { hostileRequests, printable } from './hostile-requests.js';
export type { HostileRequest, HostileRequestOptions } from './hostile-requests.js';
export { rawExchange, ExchangeError } from './raw-exchange.js';
export type { RawAnswer, ExchangeOptions } from './raw-exchange.js';
export { fuzzServer, describeReport } from './fuzz-server.js';
export type { FuzzOptions, FuzzReport } from './fuzz-server.js';
export { errorBodyCheck } from './error-bodies.js';
export { targetsOf } from './spec-targets.js';
