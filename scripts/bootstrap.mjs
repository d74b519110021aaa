#!/usr/bin/env node
// Makes a fresh machine ready with nothing but Node 20 and npm, without touching the user's global tools:
// it uses the pinned pnpm when it is the one on PATH, else a copy installed under this repository
// (.tools/pnpm, never global); installs the workspace when node_modules is missing or stale; then runs
// `pnpm <args>` (e.g. `run start:servers`) with that pnpm first on PATH, so turbo and every script find it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');
/** Where the repository keeps its own pnpm when the one on PATH is missing or another version. */
const LOCAL_PNPM_DIR = join(root, '.tools', 'pnpm');
const localPnpmBin = join(LOCAL_PNPM_DIR, 'node_modules', '.bin');
const step = (text) => console.log(`▸ ${text}`);
const fail = (text) => {
  console.error(`✖ ${text}`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node ${process.versions.node} is too old: this project needs Node >= 20.19 (see .nvmrc).`);

/** The version `pnpm` prints when run from `binDir` (or from PATH), or undefined when there is none. */
function pnpmVersionIn(binDir) {
  try {
    const command = binDir ? join(binDir, 'pnpm') : 'pnpm';
    return execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The folder whose `pnpm` is the pinned version: '' for the one on PATH, else the repository's own copy. */
function choosePnpm() {
  const onPath = pnpmVersionIn(undefined);
  if (onPath === pnpmVersion) return '';
  if (pnpmVersionIn(localPnpmBin) === pnpmVersion) return localPnpmBin;
  const where = relative(root, LOCAL_PNPM_DIR);
  step(
    `${onPath ? `pnpm ${onPath} is on PATH` : 'pnpm is not on PATH'}; installing pnpm@${pnpmVersion} into ${where}/ ` +
      `(local to this repository: your global tools are left as they are)…`,
  );
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      LOCAL_PNPM_DIR,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `pnpm@${pnpmVersion}`,
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) fail(`npm could not install pnpm@${pnpmVersion} into ${where}/ (exit ${result.status}).`);
  if (pnpmVersionIn(localPnpmBin) !== pnpmVersion) fail(`pnpm@${pnpmVersion} was installed into ${where}/ but does not run.`);
  return localPnpmBin;
}

const pnpmDir = choosePnpm();
const env = pnpmDir ? { ...process.env, PATH: `${pnpmDir}:${process.env.PATH ?? ''}` } : process.env;

// pnpm keeps a copy of the lockfile it installed from; a difference means the install is stale.
const lock = join(root, 'pnpm-lock.yaml');
const installedLock = join(root, 'node_modules', '.pnpm', 'lock.yaml');
const stale = !existsSync(installedLock) || (existsSync(lock) && readFileSync(lock, 'utf8') !== readFileSync(installedLock, 'utf8'));
if (stale) {
  step('installing dependencies (pnpm install --frozen-lockfile)…');
  const result = spawnSync('pnpm', ['install', '--frozen-lockfile'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) fail(`pnpm install failed (exit ${result.status}).`);
}

const args = process.argv.slice(2);
if (args.length > 0) {
  // The command shares this process group, so a terminal's Ctrl-C or hang-up reaches it directly; a signal
  // sent to this process alone is passed on. Its exit code (or signal) becomes this process's.
  const child = spawn('pnpm', args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.once('exit', (code, signal) => {
    if (signal) {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}
