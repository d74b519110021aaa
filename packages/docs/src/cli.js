#!/usr/bin/env node
// @ts-check
// Serves the built docs on DOCS_PORT (default 8080) until Ctrl-C.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDocs, siteDir } from './serve.js';

const port = Number(process.env.DOCS_PORT ?? '8080');
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`✖ DOCS_PORT must be a port number from 1 to 65535, got "${process.env.DOCS_PORT}".`);
  process.exit(2);
}
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error('✖ The docs site is not built: run `pnpm build` first.');
  process.exit(1);
}
const docs = await serveDocs({ port }).catch((/** @type {NodeJS.ErrnoException} */ error) => {
  // A busy or forbidden port is the reader's to fix: one line, no stack trace.
  const why = { EADDRINUSE: 'is already in use', EACCES: 'may not be opened by this user' }[String(error.code)];
  console.error(why ? `✖ Port ${port} ${why}: set DOCS_PORT to another port.` : `✖ The docs server could not start: ${error.message}`);
  process.exit(1);
});
console.log(`✔ Docs ready: ${docs.url}`);
const stop = () => docs.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
