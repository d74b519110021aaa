// The release: changesets bump the publishable packages, info.version moves with them, the
// changelog entry comes from the spec diff, the tarballs are packed and checked. `dryRun` does
// all of it in a temporary copy of the repository, which is removed afterwards.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bumpFor, changelogEntry } from './changelog.js';
import { isoDay } from './deprecation.js';
import { gateReport, runGate } from './gate.js';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshots.js';
import { readSpec } from './spec.js';
import { bumpVersion, compareVersions, maxBump, parseVersion, type Bump } from './version.js';

/** The packages a release versions, packs and checks: the public ones, one `fixed` group in .changeset/config.json. */
export const PUBLISHED = [
  { name: '@session-obs/spec', dir: 'packages/spec' },
  { name: '@session-obs/client', dir: 'packages/client' },
  { name: '@session-obs/mock', dir: 'packages/mock' },
  { name: '@session-obs/sandbox', dir: 'packages/sandbox' },
  { name: '@session-obs/mcp', dir: 'packages/mcp' },
] as const;
const CLIENT = PUBLISHED[1];

export const BASELINE_DIR = 'packages/governance/baseline';

export interface ReleaseOptions {
  /** Repository root. */
  root: string;
  /** Bundle to release (default: packages/spec/dist/openapi.json). */
  spec?: string;
  /** Work in a temporary copy and remove it afterwards (default true). */
  dryRun?: boolean;
  /** Keep the temporary copy (prints its path). */
  keep?: boolean;
  log?: (line: string) => void;
  /** The release day and the moment sunset dates are judged against (default: now). */
  now?: Date;
}

export interface Check {
  name: string;
  ran: boolean;
  ok: boolean;
  detail: string;
}

export interface ReleaseResult {
  ok: boolean;
  bump: Bump;
  from: string;
  to: string;
  packages: Record<string, { from: string; to: string }>;
  changelog: string;
  tarballs: string[];
  checks: Check[];
  workDir: string;
}

