#!/usr/bin/env node
// Build step: generates the tool manifest from the bundled spec into dist/tools.json, which the server
// serves by default. Run by `pnpm build` after tsup.
import { writeFileSync } from 'node:fs';
import { loadSpec } from '@session-obs/spec';
import { generateTools } from '../dist/index.js';

const manifest = generateTools(loadSpec());
writeFileSync(new URL('../dist/tools.json', import.meta.url), JSON.stringify(manifest, null, 2) + '\n');
console.log(`✔ dist/tools.json: ${manifest.tools.length} tools (${manifest.tools.map((tool) => tool.name).join(', ')})`);
