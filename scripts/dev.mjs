#!/usr/bin/env node
// `pnpm dev` for spec authors: serves the docs (DOCS_PORT, default 8080), the Prism mock (MOCK_PORT,
// default 4010) and the sandbox (SANDBOX_PORT, default 4020) like `pnpm start`, and watches openapi/.
// On each save: bundle → packages/spec/dist/ → docs rewritten and open pages reloaded → redocly lint,
// then in the background the mock restarts on the new spec, the types are regenerated
// (packages/types/src/generated/) and Spectral lints the bundle. A file that does not bundle prints its
// error and the last good build keeps being served.
import { fileURLToPath } from 'node:url';
import { commandStep, startDev } from '@session-obs/docs/dev';
import { portError, portFromEnv, serverGroup, startLocalSandbox } from './local-servers.mjs';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const mockPort = portFromEnv('MOCK_PORT', 4010);
const docsPort = portFromEnv('DOCS_PORT', 8080);
const sandboxPort = portFromEnv('SANDBOX_PORT', 4020);
const group = serverGroup();

try {
  console.log(`▸ starting the sandbox on port ${sandboxPort} (seeds its store on first run)…`);
  const { sandbox, token } = await startLocalSandbox(sandboxPort);
  group.add(sandbox, 'the sandbox');
  console.log(`▸ starting the docs (port ${docsPort}) and the Prism mock (port ${mockPort}) on the current spec…`);
  const dev = await startDev({
    specRoot: root('openapi'),
    redoclyConfig: root('packages/spec/redocly.yaml'),
    specOut: { json: root('packages/spec/dist/openapi.json'), yaml: root('packages/spec/dist/openapi.yaml') },
    docsPort,
    mockPort,
    sandbox: { url: sandbox.url, token },
    followUps: [
      commandStep({ name: 'types regenerated', command: process.execPath, args: [root('packages/types/scripts/generate.mjs')] }),
      commandStep({
        name: 'spectral lint',
        command: root('packages/spec/node_modules/.bin/spectral'),
        args: ['lint', 'dist/openapi.json', '--ruleset', '.spectral.yaml', '--fail-severity', 'hint'],
        cwd: root('packages/spec'),
      }),
    ],
  }).catch((error) => {
    throw new Error(
      /EADDRINUSE|is in use/.test(error.message) ? `${portError(error, docsPort, 'DOCS_PORT')} (or MOCK_PORT)` : error.message,
    );
  });
  group.add({ stop: dev.close });
  console.log(
    [
      '\n✔ Ready:',
      `  API docs     ${dev.docsUrl}   (reloads on every save; Try it on every operation)`,
      `  Mock server  ${dev.mockUrl}   (restarted on the new spec after each save)`,
      `  Sandbox      ${sandbox.url}   (token ${token})`,
      '',
      `Watching ${root('openapi')} — edit and save; Ctrl-C stops everything.`,
    ].join('\n'),
  );
} catch (error) {
  console.error(`✖ Could not start: ${error.message}`);
  await group.stopAll(1);
}
