#!/usr/bin/env node
// Writes one bundle per upstream API beside the whole one (dist/openapi.<option>.json), for client
// generators that ignore path-level `servers`: each holds only that API's operations, with its server
// and security scheme at the root. Runs after tsup (it uses the built library).
import { writeFileSync } from 'node:fs';
import { loadSpec, splitByUpstream } from '../dist/lib/index.js';

const dist = new URL('../dist/', import.meta.url);
for (const [option, document] of Object.entries(splitByUpstream(loadSpec()))) {
  writeFileSync(new URL(`openapi.${option}.json`, dist), `${JSON.stringify(document, null, 2)}\n`);
  console.log(`✔ dist/openapi.${option}.json: ${Object.keys(document.paths ?? {}).length} paths on ${document.servers[0].url}`);
}
