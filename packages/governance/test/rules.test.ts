import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../src/diff.js';
import { runGate } from '../src/gate.js';
import { formatFinding } from '../src/report.js';
import { RULES, type RuleId } from '../src/rules.js';
import { base, CASES } from './fixtures/spec-pairs.js';

const pair = (change: (s: Record<string, any>) => void) => {
  const after = base();
  change(after);
  return { before: base(), after };
};

describe('rule table: one spec pair per rule, breaking and not', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { before, after } = pair(c.change);
    const findings = diffSpecs(before, after);
    const hit = findings.find((f) => f.rule === c.rule && (!c.pointer || f.pointer === c.pointer));
    expect(hit, `expected ${c.rule}${c.pointer ? ` at ${c.pointer}` : ''}, got:\n${findings.map(formatFinding).join('\n')}`).toBeDefined();
    expect(hit!.severity).toBe(RULES[c.rule].severity);
    const gate = runGate(before, after);
    if (RULES[c.rule].severity === 'breaking') {
      expect(gate.ok).toBe(false);
      expect(runGate(before, { ...after, info: { ...after.info, version: '2.0.0' } }).ok).toBe(true);
    } else {
      // A non-breaking change must not trip the gate through some other rule.
      expect(findings.filter((f) => f.severity === 'breaking').map(formatFinding)).toEqual([]);
      expect(gate.ok).toBe(true);
    }
  });

  it('has a case for every rule', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(Object.keys(RULES).filter((r) => !covered.has(r as RuleId))).toEqual([]);
  });

  it('finds nothing between a spec and itself (recursive schemas terminate)', () => {
    expect(diffSpecs(base(), base())).toEqual([]);
  });

  it('the README rule table lists every rule with its severity', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const [id, rule] of Object.entries(RULES)) {
      expect(readme, id).toMatch(new RegExp(`\\| +\`${id}\` +\\| +${rule.severity} +\\|`));
    }
  });
});

describe('findings', () => {
  it('print as operationId / JSON pointer / rule / before → after, with the definition', () => {
    const { before, after } = pair((s) => delete s.components.schemas.Item.properties.count);
    const lines = diffSpecs(before, after).map(formatFinding);
    expect(lines).toContain(
      '✖ listItems  /paths/~1items/get/responses/200/content/application~1json/schema/properties/items/items/properties/count  response-property-removed  integer → (absent)  (defined at #/components/schemas/Item/properties/count)',
    );
    // The shared schema is reported for every operation that returns it.
    expect(lines.filter((l) => l.includes('response-property-removed')).map((l) => l.split('  ')[0])).toEqual([
      '✖ listItems',
      '✖ createItem',
      '✖ getItem',
    ]);
  });

  it('fails when info.version goes backwards, passes a breaking change only with a major bump', () => {
    const { before, after } = pair((s) => delete s.paths['/items'].post);
    expect(runGate(before, { ...after, info: { ...after.info, version: '1.9.0' } }).ok).toBe(false);
    expect(runGate(before, { ...after, info: { ...after.info, version: '2.0.0' } }).verdict).toMatch(
      /allowed: info.version major raised 1.0.0 → 2.0.0/,
    );
    expect(runGate(before, { ...base(), info: { ...after.info, version: '0.9.0' } }).ok).toBe(false);
  });
});
