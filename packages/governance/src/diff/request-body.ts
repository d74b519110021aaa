// The request body of an operation: added, removed, made required or optional, and its content.
import type { RequestBody } from '../openapi.js';
import { excerpts } from '../schema/context.js';
import { resolveRef } from '@session-obs/spec/pointer';
import { AS_RENDERED, type Operation } from '../spec.js';
import { diffContent } from './content.js';
import { report, type Scope } from './scope.js';

const describe = (path: string) => (path ? `request property "${path}"` : 'request body');

/** Compares the request bodies of an operation in the last release (`old`) and now (`next`). */
export function diffRequestBody(scope: Scope, old: Operation, next: Operation): void {
  const before = resolveRef<RequestBody>(scope.before, old.operation.requestBody, `${old.pointer}/requestBody`, AS_RENDERED);
  const after = resolveRef<RequestBody>(scope.after, next.operation.requestBody, `${next.pointer}/requestBody`, AS_RENDERED);
  const pointer = `${next.pointer}/requestBody`;
  const field = 'request body';
  const requiredness = (body: RequestBody) => (body.required ? 'required' : 'optional');
  if (!after.value) {
    if (before.value)
      report(scope, 'request-body-removed', {
        field,
        pointer: `${old.pointer}/requestBody`,
        before: requiredness(before.value),
        after: '(removed)',
      });
    return;
  }
  if (!before.value) {
    const rule = after.value.required ? 'request-body-added-required' : 'request-body-added-optional';
    report(scope, rule, { field, pointer, source: after.pointer, before: '(absent)', after: requiredness(after.value) });
    return;
  }
  if (Boolean(before.value.required) !== Boolean(after.value.required))
    report(scope, after.value.required ? 'request-body-made-required' : 'request-body-made-optional', {
      field,
      pointer: `${pointer}/required`,
      source: `${after.pointer}/required`,
      before: requiredness(before.value),
      after: requiredness(after.value),
    });
  if ((before.value.description ?? '') !== (after.value.description ?? ''))
    report(scope, 'documentation-changed', {
      field,
      pointer: `${pointer}/description`,
      ...excerpts(before.value.description, after.value.description),
    });
  diffContent(
    scope,
    { dir: 'request', pointer, sources: { before: before.pointer, after: after.pointer }, describe, owner: 'request body' },
    before.value.content,
    after.value.content,
  );
}
