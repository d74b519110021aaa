#!/usr/bin/env node
// session-obs-governance: check | changelog | changelog-page | release | snapshot | rules
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bumpFor, changelogEntry } from './changelog.js';
import { changelogPage } from './changelog-page.js';
import { isoDay } from './deprecation.js';
import { GovernanceError } from './errors.js';
import { acceptBreaking, readAccepted } from './accepted.js';
import { gateReport, runGate } from './gate.js';
import { gateMarkdown } from './markdown.js';
import { BASELINE_DIR, PUBLISHED, readBaseline, release } from './release.js';
import { rulesMarkdown } from './rules-doc.js';
import { readSnapshot, writeSnapshot } from './snapshots.js';
import { readSpec } from './spec.js';
import { bumpVersion } from './version.js';

const USAGE = `usage: session-obs-governance <command> [options]
  check           compare the bundle with the released snapshot; exit 1 on a breaking change unless
                  info.version's major was raised and the change accepted   [--spec <bundle>] [--base <dir>]
                  [--format text|markdown|json] [--verbose] [--accept: record the breaking changes as accepted]
  changelog       print the changelog entry of the spec diff  [--spec <bundle>]
  changelog-page  write the docs site's Changelog page (HTML)  --out <file> [--spec <bundle>]
  release         --dry-run: version, changelog, pack and check in a temporary copy (nothing published,
                  repository unchanged); --apply: the same in place  [--spec <bundle>] [--keep]
  snapshot        write ${BASELINE_DIR}/ from the bundle (what a release records)  [--spec <bundle>]
  rules           print the rule table (RULES.md)  [--out <file>]
common: --today YYYY-MM-DD judges x-sunset dates against that day instead of today`;

const OPTIONS = {
  spec: { type: 'string' },
  base: { type: 'string' },
  root: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  today: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  apply: { type: 'boolean' },
  keep: { type: 'boolean' },
  accept: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function findRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(join(dir, 'openapi'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
}

function parseToday(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || isoDay(date) !== value)
    throw new GovernanceError('usage', `--today takes a date YYYY-MM-DD, not "${value}"`);
  return date;
}

function main(argv: string[]): number {
  const { values: options, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command] = positionals;
  if (!command || options.help || command === 'help') {
    console.log(USAGE);
    return command || options.help ? 0 : 2;
  }
  const root = options.root ?? findRoot();
  const specPath = resolve(options.spec ?? join(root, 'packages/spec/dist/openapi.json'));
  const now = parseToday(options.today);
  const bundle = () => {
    if (!existsSync(specPath))
      throw new GovernanceError(
        'spec_missing',
        `no bundle at ${specPath}: run \`pnpm --filter @session-obs/spec build\` (or \`pnpm check:breaking\` from the root)`,
      );
    return readSpec(specPath);
  };
  switch (command) {
    case 'check': {
      const baseDir = options.base ? resolve(options.base) : join(root, BASELINE_DIR);
      const base = options.base ? readSnapshot(baseDir).spec : readBaseline(root).spec;
      const current = bundle();
      // Accepting records every breaking change as it is now; the gate then fails only on a later one.
      if (options.accept) {
        console.log(acceptBreaking(baseDir, runGate(base, current, { now })));
        return 0;
      }
      const result = runGate(base, current, { now }, readAccepted(baseDir));
      const format = options.json ? 'json' : (options.format ?? 'text');
      if (format === 'json') console.log(JSON.stringify(result, null, 2));
      else if (format === 'markdown') console.log(gateMarkdown(result));
      else if (format === 'text') for (const line of gateReport(result, options.verbose)) (result.ok ? console.log : console.error)(line);
      else throw new GovernanceError('usage', `--format takes text, markdown or json, not "${format}"`);
      return result.ok ? 0 : 1;
    }
    case 'changelog': {
      const base = readBaseline(root);
      const result = runGate(base.spec, bundle(), { now });
      const bump = bumpFor(result.findings);
      console.log(changelogEntry(result.findings, base.version, bumpVersion(base.version, bump), bump));
      return 0;
    }
    case 'changelog-page': {
      if (!options.out) throw new GovernanceError('usage', 'changelog-page needs --out <file>');
      writeFileSync(options.out, changelogPage({ baselineDir: join(root, BASELINE_DIR), current: bundle(), now }));
      console.log(`✔ wrote ${options.out}`);
      return 0;
    }
    case 'release': {
      const result = release({ root, spec: specPath, dryRun: !options.apply, keep: Boolean(options.keep), now });
      return result.ok ? 0 : 1;
    }
    case 'snapshot': {
      const spec = bundle();
      const packages = Object.fromEntries(
        PUBLISHED.map((pkg) => [
          pkg.name,
          String((JSON.parse(readFileSync(join(root, pkg.dir, 'package.json'), 'utf8')) as { version?: unknown }).version),
        ]),
      );
      const version = String(spec.info?.version);
      writeSnapshot(join(root, BASELINE_DIR), spec, { version, date: isoDay(now), packages });
      console.log(`✔ wrote ${BASELINE_DIR}/ (API ${version})`);
      return 0;
    }
    case 'rules': {
      if (options.out) writeFileSync(options.out, rulesMarkdown());
      else process.stdout.write(rulesMarkdown());
      return 0;
    }
    default:
      throw new GovernanceError('usage', `unknown command "${command}"`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Bad input is one line, never a stack trace: our errors, and node's argument parser's.
  const known =
    error instanceof GovernanceError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  if (!known) throw error;
  const usage = !(error instanceof GovernanceError) || error.code === 'usage';
  console.error(`✖ ${error.message}${usage ? ' (session-obs-governance --help lists commands and options)' : ''}`);
  process.exitCode = 2;
}
