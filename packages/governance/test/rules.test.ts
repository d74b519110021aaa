// The rule table against its fixtures: every rule fires on a pair of its own and nothing else fires
// there; every case triggers its rule with the table's level; the gate follows the level.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acceptanceKey } from '../src/accepted.js';
import { diffSpecs } from '../src/diff/index.js';
import { runGate } from '../src/gate.js';
import type { Document } from '../src/openapi.js';
import { formatFinding } from '../src/report.js';
import { rulesMarkdown } from '../src/rules-doc.js';
import { agrees, RULES, type RuleId, type Severity } from '../src/rules/index.js';
import { base, pair } from './fixtures/base-spec.js';
import { TODAY, type Spec } from './fixtures/case.js';
import { CASES, NON_CHANGES } from './fixtures/cases/index.js';
import { OASDIFF_CATALOGUE, OASDIFF_LEVELS, type OasdiffCheck } from './fixtures/oasdiff-levels.js';

const diff = (before: Spec, after: Spec) => diffSpecs(before as Document, after as Document, { now: TODAY });
const gate = (before: Spec, after: Spec) => runGate(before as Document, after as Document, { now: TODAY });
const list = (findings: ReturnType<typeof diff>) => findings.map(formatFinding).join('\n');
const major = (spec: Spec) => ({ ...spec, info: { ...spec.info, version: '2.0.0' } });

describe('rule table: each rule on its own fixture pair', () => {
  const own = CASES.filter((c) => c.own);

  it('every rule has exactly one own fixture', () => {
    const counts = new Map<string, number>();
    for (const c of own) counts.set(c.rule, (counts.get(c.rule) ?? 0) + 1);
    const ids = Object.keys(RULES) as RuleId[];
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
  });

  it.each(own.map((c) => [c.rule, c] as const))('%s fires on its own fixture, and nothing else does', (_rule, c) => {
    const findings = diff(...(Object.values(pair(c)) as [Spec, Spec]));
    expect(findings.length, `${c.name}: nothing found`).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.rule !== c.rule).map(formatFinding), c.name).toEqual([]);
  });
});

describe('rule table: every fixture pair', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { before, after } = pair(c);
    const findings = diff(before, after);
    const hit = findings.find((finding) => finding.rule === c.rule && (!c.pointer || finding.pointer === c.pointer));
    expect(hit, `expected ${c.rule}${c.pointer ? ` at ${c.pointer}` : ''}, got:\n${list(findings)}`).toBeDefined();
    expect(hit!.severity).toBe(RULES[c.rule].severity);
    expect(hit!.field, 'the field in words').toMatch(/\S/);
    const result = gate(before, after);
    if (RULES[c.rule].severity === 'breaking') {
      expect(result.ok).toBe(false);
      // A raised major allows it once it is accepted for that version, not before.
      const unaccepted = gate(before, major(after));
      expect(unaccepted.ok).toBe(false);
      expect(unaccepted.unaccepted.map((finding) => finding.rule)).toContain(c.rule);
      const accepted = { version: '2.0.0', changes: unaccepted.unaccepted.map(acceptanceKey) };
      expect(runGate(before as Document, major(after) as Document, { now: TODAY }, accepted).ok).toBe(true);
    } else {
      // A non-breaking change must not trip the gate through some other rule.
      expect(findings.filter((finding) => finding.severity === 'breaking').map(formatFinding)).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it.each(NON_CHANGES.map((c) => [c.name, c] as const))('no finding: %s', (_name, c) => {
    const { before, after } = pair(c);
    expect(list(diff(before, after))).toBe('');
  });

  it('finds nothing between a spec and itself (recursive schemas terminate)', () => {
    expect(diff(base(), base())).toEqual([]);
  });
});

const ORDER: Severity[] = ['info', 'warning', 'breaking'];
/** Whether `rule` gives a reason for differing from oasdiff's `level` on `check`. */
const explains = (rule: RuleId, check: string, level: string) =>
  RULES[rule].oasdiff.some((match) => match.ids.includes(check) && match.level === level && Boolean(match.why));
/** Our verdict on a pair: the most severe finding (nothing found counts as info). */
const verdict = (findings: ReturnType<typeof diff>): Severity =>
  findings.reduce<Severity>((worst, f) => (ORDER.indexOf(f.severity) > ORDER.indexOf(worst) ? f.severity : worst), 'info');

describe("rule table against oasdiff's recorded levels", () => {
  // Only pairs that name an oasdiff check are compared, each with that check's level as recorded
  // from oasdiff's catalogue (never a level of our own table).
  const compared = CASES.flatMap((c) => (c.oasdiff === null ? [] : [{ ...c, check: c.oasdiff }]));

  it('agrees with oasdiff on every compared fixture pair, except where the rule table says why', () => {
    const unexplained: string[] = [];
    let agreeing = 0;
    for (const c of compared) {
      const level = OASDIFF_LEVELS[c.check];
      const findings = diff(...(Object.values(pair(c)) as [Spec, Spec]));
      const ours = verdict(findings);
      if (agrees(ours, level)) agreeing++;
      else if (!findings.some((f) => f.severity === ours && explains(f.rule, c.check, level)))
        unexplained.push(`${c.name}: ours ${ours}, oasdiff ${level} (${c.check})`);
    }
    // The figures the README quotes; a change that moves them must say so there.
    console.log(
      `fixture pairs compared with oasdiff (${OASDIFF_CATALOGUE}): ${compared.length} of ${CASES.length}, same level: ${agreeing}`,
    );
    expect(unexplained).toEqual([]);
    expect(compared.length / CASES.length).toBeGreaterThan(0.8);
    expect(agreeing / compared.length).toBeGreaterThan(0.85);
  });

  it("names, in each pair's rule, the oasdiff check the pair is compared with", () => {
    const unnamed = compared.filter((c) => !RULES[c.rule].oasdiff.some((match) => match.ids.includes(c.check)));
    expect(unnamed.map((c) => `${c.name}: ${c.rule} does not name ${c.check}`)).toEqual([]);
  });

  it('quotes in the rule table the recorded level of every recorded check it names', () => {
    const wrong = Object.entries(RULES).flatMap(([id, rule]) =>
      rule.oasdiff.flatMap((match) =>
        match.ids
          .filter((check): check is OasdiffCheck => check in OASDIFF_LEVELS)
          .filter((check) => OASDIFF_LEVELS[check] !== match.level)
          .map((check) => `${id}: ${check} is ${match.level} in the table, ${OASDIFF_LEVELS[check]} in oasdiff's catalogue`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('RULES.md is the rule table as generated (run `pnpm --filter @session-obs/governance rules` after a change)', () => {
    expect(readFileSync(new URL('../RULES.md', import.meta.url), 'utf8')).toBe(rulesMarkdown());
  });

  it('gives a reason wherever our level differs from oasdiff, and only there', () => {
    for (const [id, rule] of Object.entries(RULES))
      for (const match of rule.oasdiff) {
        const differs = !agrees(rule.severity, match.level);
        expect(Boolean(match.why), `${id} vs ${match.ids.join(', ')}`).toBe(differs);
      }
  });

  it('names each oasdiff check in kebab-case', () => {
    const checks = Object.values(RULES).flatMap((rule) => rule.oasdiff.flatMap((match) => match.ids));
    expect(checks.filter((check) => !/^[a-z]+(-[a-z0-9]+)+$/.test(check))).toEqual([]);
  });
});
