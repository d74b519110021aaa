// Compares two bundled specs operation by operation and classifies every change by the rule table.
import { isDeepStrictEqual } from 'node:util';
import { deprecationLabel, isoDay, removalRule } from '../deprecation.js';
import type { Document } from '../openapi.js';
import type { Finding } from '../rules/index.js';
import { excerpts } from '../schema/context.js';
import { pointerJoin } from '@session-obs/spec/pointer';
import { operationsByKey } from '../spec.js';
import { diffOperation } from './operation.js';
import { report, type Scope } from './scope.js';

export interface DiffOptions {
  /** The moment sunset dates are judged against (default: now). */
  now?: Date;
}

/** Compares `before` (the last release) with `after` (the current bundle); returns every finding. */
export function diffSpecs(before: Document, after: Document, options: DiffOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const today = isoDay(options.now ?? new Date());
  const document: Scope = { before, after, today, operationId: '(spec)', operation: '(spec)', findings };
  const old = operationsByKey(before);
  const next = operationsByKey(after);
  for (const [key, operation] of old) {
    if (next.has(key)) continue;
    const scope = { ...document, operationId: operation.operationId, operation: `${operation.method.toUpperCase()} ${operation.path}` };
    const rule = removalRule(operation.operation, 'operation', today);
    const before = operation.operation.deprecated ? deprecationLabel(operation.operation) : scope.operation;
    report(scope, rule, { field: 'operation', pointer: operation.pointer, before, after: '(removed)' });
  }
  for (const [key, operation] of next) {
    const scope = { ...document, operationId: operation.operationId, operation: `${operation.method.toUpperCase()} ${operation.path}` };
    const previous = old.get(key);
    if (previous) diffOperation(scope, previous, operation);
    else report(scope, 'operation-added', { field: 'operation', pointer: operation.pointer, before: '(absent)', after: scope.operation });
  }
  diffDocument(document);
  return findings;
}

function diffDocument(scope: Scope): void {
  const { before, after } = scope;
  const docs = (field: string, pointer: string, old: unknown, next: unknown) =>
    report(scope, 'documentation-changed', { field, pointer, ...excerpts(old, next) });
  for (const key of ['title', 'summary', 'description'] as const)
    if ((before.info?.[key] ?? '') !== (after.info?.[key] ?? ''))
      docs(`info.${key}`, `/info/${key}`, before.info?.[key], after.info?.[key]);
  if (!isDeepStrictEqual(before.tags ?? [], after.tags ?? [])) docs('tags', '/tags', before.tags, after.tags);
  if (!isDeepStrictEqual(before.servers ?? [], after.servers ?? [])) docs('servers', '/servers', before.servers, after.servers);
  const schemas = after.components?.schemas ?? {};
  for (const name of Object.keys(before.components?.schemas ?? {}))
    if (!(name in schemas))
      report(scope, 'component-schema-removed', {
        field: `schema "${name}"`,
        pointer: pointerJoin('', 'components', 'schemas', name),
        before: name,
        after: '(removed)',
      });
}
