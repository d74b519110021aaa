// Running the built CLI and the pinned Redocly CLI from tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const pkgDir = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));

/** Runs a command (with extra environment variables); returns its exit code and combined output. */
export function exec(cmd: string, args: string[], cwd = pkgDir, env: Record<string, string> = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Bundles an OpenAPI tree with the pinned Redocly CLI, as packages/spec does. */
export function bundle(rootYaml: string, out: string): void {
  const r = exec(redocly, ['bundle', rootYaml, '-o', out]);
  if (r.code !== 0) throw new Error(`redocly bundle failed:\n${r.out}`);
}

/** Runs the governance CLI (built dist). */
export function runCli(...args: string[]): { code: number; out: string } {
  return exec(process.execPath, [cli, ...args], repoRoot);
}
