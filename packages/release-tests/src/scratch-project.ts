// A consumer's project: a directory under the OS temp dir with its own package.json and .npmrc, outside the
// repository and with no node_modules above it, into which npm or pnpm installs our packages by name from
// the local registry (our scope) and everything else from the usual npm registry.
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { consumerEnv } from './consumer-env.js';
import { consumersDir, repoRoot } from './paths.js';
import { runChecked } from './run-command.js';

export type PackageManager = 'npm' | 'pnpm';

export interface ScratchProject {
  manager: PackageManager;
  dir: string;
  /** The environment every command in the project runs with. */
  env: NodeJS.ProcessEnv;
  /** How long the install took, in ms. */
  installMs: number;
}

/** The packages a consumer installs by name from the local registry. */
export const OUR_PACKAGES = ['@session-obs/client', '@session-obs/sandbox', '@session-obs/mock', '@session-obs/mcp'];

/** Tools the consumer's project already has (from the npm registry), pinned as the workspace pins them. */
const TOOLS = { typescript: '5.9.3', '@types/node': '20.19.43', esbuild: '0.27.7' };

/** Throws unless `dir` is outside the repository and no directory above it holds a node_modules. */
export function assertIsolated(dir: string): void {
  const fromRepo = relative(repoRoot, dir);
  if (!fromRepo.startsWith('..') && !isAbsolute(fromRepo)) throw new Error(`${dir} is inside the repository ${repoRoot}`);
  for (let above = dirname(dir); ; above = dirname(above)) {
    if (existsSync(join(above, 'node_modules')))
      throw new Error(`${join(above, 'node_modules')} is above ${dir}: resolution could leak into it`);
    if (dirname(above) === above) return;
  }
}

/** The install command of each package manager, by name. */
const INSTALL: Record<PackageManager, string[]> = {
  npm: ['install', '--no-audit', '--no-fund', ...OUR_PACKAGES],
  pnpm: ['add', ...OUR_PACKAGES],
};

/** Creates the project, copies the consumer files into it and installs our packages with `manager`. */
export async function createScratchProject(manager: PackageManager, registryUrl: string): Promise<ScratchProject> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `session-obs-consumer-${manager}-`)));
  assertIsolated(dir);
  const manifest = {
    name: `consumer-${manager}`,
    version: '1.0.0',
    private: true,
    type: 'module',
    devDependencies: TOOLS,
    // pnpm runs no dependency's install script unless told: better-sqlite3 (the sandbox's) needs its build.
    ...(manager === 'pnpm' ? { pnpm: { onlyBuiltDependencies: ['better-sqlite3'] } } : {}),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, '.npmrc'), `@session-obs:registry=${registryUrl}\n`);
  cpSync(consumersDir, dir, { recursive: true });
  const env = consumerEnv();
  const started = performance.now();
  try {
    await runChecked(manager, INSTALL[manager], { cwd: dir, env });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { manager, dir, env, installMs: performance.now() - started };
}
