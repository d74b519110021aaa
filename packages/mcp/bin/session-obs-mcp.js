#!/usr/bin/env node
// The `session-obs-mcp` command. Committed (so the bin exists at install time, before `dist/` is
// built) and kept to syntax any Node can parse: it checks the Node version against `engines` first and
// only then loads the CLI, whose dependencies need a newer Node.
import { readFileSync } from 'fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines.node);
const have = process.versions.node.split('.').map(Number);
let older = false;
for (let i = 0; wanted && i < 3; i++) {
  if (have[i] !== Number(wanted[i + 1])) {
    older = have[i] < Number(wanted[i + 1]);
    break;
  }
}
if (older) {
  console.error('✖ @session-obs/mcp needs Node ' + engines.node + '; this is Node ' + process.versions.node + '.');
  process.exitCode = 1;
} else {
  import('../dist/cli.js');
}
