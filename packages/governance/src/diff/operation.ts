// One operation present in both specs: its id, deprecation and documentation, then its
// parameters, request body, responses and security.
import { isDeepStrictEqual } from 'node:util';
import { deprecationChange } from '../deprecation.js';
import { excerpts } from '../schema/context.js';
import type { Operation } from '../spec.js';
import { diffParameters } from './parameters.js';
import { diffRequestBody } from './request-body.js';
import { diffResponses } from './responses.js';
import { report, type Scope } from './scope.js';
import { diffSecurity } from './security.js';

/** Compares an operation of the last release (`old`) with the same operation now (`next`). */
export function diffOperation(scope: Scope, old: Operation, next: Operation): void {
  const [before, after] = [old.operation, next.operation];
  if (old.operationId !== next.operationId)
    report(scope, 'operation-id-changed', {
      field: 'operationId',
      pointer: `${next.pointer}/operationId`,
      before: old.operationId,
      after: next.operationId,
    });
  const deprecation = deprecationChange(before, after, 'operation');
  if (deprecation)
    report(scope, deprecation.rule, {
      field: 'operation',
      pointer: `${next.pointer}/${deprecation.keyword}`,
      before: deprecation.before,
      after: deprecation.after,
    });
  for (const key of ['summary', 'description'] as const)
    if ((before[key] ?? '') !== (after[key] ?? ''))
      report(scope, 'documentation-changed', {
        field: key,
        pointer: `${next.pointer}/${key}`,
        ...excerpts(before[key], after[key]),
      });
  if (!isDeepStrictEqual(before.tags ?? [], after.tags ?? []))
    report(scope, 'documentation-changed', {
      field: 'tags',
      pointer: `${next.pointer}/tags`,
      before: (before.tags ?? []).join(', '),
      after: (after.tags ?? []).join(', '),
    });
  diffParameters(scope, old, next);
  diffRequestBody(scope, old, next);
  diffResponses(scope, old, next);
  diffSecurity(scope, old, next);
}
