// @ts-check
// What a docs build is told from outside: `--out <dir>` (another folder than dist/) and DOCS_SANDBOX_URL
// (a hosted sandbox for Try it, src/hosted-sandbox.js). Read before any work, so a wrong value stops the
// build at once with one line.
import { resolve } from 'node:path';
import { hostedSandboxUrl } from './hosted-sandbox.js';

/**
 * The output folder and the hosted sandbox URL of a build; throws with a one-line message on a wrong value.
 * @param {string[]} argv the build's arguments (`process.argv`)
 * @param {NodeJS.ProcessEnv} env
 * @param {string} defaultDist
 * @returns {{ dist: string, hostedSandbox: string | undefined }}
 */
export function buildSettings(argv, env, defaultDist) {
  const outIndex = argv.indexOf('--out');
  const out = outIndex === -1 ? undefined : argv[outIndex + 1];
  if (outIndex !== -1 && (!out || out.startsWith('-'))) throw new Error('--out needs a folder: node scripts/build.mjs --out <dir>');
  return { dist: out ? resolve(out) : defaultDist, hostedSandbox: hostedSandboxUrl(env) };
}
