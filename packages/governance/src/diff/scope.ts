// Where a comparison stands (both documents, the operation) and how it records findings.
import type { MaybeRef, Schema, Document } from '../openapi.js';
import { RULES, type Finding, type RuleId } from '../rules/index.js';
import { diffSchema, type Direction, type SchemaChange } from '../schema/diff.js';

export interface Scope {
  before: Document;
  after: Document;
  /** Today (`YYYY-MM-DD`): sunset dates are judged against it. */
  today: string;
  operationId: string;
  /** `GET /items`, or `(spec)`. */
  operation: string;
  findings: Finding[];
}

/** What a finding says beyond its rule and operation. */
export interface Change {
  field: string;
  pointer: string;
  source?: string | undefined;
  before: string;
  after: string;
}

/** Records a finding of `rule` in the scope's operation. */
export function report(scope: Scope, rule: RuleId, change: Change): void {
  const { severity, category } = RULES[rule];
  const { source, ...rest } = change;
  scope.findings.push({
    rule,
    severity,
    category,
    operationId: scope.operationId,
    operation: scope.operation,
    ...rest,
    ...(source && source !== change.pointer ? { source } : {}),
  });
}

/** A schema to compare, and where it sits in words. */
export interface SchemaSite {
  dir: Direction;
  pointer: string;
  sources: { before: string; after: string };
  /** The field in words for a path inside the value (`''` is the value itself). */
  field: (path: string) => string;
  /** The value's own name in the path (a parameter's name), `''` for a body. */
  root?: string;
  /** Whether an input may be omitted (its default then matters). */
  omittable?: boolean;
  /** Whether values travel as text (parameters, response headers). */
  textual?: boolean;
}

/** Compares two schemas and records their changes; a definition reached twice is reported once. */
export function compareSchemas(
  scope: Scope,
  site: SchemaSite,
  before: MaybeRef<Schema> | undefined,
  after: MaybeRef<Schema> | undefined,
): void {
  const reported = new Set<string>();
  const emit = (change: SchemaChange) => {
    const key = change.source ? `${change.rule}|${change.source}|${change.before}|${change.after}` : `${change.rule}|${change.pointer}`;
    if (reported.has(key)) return;
    reported.add(key);
    const { rule, path, ...rest } = change;
    report(scope, rule, { ...rest, field: site.field(path) });
  };
  const context = {
    before: scope.before,
    after: scope.after,
    dir: site.dir,
    emit,
    today: scope.today,
    omittable: site.omittable ?? true,
    textual: site.textual ?? false,
  };
  diffSchema(context, before, after, site.pointer, site.sources, site.root ?? '');
}
