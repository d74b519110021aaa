#!/usr/bin/env node
// Makes a fresh machine ready with nothing but Node 20 and npm: installs the pinned pnpm when it is
// missing (or another version), then installs the workspace when node_modules is missing or stale.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');
const step = (text) => console.log(`▸ ${text}`);
const fail = (text) => {
  console.error(`✖ ${text}`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node ${process.versions.node} is too old: this project needs Node >= 20.19 (see .nvmrc).`);

function installedPnpm() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const found = installedPnpm();
if (found !== pnpmVersion) {
  step(`${found ? `pnpm ${found} found` : 'pnpm not found'}; installing pnpm@${pnpmVersion} with npm…`);
  const result = spawnSync('npm', ['install', '--global', `pnpm@${pnpmVersion}`], { stdio: 'inherit' });
  if (result.status !== 0)
    fail(`npm could not install pnpm@${pnpmVersion} (exit ${result.status}). Install it by hand: npm install -g pnpm@${pnpmVersion}`);
  if (installedPnpm() !== pnpmVersion)
    fail(`pnpm@${pnpmVersion} was installed but \`pnpm\` on PATH is another version; put npm's global bin first on PATH.`);
}

// pnpm keeps a copy of the lockfile it installed from; a difference means the install is stale.
const lock = join(root, 'pnpm-lock.yaml');
const installedLock = join(root, 'node_modules', '.pnpm', 'lock.yaml');
const stale = !existsSync(installedLock) || (existsSync(lock) && readFileSync(lock, 'utf8') !== readFileSync(installedLock, 'utf8'));
if (stale) {
  step('installing dependencies (pnpm install --frozen-lockfile)…');
  const result = spawnSync('pnpm', ['install', '--frozen-lockfile'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`pnpm install failed (exit ${result.status}).`);
}
