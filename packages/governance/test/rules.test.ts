// The rule table against its fixtures: every rule fires on a pair of its own and nothing else fires
// there; every case triggers its rule with the table's level; the gate follows the level.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../src/diff/index.js';
import { runGate } from '../src/gate.js';
import type { Document } from '../src/openapi.js';
import { formatFinding } from '../src/report.js';
import { rulesMarkdown } from '../src/rules-doc.js';
import { agrees, RULES, type RuleId, type Severity } from '../src/rules/index.js';
import { base, pair } from './fixtures/base-spec.js';
import { TODAY, type Spec } from './fixtures/case.js';
import { CASES, NON_CHANGES } from './fixtures/cases/index.js';

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
      expect(gate(before, major(after)).ok).toBe(true);
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
/** Our verdict on a pair: the most severe finding (nothing found counts as info). */
const verdict = (findings: ReturnType<typeof diff>): Severity =>
  findings.reduce<Severity>((worst, f) => (ORDER.indexOf(f.severity) > ORDER.indexOf(worst) ? f.severity : worst), 'info');

describe('rule table against oasdiff', () => {
  it('agrees with oasdiff on every fixture pair, except where the rule says why it differs', () => {
    const compared = CASES.filter((c) => c.oasdiff !== null);
    const unexplained: string[] = [];
    let agreeing = 0;
    for (const c of compared) {
      const level = c.oasdiff ?? RULES[c.rule].oasdiff[0]?.level;
      if (!level) continue;
      const ours = verdict(diff(...(Object.values(pair(c)) as [Spec, Spec])));
      if (agrees(ours, level)) agreeing++;
      else if (!RULES[c.rule].oasdiff.some((match) => match.level === level && match.why))
        unexplained.push(`${c.name}: ours ${ours}, oasdiff ${level}`);
    }
    expect(unexplained).toEqual([]);
    // The figure RULES.md and the report quote; a rule change that moves it must say so there.
    console.log(`fixture pairs compared with oasdiff: ${compared.length}, same level: ${agreeing}`);
    expect(agreeing / compared.length).toBeGreaterThan(0.85);
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
