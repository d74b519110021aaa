// Where a release works and how it runs tools there: the packages it publishes, child processes
// (pnpm as the running one was started), and the temporary copy of the repository a dry run uses.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The packages a release versions, packs and checks: the public ones, one `fixed` group in .changeset/config.json. */
export const PUBLISHED = [
  { name: '@session-obs/spec', dir: 'packages/spec' },
  { name: '@session-obs/client', dir: 'packages/client' },
  { name: '@session-obs/mock', dir: 'packages/mock' },
  { name: '@session-obs/sandbox', dir: 'packages/sandbox' },
  { name: '@session-obs/mcp', dir: 'packages/mcp' },
] as const;

/** Where the snapshot of the last release lives, relative to the repository root. */
export const BASELINE_DIR = 'packages/governance/baseline';

/** A JSON file (a package manifest) as an object. */
export const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** Runs a command in `cwd` without colours; returns whether it succeeded and its combined output. */
export function run(cmd: string, args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

/** pnpm as the running pnpm was started (npm_execpath), else from PATH. */
export function pnpm(args: string[], cwd: string): { ok: boolean; out: string } {
  const execpath = process.env.npm_execpath;
  return execpath && /pnpm/.test(execpath) ? run(process.execPath, [execpath, ...args], cwd) : run('pnpm', args, cwd);
}

/** Copies what a release touches into a temporary directory; node_modules are linked, not copied. */
export function copyRepo(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'session-obs-release-'));
  const skip = (src: string) => !/(^|\/)(node_modules|\.turbo|\.git)(\/|$)/.test(relative(root, src));
  for (const f of ['package.json', 'pnpm-workspace.yaml', '.npmrc']) if (existsSync(join(root, f))) cpSync(join(root, f), join(dir, f));
  for (const d of ['.changeset', 'openapi', BASELINE_DIR])
    if (existsSync(join(root, d))) cpSync(join(root, d), join(dir, d), { recursive: true, filter: skip });
  // Every workspace manifest, so changesets sees the whole graph (and its ignore list resolves).
  for (const name of readdirSync(join(root, 'packages'))) {
    const manifest = join(root, 'packages', name, 'package.json');
    if (!existsSync(manifest)) continue;
    mkdirSync(join(dir, 'packages', name), { recursive: true });
    cpSync(manifest, join(dir, 'packages', name, 'package.json'));
  }
  for (const { dir: pkg } of PUBLISHED) {
    cpSync(join(root, pkg), join(dir, pkg), { recursive: true, filter: skip });
    if (existsSync(join(root, pkg, 'node_modules'))) symlinkSync(join(root, pkg, 'node_modules'), join(dir, pkg, 'node_modules'), 'dir');
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
