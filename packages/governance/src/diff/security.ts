// Security of an operation: its own requirements or else the document's. Alternatives are ORed,
// schemes within one ANDed, scopes within a scheme ANDed (OpenAPI's model).
import { isDeepStrictEqual } from 'node:util';
import type { Document, SecurityRequirement, SecurityScheme } from '../openapi.js';
import { pointerJoin } from '@session-obs/spec/pointer';
import type { Operation } from '../spec.js';
import { report, type Scope } from './scope.js';

const requirements = (spec: Document, operation: Operation): SecurityRequirement[] => operation.operation.security ?? spec.security ?? [];

const label = (list: SecurityRequirement[]) =>
  list.length ? list.map((alternative) => Object.keys(alternative).join(' + ') || '(none)').join(' | ') : '(none)';

/** Whether credentials that satisfy `have` also satisfy `need`. */
const satisfies = (have: SecurityRequirement, need: SecurityRequirement) =>
  Object.entries(need).every(([scheme, scopes]) => have[scheme] !== undefined && scopes.every((scope) => have[scheme]!.includes(scope)));

/** What a client sends for a scheme: its type, HTTP scheme, location and flows. */
const wireShape = (scheme: SecurityScheme) => ({
  type: scheme.type,
  scheme: scheme.scheme?.toLowerCase(),
  in: scheme.in,
  name: scheme.name,
  flows: scheme.flows,
  openIdConnectUrl: scheme.openIdConnectUrl,
});

/** Compares the security of an operation in the last release (`old`) and now (`next`). */
export function diffSecurity(scope: Scope, old: Operation, next: Operation): void {
  const before = requirements(scope.before, old);
  const after = requirements(scope.after, next);
  const pointer = next.operation.security ? `${next.pointer}/security` : '/security';
  // No requirement (or an empty one) means a request without credentials is accepted.
  const oldAlternatives = before.length ? before : [{}];
  const newAlternatives = after.length ? after : [{}];
  const broken = oldAlternatives.some((alternative) => !newAlternatives.some((candidate) => satisfies(alternative, candidate)));
  const widened = newAlternatives.some((alternative) => !oldAlternatives.some((candidate) => satisfies(alternative, candidate)));
  if (broken) report(scope, 'security-tightened', { field: 'security', pointer, before: label(before), after: label(after) });
  else if (widened) report(scope, 'security-loosened', { field: 'security', pointer, before: label(before), after: label(after) });
  const used = new Set(newAlternatives.flatMap((alternative) => Object.keys(alternative)));
  for (const name of used) {
    const was = scope.before.components?.securitySchemes?.[name];
    const is = scope.after.components?.securitySchemes?.[name];
    if (!was || !is || isDeepStrictEqual(wireShape(was), wireShape(is))) continue;
    report(scope, 'security-scheme-changed', {
      field: `security scheme "${name}"`,
      pointer: pointerJoin('', 'components', 'securitySchemes', name),
      before: JSON.stringify(wireShape(was)),
      after: JSON.stringify(wireShape(is)),
    });
  }
}
