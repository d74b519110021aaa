#!/usr/bin/env node
// `session-obs-mock`: serves the Prism mock on MOCK_PORT (default 4010) until Ctrl-C.
import { startMock } from './start-mock.js';

const raw = process.env.MOCK_PORT ?? '4010';
const port = Number(raw);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`✖ MOCK_PORT must be a port number from 1 to 65535, got "${raw}".`);
  process.exit(2);
}
const verbose = process.argv.includes('--verbose');

console.log(`Starting the Prism mock on port ${port}…`);
try {
  const mock = await startMock({
    port,
    host: process.env.MOCK_HOST ?? '127.0.0.1',
    logLevel: verbose ? 'info' : 'warn',
    dynamic: process.argv.includes('--dynamic'),
    onLog: (line) => console.log(`[prism] ${line}`),
  });
  console.log(`✔ Mock server ready: ${mock.url}  (try: curl -H "Authorization: Bearer test" ${mock.url}/session-errors)`);
  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    console.log('Stopping the mock…');
    await mock.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  mock.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`✖ Prism exited unexpectedly (code ${code}).`);
    process.exit(1);
  });
} catch (error) {
  console.error(`✖ Could not start the mock: ${(error as Error).message}`);
  process.exit(1);
}
