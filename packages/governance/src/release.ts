// The release: changesets bump the publishable packages, info.version moves with them, the
// changelog entry comes from the spec diff, the tarballs are packed and checked. `dryRun` does
// all of it in a temporary copy of the repository, which is removed afterwards. Each step is a
// function below, in the order the release runs them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { readAccepted } from './accepted.js';
import { bumpFor, changelogEntry } from './changelog.js';
import { isoDay } from './deprecation.js';
import { gateReport, runGate, type GateResult } from './gate.js';
import type { Document } from './openapi.js';
import { checkPackages, type Check } from './release-checks.js';
import { BASELINE_DIR, copyRepo, pnpm, PUBLISHED, readJson, run } from './release-workspace.js';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshots.js';
import { readSpec } from './spec.js';
import { bumpVersion, compareVersions, maxBump, parseVersion, type Bump } from './version.js';

export { BASELINE_DIR, PUBLISHED } from './release-workspace.js';
export type { Check } from './release-checks.js';

const CLIENT = PUBLISHED[1];

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

/** What a release did (or, when `ok` is false, how far it got). */
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

const versionOf = (manifest: string): string => String(readJson(manifest).version);

/** Sets `info.version` in the root document of the spec tree (YAML, edited as text to keep its layout). */
export function setInfoVersion(yaml: string, version: string): string {
  const next = yaml.replace(/^(info:\s*\n(?:(?:[ \t]+.*|\s*)\n)*?[ \t]+version:[ \t]*)(['"]?)[^'"\s]+\2/m, `$1$2${version}$2`);
  if (next === yaml && !yaml.includes(`version: ${version}`)) throw new Error('could not find info.version in openapi.yaml');
  return next;
}

/** What a release runs on: both specs, the gate's verdict, the bump and versions it leads to. */
interface Plan {
  base: Snapshot;
  current: Document;
  gate: GateResult;
  now: Date;
  /** The `info.version` the author wrote. */
  authored: string;
  bump: Bump;
  to: string;
  changelog: string;
}

type Log = (line: string) => void;

/** Step 1: the spec diff through the gate, and the bump, version and changelog entry it leads to. */
function planRelease(root: string, specPath: string, now: Date, log: Log): Plan {
  const base = readBaseline(root);
  const current = readSpec(specPath);
  const gate = runGate(base.spec, current, { now }, readAccepted(join(root, BASELINE_DIR)));
  for (const line of gateReport(gate)) log(`  ${line}`);
  // The bump follows the diff, and never falls behind a version the author already wrote.
  const authored = String(current.info?.version);
  const [major, minor] = parseVersion(authored);
  const [baseMajor, baseMinor] = parseVersion(base.version);
  const authoredBump: Bump = major > baseMajor ? 'major' : minor > baseMinor ? 'minor' : 'patch';
  const bump = maxBump(bumpFor(gate.findings), authoredBump);
  const bumped = bumpVersion(base.version, bump);
  const to = compareVersions(authored, bumped) > 0 ? authored : bumped;
  return { base, current, gate, now, authored, bump, to, changelog: changelogEntry(gate.findings, base.version, to, bump) };
}

/** Step 3: a changeset for the published packages, applied by `changeset version`; returns each package's versions. */
function versionPackages(root: string, work: string, plan: Plan, log: Log): ReleaseResult['packages'] {
  const changeset = `---\n${PUBLISHED.map((p) => `"${p.name}": ${plan.bump}`).join('\n')}\n---\n\n${plan.changelog}\n`;
  mkdirSync(join(work, '.changeset'), { recursive: true });
  writeFileSync(join(work, '.changeset', `api-${plan.to.replace(/\./g, '-')}.md`), changeset);
  const before = Object.fromEntries(PUBLISHED.map((p) => [p.name, versionOf(join(work, p.dir, 'package.json'))]));
  const bin = join(createRequire(join(root, 'package.json')).resolve('@changesets/cli/package.json'), '..', 'bin.js');
  const version = run(process.execPath, [bin, 'version'], work);
  if (!version.ok) throw new Error(`changeset version failed:\n${version.out}`);
  const packages: ReleaseResult['packages'] = {};
  for (const p of PUBLISHED) {
    packages[p.name] = { from: before[p.name]!, to: versionOf(join(work, p.dir, 'package.json')) };
    log(`  ${p.name} ${packages[p.name]!.from} → ${packages[p.name]!.to}`);
  }
  return packages;
}

/** Step 4: `info.version` in openapi/openapi.yaml, and the released snapshot (the one it replaces archived). */
function recordApiVersion(work: string, plan: Plan, packages: ReleaseResult['packages']): void {
  const yamlPath = join(work, 'openapi/openapi.yaml');
  writeFileSync(yamlPath, setInfoVersion(readFileSync(yamlPath, 'utf8'), plan.to));
  const versions = Object.fromEntries(Object.entries(packages).map(([name, { to }]) => [name, to]));
  writeSnapshot(join(work, BASELINE_DIR), plan.current, { version: plan.to, date: isoDay(plan.now), packages: versions });
}

/** Step 5: the CHANGELOG entry changesets wrote (the client's, which every published package shares). */
function printChangelog(work: string, log: Log): void {
  const clientLog = readFileSync(join(work, CLIENT.dir, 'CHANGELOG.md'), 'utf8');
  const entry = clientLog.split(/\n(?=## )/)[1] ?? clientLog;
  for (const line of entry.trim().split('\n')) log(`  │ ${line}`);
}

/** Step 6: `pnpm pack` of every published package; returns the tarballs. */
function packTarballs(work: string, dryRun: boolean, log: Log): string[] {
  const artifacts = join(work, dryRun ? 'artifacts' : 'artifacts/release');
  mkdirSync(artifacts, { recursive: true });
  for (const p of PUBLISHED) {
    const packed = pnpm(['pack', '--pack-destination', artifacts], join(work, p.dir));
    if (!packed.ok) throw new Error(`pnpm pack failed in ${p.dir}:\n${packed.out}`);
  }
  const tarballs = readdirSync(artifacts)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(artifacts, f));
  for (const t of tarballs) log(`  ${relative(work, t)}`);
  return tarballs;
}

/** The closing line: what was released (or rehearsed) and whether every check passed. */
function summary(result: ReleaseResult, dryRun: boolean): string {
  const packages = Object.entries(result.packages)
    .map(([name, { to }]) => `${name} ${to}`)
    .join(', ');
  const what = dryRun ? 'dry run' : 'release';
  return `${result.ok ? '✔' : '✖'} ${what} ${result.ok ? 'complete' : 'failed'}: API ${result.from} → ${result.to}, ${packages}; nothing published`;
}

/** Steps 3 to 7, in `work`; fills `result` as they go. */
function releaseIn(root: string, work: string, plan: Plan, result: ReleaseResult, options: ReleaseOptions, log: Log): void {
  const dryRun = options.dryRun ?? true;
  const step = (n: number, text: string) => log(`▸ [${n}/7] ${text}`);
  step(3, `changesets: ${plan.bump} release of ${PUBLISHED.map((p) => p.name).join(', ')} (API ${plan.base.version} → ${plan.to})`);
  result.packages = versionPackages(root, work, plan, log);
  step(4, `info.version ${plan.authored} → ${plan.to} (openapi/openapi.yaml) and the released snapshot (${BASELINE_DIR})`);
  recordApiVersion(work, plan, result.packages);
  step(5, 'CHANGELOG entry (from the spec diff):');
  printChangelog(work, log);
  step(6, 'packing tarballs (pnpm pack)');
  result.tarballs = packTarballs(work, dryRun, log);
  step(7, 'checking the tarballs');
  result.checks = checkPackages(work, join(root, 'packages/governance'), result.tarballs);
  for (const c of result.checks) log(`  ${c.ran ? (c.ok ? '✔' : '✖') : '–'} ${c.name}: ${c.detail}`);
  result.ok = result.checks.every((c) => c.ok);
  log(summary(result, dryRun));
}

/** Runs the release. Throws nothing for a failed check: the result says what failed. */
export function release(options: ReleaseOptions): ReleaseResult {
  const { root, dryRun = true } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const specPath = options.spec ?? join(root, 'packages/spec/dist/openapi.json');
  log(`▸ [1/7] spec diff: ${relative(root, join(root, BASELINE_DIR, 'openapi.json'))} → ${relative(root, specPath) || specPath}`);
  const plan = planRelease(root, specPath, options.now ?? new Date(), log);
  const { base, gate, bump, to, changelog } = plan;
  const result: ReleaseResult = { ok: false, bump, from: base.version, to, packages: {}, changelog, tarballs: [], checks: [], workDir: '' };
  if (!gate.ok) {
    log('✖ release stopped: the breaking-change gate fails');
    return { ...result, bump: 'patch', to: base.version, changelog: '' };
  }
  const work = dryRun ? copyRepo(root) : root;
  result.workDir = work;
  log(`▸ [2/7] ${dryRun ? `working in a temporary copy: ${work}` : `working in ${work}`}`);
  try {
    releaseIn(root, work, plan, result, options, log);
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
