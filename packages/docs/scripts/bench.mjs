#!/usr/bin/env node
// @ts-check
// `pnpm bench` for the docs: the page budget, the dev loop and Lighthouse, one after another. Each runs to
// the end even when an earlier one is over its budget (a slow first paint on a loaded machine must not hide
// the Lighthouse figures); the exit code is non-zero when any of them was over budget or failed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = ['measure.mjs', 'bench-dev-loop.mjs', 'lighthouse.mjs'];
const failed = SCRIPTS.filter((script) => {
  console.log(`\n▸ ${script}`);
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' });
  return result.status !== 0;
});
if (failed.length) {
  console.error(`\n✖ over budget or failed: ${failed.join(', ')} (each printed why above)`);
  process.exit(1);
}
console.log(`\n✔ ${SCRIPTS.join(', ')}: within budget`);
