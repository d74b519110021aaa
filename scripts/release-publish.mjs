#!/usr/bin/env node
// The release's publish step: `pnpm release:publish --registry <url> [--dry-run] [--no-git-checks]`.
// Runs `pnpm publish -r`, which publishes every public workspace package whose version the registry does
// not hold yet and rewrites `workspace:` and `catalog:` ranges into exact versions in what it uploads.
// The registry is never implied (no default), a build must be present, and under CI only a registry on
// this machine is accepted: publishing to a public registry is a manual step (README, "Releasing").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: pnpm release:publish --registry <url> [--dry-run] [--no-git-checks]';

const fail = (text, code = 1) => {
  console.error(`✖ ${text}`);
  process.exit(code);
};

/** True for a registry on this machine (loopback), the only kind CI may publish to. */
function isLoopbackRegistry(url) {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

/** The workspace packages a publish uploads: every package.json under packages/ that is not private. */
function publicPackages() {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** The files a manifest points at (export targets, bins, types): all must exist before a publish. */
function entryFiles(manifest) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk([manifest.exports, manifest.bin, manifest.types, manifest.main]);
  return [...new Set(targets)];
}

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        registry: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'no-git-checks': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${error.message.split('\n')[0]} (${USAGE})`, 2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.registry) fail(`--registry is required: name the registry to publish to (${USAGE})`, 2);
  let registry;
  try {
    registry = new URL(values.registry);
  } catch {
    fail(`--registry ${values.registry} is not a URL (${USAGE})`, 2);
  }
  if (!/^https?:$/.test(registry.protocol)) fail(`--registry ${registry.href} is not an http(s) URL`, 2);
  const ci = process.env.CI && !/^(0|false)$/i.test(process.env.CI);
  if (ci && !isLoopbackRegistry(registry.href))
    fail(`refusing to publish to ${registry.href} under CI: releases to a public registry are manual (README, "Releasing")`);

  const packages = publicPackages();
  for (const { dir, manifest } of packages) {
    const missing = entryFiles(manifest).find((file) => !existsSync(join(dir, file)));
    if (missing) fail(`${manifest.name}: ${missing} is missing: run \`pnpm build\` first`);
  }
  console.log(
    `▸ ${values['dry-run'] ? 'dry run: ' : ''}publishing ${packages.map(({ manifest }) => `${manifest.name}@${manifest.version}`).join(', ')} to ${registry.href} (versions it already has are skipped)`,
  );
  const args = ['publish', '-r', '--access', 'public', '--registry', registry.href];
  if (values['dry-run']) args.push('--dry-run');
  if (values['no-git-checks']) args.push('--no-git-checks');
  const result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  if (result.error) fail(`could not run pnpm: ${result.error.message}`);
  if (result.status !== 0) fail(`pnpm publish -r failed (exit ${result.status})`);
}

main();
