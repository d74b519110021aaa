// The request body of an operation: added, removed, made required or optional, and its content.
import type { RequestBody } from '../openapi.js';
import { excerpts } from '../schema/context.js';
import { resolve, type Operation } from '../spec.js';
import { diffContent } from './content.js';
import { report, type Scope } from './scope.js';

const describe = (path: string) => (path ? `request property "${path}"` : 'request body');

/** Compares the request bodies of an operation in the last release (`old`) and now (`next`). */
export function diffRequestBody(scope: Scope, old: Operation, next: Operation): void {
  const before = resolve<RequestBody>(scope.before, old.operation.requestBody, `${old.pointer}/requestBody`);
  const after = resolve<RequestBody>(scope.after, next.operation.requestBody, `${next.pointer}/requestBody`);
  const pointer = `${next.pointer}/requestBody`;
  const field = 'request body';
  const requiredness = (body: RequestBody) => (body.required ? 'required' : 'optional');
  if (!after.node) {
    if (before.node)
      report(scope, 'request-body-removed', {
        field,
        pointer: `${old.pointer}/requestBody`,
        before: requiredness(before.node),
        after: '(removed)',
      });
    return;
  }
  if (!before.node) {
    const rule = after.node.required ? 'request-body-added-required' : 'request-body-added-optional';
    report(scope, rule, { field, pointer, source: after.source, before: '(absent)', after: requiredness(after.node) });
    return;
  }
  if (Boolean(before.node.required) !== Boolean(after.node.required))
    report(scope, after.node.required ? 'request-body-made-required' : 'request-body-made-optional', {
      field,
      pointer: `${pointer}/required`,
      source: `${after.source}/required`,
      before: requiredness(before.node),
      after: requiredness(after.node),
    });
  if ((before.node.description ?? '') !== (after.node.description ?? ''))
    report(scope, 'documentation-changed', {
      field,
      pointer: `${pointer}/description`,
      ...excerpts(before.node.description, after.node.description),
    });
  diffContent(
    scope,
    { dir: 'request', pointer, sources: { before: before.source, after: after.source }, describe, owner: 'request body' },
    before.node.content,
    after.node.content,
  );
}