/** Reads the committed snapshot of the last release. */
export function readBaseline(root: string): Snapshot {
  return readSnapshot(join(root, BASELINE_DIR));
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const versionOf = (manifest: string): string => String(readJson(manifest).version);

/** Sets `info.version` in the root document of the spec tree (YAML, edited as text to keep its layout). */
export function setInfoVersion(yaml: string, version: string): string {
  const next = yaml.replace(/^(info:\s*\n(?:(?:[ \t]+.*|\s*)\n)*?[ \t]+version:[ \t]*)(['"]?)[^'"\s]+\2/m, `$1$2${version}$2`);
  if (next === yaml && !yaml.includes(`version: ${version}`)) throw new Error('could not find info.version in openapi.yaml');
  return next;
}

function run(cmd: string, args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

/** pnpm as the running pnpm was started (npm_execpath), else from PATH. */
function pnpm(args: string[], cwd: string) {
  const execpath = process.env.npm_execpath;
  return execpath && /pnpm/.test(execpath) ? run(process.execPath, [execpath, ...args], cwd) : run('pnpm', args, cwd);
}

/** Copies what a release touches into a temporary directory; node_modules are linked, not copied. */
function copyRepo(root: string): string {
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

/** Runs the release. Throws nothing for a failed check: the result says what failed. */
export function release(options: ReleaseOptions): ReleaseResult {
  const { root, dryRun = true } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const step = (n: number, text: string) => log(`▸ [${n}/7] ${text}`);
  const specPath = options.spec ?? join(root, 'packages/spec/dist/openapi.json');

  step(1, `spec diff: ${relative(root, join(root, BASELINE_DIR, 'openapi.json'))} → ${relative(root, specPath) || specPath}`);
  const base = readBaseline(root);
  const current = readSpec(specPath);
  const now = options.now ?? new Date();
  const gate = runGate(base.spec, current, { now });
  for (const line of gateReport(gate)) log(`  ${line}`);
  const pkgDir = join(root, 'packages/governance');
  const result: ReleaseResult = {
    ok: false,
    bump: 'patch',
    from: base.version,
    to: base.version,
    packages: {},
    changelog: '',
    tarballs: [],
    checks: [],
    workDir: '',
  };
  if (!gate.ok) {
    log('✖ release stopped: the breaking-change gate fails');
    return result;
  }

  // The bump follows the diff, and never falls behind a version the author already wrote.
  const authored = String(current.info?.version);
  const authoredBump: Bump =
    parseVersion(authored)[0] > parseVersion(base.version)[0]
      ? 'major'
      : parseVersion(authored)[1] > parseVersion(base.version)[1]
        ? 'minor'
        : 'patch';
  const bump = maxBump(bumpFor(gate.findings), authoredBump);
  let to = bumpVersion(base.version, bump);
  if (compareVersions(authored, to) > 0) to = authored;
  const changelog = changelogEntry(gate.findings, base.version, to, bump);
  Object.assign(result, { bump, to, changelog });

  const work = dryRun ? copyRepo(root) : root;
  result.workDir = work;
  step(2, dryRun ? `working in a temporary copy: ${work}` : `working in ${work}`);
  try {
    step(3, `changesets: ${bump} release of ${PUBLISHED.map((p) => p.name).join(', ')} (API ${base.version} → ${to})`);
    const changeset = `---\n${PUBLISHED.map((p) => `"${p.name}": ${bump}`).join('\n')}\n---\n\n${changelog}\n`;
    mkdirSync(join(work, '.changeset'), { recursive: true });
    writeFileSync(join(work, '.changeset', `api-${to.replace(/\./g, '-')}.md`), changeset);
    const before = Object.fromEntries(PUBLISHED.map((p) => [p.name, versionOf(join(work, p.dir, 'package.json'))]));
    const bin = join(createRequire(join(root, 'package.json')).resolve('@changesets/cli/package.json'), '..', 'bin.js');
    const version = run(process.execPath, [bin, 'version'], work);
    if (!version.ok) throw new Error(`changeset version failed:\n${version.out}`);
    for (const p of PUBLISHED) {
      const after = versionOf(join(work, p.dir, 'package.json'));
      result.packages[p.name] = { from: before[p.name]!, to: after };
      log(`  ${p.name} ${before[p.name]} → ${after}`);
    }

    step(4, `info.version ${authored} → ${to} (openapi/openapi.yaml) and the released snapshot (${BASELINE_DIR})`);
    const yamlPath = join(work, 'openapi/openapi.yaml');
    writeFileSync(yamlPath, setInfoVersion(readFileSync(yamlPath, 'utf8'), to));
    const packages = Object.fromEntries(Object.entries(result.packages).map(([name, versions]) => [name, versions.to]));
    writeSnapshot(join(work, BASELINE_DIR), current, { version: to, date: isoDay(now), packages });

    step(5, 'CHANGELOG entry (from the spec diff):');
    const clientLog = readFileSync(join(work, CLIENT.dir, 'CHANGELOG.md'), 'utf8');
    const entry = clientLog.split(/\n(?=## )/)[1] ?? clientLog;
    for (const line of entry.trim().split('\n')) log(`  │ ${line}`);

    step(6, 'packing tarballs (pnpm pack)');
    const artifacts = join(work, dryRun ? 'artifacts' : 'artifacts/release');
    mkdirSync(artifacts, { recursive: true });
    for (const p of PUBLISHED) {
      const packed = pnpm(['pack', '--pack-destination', artifacts], join(work, p.dir));
      if (!packed.ok) throw new Error(`pnpm pack failed in ${p.dir}:\n${packed.out}`);
    }
    result.tarballs = readdirSync(artifacts)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => join(artifacts, f));
    for (const t of result.tarballs) log(`  ${relative(work, t)}`);

    step(7, 'checking the tarballs');
    result.checks = checkPackages(work, pkgDir, result.tarballs);
    for (const c of result.checks) log(`  ${c.ran ? (c.ok ? '✔' : '✖') : '–'} ${c.name}: ${c.detail}`);
    result.ok = result.checks.every((c) => c.ok);
    log(
      `${result.ok ? '✔' : '✖'} ${dryRun ? 'dry run' : 'release'} ${result.ok ? 'complete' : 'failed'}: API ${base.version} → ${to}, ${Object.entries(
        result.packages,
      )
        .map(([k, v]) => `${k} ${v.to}`)
        .join(', ')}; nothing published`,
    );
  } catch (error) {
    log(`✖ ${(error as Error).message}`);
  } finally {
    if (dryRun && !options.keep) {
      rmSync(work, { recursive: true, force: true });
      log(`  removed ${work}; the repository is unchanged`);
    } else if (dryRun) log(`  kept ${work}`);
  }
  return result;
}

/** attw on every tarball (or the client's own attw script), and the client's size budget if it has one. */
function checkPackages(work: string, pkgDir: string, tarballs: string[]): Check[] {
  const checks: Check[] = [];
  const attw = join(pkgDir, 'node_modules/.bin/attw');
  for (const p of PUBLISHED) {
    const scripts = (readJson(join(work, p.dir, 'package.json')).scripts ?? {}) as Record<string, string>;
    const own = Object.entries(scripts).find(([, cmd]) => /\battw\b/.test(cmd));
    const tarball = tarballs.find((t) => t.includes(p.name.replace('@', '').replace('/', '-')));
    if (own) {
      const r = pnpm(['run', own[0]], join(work, p.dir));
      checks.push({
        name: `${p.name} attw (its "${own[0]}" script)`,
        ran: true,
        ok: r.ok,
        detail: r.ok ? 'passed' : r.out.split('\n').slice(-15).join('\n    '),
      });
    } else if (tarball) {
      // An ESM-only package ("type": "module" and no CommonJS entry) is checked with attw's esm-only profile.
      const manifest = readJson(join(work, p.dir, 'package.json'));
      const esmOnly = manifest.type === 'module' && !manifest.main && !JSON.stringify(manifest.exports ?? {}).includes('"require"');
      const args = [tarball, '--format', 'table-flipped', ...(esmOnly ? ['--profile', 'esm-only'] : [])];
      const r = run(attw, args, work);
      checks.push({
        name: `${p.name} attw${esmOnly ? ' --profile esm-only' : ''} (packed tarball)`,
        ran: true,
        ok: r.ok,
        detail: r.ok ? 'no problems' : r.out.split('\n').slice(-20).join('\n    '),
      });
    }
    const size = Object.entries(scripts).find(([name, cmd]) => /^size/.test(name) || /size-limit/.test(cmd));
    if (size) {
      const r = pnpm(['run', size[0]], join(work, p.dir));
      checks.push({
        name: `${p.name} size budget (its "${size[0]}" script)`,
        ran: true,
        ok: r.ok,
        detail: r.ok ? 'within budget' : r.out.split('\n').slice(-15).join('\n    '),
      });
    } else if (p.name === '@session-obs/client') {
      checks.push({ name: `${p.name} size budget`, ran: false, ok: true, detail: 'skipped: the package has no size-limit script yet' });
    }
  }
  return checks;
}
