#!/usr/bin/env node
// `session-obs-mock`: serves the mock on MOCK_HOST:MOCK_PORT (default 127.0.0.1:4010) until Ctrl-C, SIGTERM
// or a closed terminal (the shared layer's `stopOnSignals`, as in the sandbox).
import { stopOnSignals } from '@session-obs/spec/server';
import { defaultSpecPath } from './bundled-spec.js';
import { describeStartFailure, readCliInput, USAGE } from './cli-input.js';
import type { MockServer } from './mock-server.js';

const input = readCliInput(process.argv.slice(2), process.env);
if (!input.ok) {
  console.error(`✖ ${input.message}`);
  process.exit(2);
}
const { options } = input;
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

console.log(`Starting the mock on ${options.port === 0 ? 'a free port' : `port ${options.port}`}…`);
let mock: MockServer;
let url: string;
try {
  // Loaded only now: Prism and ajv take a moment to load, and a mistake above is told at once.
  const { createMockServer } = await import('./mock-server.js');
  mock = await createMockServer({
    specPath: options.specPath ?? defaultSpecPath(),
    dynamic: options.dynamic,
    logLevel: options.logLevel,
    corsOrigins: options.corsOrigins,
    allowedHosts: options.allowedHosts,
    log: (line) => console.log(line),
  });
  url = await mock.listen(options.port, options.host);
} catch (error) {
  console.error(`✖ ${describeStartFailure(error, options)}`);
  process.exit(1);
}
console.log(`✔ Mock server ready: ${url}  (try: curl -H "Authorization: Bearer test" ${url}/session-errors)`);
stopOnSignals('the mock', () => mock.close());
