#!/usr/bin/env node
// Writes one bundle per upstream API beside the whole one (dist/openapi.<option>.json), for client
// generators that ignore path-level `servers`: each holds only that API's operations, with its server
// and security scheme at the root. Runs after tsup (it uses the built library).
// Usage: write-upstream-bundles.mjs [<openapi.json> <out dir>] (default: the built bundle, into dist/).
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadSpec, splitByUpstream, UpstreamSpecError } from '../dist/lib/index.js';

const [specFile, outDir] = process.argv.slice(2);
const dist = outDir ? pathToFileURL(`${outDir.replace(/\/$/, '')}/`) : new URL('../dist/', import.meta.url);
let documents;
try {
  // Every document is made before any is written: a spec that cannot be split leaves the old bundles whole.
  documents = Object.entries(splitByUpstream(specFile ? loadSpec(specFile) : loadSpec()));
} catch (error) {
  if (!(error instanceof UpstreamSpecError)) throw error;
  console.error(`✖ ${specFile ?? 'openapi/openapi.yaml'}: ${error.message}`);
  process.exit(1);
}
for (const [option, document] of documents) {
  writeFileSync(new URL(`openapi.${option}.json`, dist), `${JSON.stringify(document, null, 2)}\n`);
  console.log(`✔ dist/openapi.${option}.json: ${Object.keys(document.paths ?? {}).length} paths on ${document.servers[0].url}`);
}
