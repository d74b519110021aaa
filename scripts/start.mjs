#!/usr/bin/env node
// `pnpm start`: serves the built docs (DOCS_PORT, default 8080), the Prism mock (MOCK_PORT,
// default 4010) and the stateful sandbox (SANDBOX_PORT, default 4020, its store in
// packages/sandbox/.sandbox/), prints the URLs, and stops all on Ctrl-C. `--only=mock` serves just the mock.
import { fileURLToPath } from 'node:url';
import { serveDocs } from '@session-obs/docs';
import { startMock } from '@session-obs/mock';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const port = (name, fallback) => {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`✖ ${name} must be a port number from 1 to 65535, got "${raw}".`);
    process.exit(2);
  }
  return value;
};
const mockPort = port('MOCK_PORT', 4010);
const docsPort = port('DOCS_PORT', 8080);
const sandboxPort = port('SANDBOX_PORT', 4020);

const running = [];
let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.allSettled(running.map((r) => r.stop()));
  process.exit(code);
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

try {
  console.log(`▸ starting the Prism mock on port ${mockPort}…`);
  const mock = await startMock({ port: mockPort });
  running.push(mock);
  mock.process.once('exit', (code) => {
    if (!stopping) {
      console.error(`✖ Prism exited unexpectedly (code ${code}).`);
      stopAll(1);
    }
  });
  const lines = [`  Mock server  ${mock.url}   (any bearer token: curl -H "Authorization: Bearer test" ${mock.url}/session-errors)`];
  if (only !== 'mock') {
    console.log(`▸ starting the sandbox on port ${sandboxPort} (seeds its store on first run)…`);
    const { startSandbox, DEFAULT_TOKEN } = await import('@session-obs/sandbox');
    const sandbox = await startSandbox({
      port: sandboxPort,
      db: process.env.SANDBOX_DB ?? fileURLToPath(new URL('../packages/sandbox/.sandbox/sandbox.db', import.meta.url)),
      onLog: (line) => console.log(`  [sandbox] ${line}`),
    }).catch((error) => {
      throw new Error(
        /EADDRINUSE|is in use/.test(error.message) ? `port ${sandboxPort} is in use: set SANDBOX_PORT to another port.` : error.message,
      );
    });
    running.push(sandbox);
    sandbox.process.once('exit', (code) => {
      if (!stopping) {
        console.error(`✖ the sandbox exited unexpectedly (code ${code}).`);
        stopAll(1);
      }
    });
    const token = process.env.SANDBOX_TOKENS?.split(',')[0] ?? DEFAULT_TOKEN;
    lines.push(`  Sandbox      ${sandbox.url}   (stateful; token: curl -H "Authorization: Bearer ${token}" ${sandbox.url}/session-errors)`);
    console.log(`▸ serving the docs on port ${docsPort}…`);
    const docs = await serveDocs({ port: docsPort }).catch((error) => {
      throw new Error(error.code === 'EADDRINUSE' ? `port ${docsPort} is in use: set DOCS_PORT to another port.` : error.message);
    });
    running.push({ stop: docs.close });
    lines.unshift(`  API docs     ${docs.url}`);
  }
  console.log(`\n✔ Ready:\n${lines.join('\n')}\n\nPress Ctrl-C to stop.`);
} catch (error) {
  console.error(`✖ Could not start: ${error.message}`);
  await stopAll(1);
}
