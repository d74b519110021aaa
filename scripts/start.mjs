#!/usr/bin/env node
// `pnpm start`: serves the built docs (DOCS_PORT, default 8080), the Prism mock (MOCK_PORT,
// default 4010) and the stateful sandbox (SANDBOX_PORT, default 4020, its store in
// packages/sandbox/.sandbox/), prints the URLs, and stops all on Ctrl-C. `--only=mock` serves just the mock.
// The docs' Try it console gets the mock's and the sandbox's actual URLs, the sandbox preselected with its token.
import { serveDocs } from '@session-obs/docs';
import { consoleConfigFor } from '@session-obs/docs/console-config';
import { startMock } from '@session-obs/mock';
import { portError, portFromEnv, serverGroup, startLocalSandbox } from './local-servers.mjs';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const mockPort = portFromEnv('MOCK_PORT', 4010);
const docsPort = portFromEnv('DOCS_PORT', 8080);
const sandboxPort = portFromEnv('SANDBOX_PORT', 4020);
const group = serverGroup();

try {
  console.log(`▸ starting the Prism mock on port ${mockPort}…`);
  const mock = group.add(await startMock({ port: mockPort }), 'Prism');
  const lines = [`  Mock server  ${mock.url}   (any bearer token: curl -H "Authorization: Bearer test" ${mock.url}/session-errors)`];
  if (only !== 'mock') {
    console.log(`▸ starting the sandbox on port ${sandboxPort} (seeds its store on first run)…`);
    const { sandbox, token } = await startLocalSandbox(sandboxPort);
    group.add(sandbox, 'the sandbox');
    lines.push(`  Sandbox      ${sandbox.url}   (stateful; token: curl -H "Authorization: Bearer ${token}" ${sandbox.url}/session-errors)`);
    console.log(`▸ serving the docs on port ${docsPort}…`);
    const consoleConfig = await consoleConfigFor({ mock: { url: mock.url }, sandbox: { url: sandbox.url, token } });
    const docs = await serveDocs({ port: docsPort, consoleConfig }).catch((error) => {
      throw new Error(portError(error, docsPort, 'DOCS_PORT'));
    });
    group.add({ stop: docs.close });
    lines.unshift(`  API docs     ${docs.url}   (Try it on every operation: the sandbox is preselected)`);
  }
  console.log(`\n✔ Ready:\n${lines.join('\n')}\n\nPress Ctrl-C to stop.`);
} catch (error) {
  console.error(`✖ Could not start: ${error.message}`);
  await group.stopAll(1);
}
