#!/usr/bin/env node
// session-obs-governance: check | changelog | release --dry-run | snapshot
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bumpFor, changelogEntry } from './changelog.js';
import { gateReport, runGate } from './gate.js';
import { BASELINE_DIR, PUBLISHED, readBaseline, release, writeBaseline } from './release.js';
import { readSpec } from './spec.js';
import { bumpVersion } from './version.js';

const USAGE = `usage: session-obs-governance <command> [options]
  check      compare the bundle with the released snapshot; exit 1 on a breaking change
             unless info.version's major was raised       [--spec <bundle>] [--base <dir>] [--verbose] [--json]
  changelog  print the changelog entry of the spec diff  [--spec <bundle>]
  release    --dry-run: version, changelog, pack and check in a temporary copy (nothing published,
             repository unchanged); --apply: the same in place  [--spec <bundle>] [--keep]
  snapshot   write ${BASELINE_DIR}/ from the bundle (what a release records)  [--spec <bundle>]`;

function findRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(join(dir, 'openapi'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  const root = option(args, '--root') ?? findRoot();
  const specPath = resolve(option(args, '--spec') ?? join(root, 'packages/spec/dist/openapi.json'));
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'release' && !existsSync(specPath)) {
    console.error(`✖ no bundle at ${specPath}: run \`pnpm --filter @session-obs/spec build\` (or \`pnpm check:breaking\` from the root)`);
    return 2;
  }
  switch (command) {
    case 'check': {
      const baseDir = option(args, '--base');
      const base = baseDir ? readSpec(join(resolve(baseDir), 'openapi.json')) : readBaseline(root).spec;
      const result = runGate(base, readSpec(specPath));
      if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
      else for (const line of gateReport(result, args.includes('--verbose'))) (result.ok ? console.log : console.error)(line);
      return result.ok ? 0 : 1;
    }
    case 'changelog': {
      const base = readBaseline(root);
      const current = readSpec(specPath);
      const result = runGate(base.spec, current);
      const bump = bumpFor(result.findings);
      console.log(changelogEntry(result.findings, base.version, bumpVersion(base.version, bump), bump));
      return 0;
    }
    case 'release': {
      const dryRun = !args.includes('--apply');
      const result = release({ root, spec: specPath, dryRun, keep: args.includes('--keep') });
      return result.ok ? 0 : 1;
    }
    case 'snapshot': {
      const spec = readSpec(specPath);
      const packages = Object.fromEntries(
        PUBLISHED.map((p) => [p.name, JSON.parse(readFileSync(join(root, p.dir, 'package.json'), 'utf8')).version as string]),
      );
      writeBaseline(join(root, BASELINE_DIR), spec, String(spec.info.version), packages);
      console.log(`✔ wrote ${BASELINE_DIR}/ (API ${spec.info.version})`);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
