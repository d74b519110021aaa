// The environment a consumer's commands run in: this machine's, without what the repo's own tooling adds.
// pnpm, turbo and vitest put the workspace's `node_modules/.bin` folders on PATH and set npm_*, NODE_OPTIONS
// and the like; a scratch project must see none of it, or `npx`, `tsc` or a resolution could reach the repo.
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative } from 'node:path';
import { repoRoot } from './paths.js';

/** Variables the repo's tooling sets for its scripts and tests, dropped from a consumer's environment. */
const TOOLING_VARIABLE = /^(npm_|pnpm_|PNPM_|VITEST|TURBO|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|INIT_CWD$|TEST$)/i;

/** True for a directory inside the repository, or any `node_modules/.bin` (whose packages a consumer does not have). */
function isRepoPath(dir: string): boolean {
  const fromRoot = relative(repoRoot, dir);
  return (!fromRoot.startsWith('..') && !isAbsolute(fromRoot)) || /[\\/]node_modules[\\/]\.bin$/.test(dir);
}

/**
 * The folder of the pnpm this workspace runs with: the repository's own copy (`.tools/pnpm`, installed by
 * `npm test` when the pinned pnpm is not on PATH) or the first `pnpm` on PATH outside the repository. A pnpm
 * user has pnpm on PATH; the scratch projects get this one.
 */
export function pnpmBinDir(): string | undefined {
  const local = join(repoRoot, '.tools', 'pnpm', 'node_modules', '.bin');
  if (existsSync(join(local, 'pnpm'))) return local;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '' && !isRepoPath(dir));
  return dirs.find((dir) => existsSync(join(dir, 'pnpm')));
}

/** This process's environment minus the repo's tooling, plus pnpm's folder (see {@link pnpmBinDir}) and `extra`. */
export function consumerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!TOOLING_VARIABLE.test(name)) env[name] = value;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '' && !isRepoPath(dir));
  const pnpmDir = pnpmBinDir();
  // Only pnpm's own folder is added: it holds pnpm and pnpx, nothing of the workspace.
  if (pnpmDir && !dirs.includes(pnpmDir)) dirs.push(pnpmDir);
  env.PATH = dirs.join(delimiter);
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}
