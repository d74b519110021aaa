// The responses of an operation: status codes removed and added, and for each kept one its content
// and headers (compared as outputs).
import type { Header, MaybeRef, Response } from '../openapi.js';
import { excerpts } from '../schema/context.js';
import { ptr, resolve, type Operation, type Resolved } from '../spec.js';
import { diffContent } from './content.js';
import { compareSchemas, report, type Scope } from './scope.js';

/** A 2xx status (or `2XX`): what a client was written to receive when a call succeeds. */
const isSuccess = (status: string) => /^2/.test(status);

/** Compares the responses of an operation in the last release (`old`) and now (`next`). */
export function diffResponses(scope: Scope, old: Operation, next: Operation): void {
  const before = old.operation.responses ?? {};
  const after = next.operation.responses ?? {};
  for (const status of Object.keys(before))
    if (!(status in after))
      report(scope, isSuccess(status) ? 'response-success-status-removed' : 'response-error-status-removed', {
        field: `response ${status}`,
        pointer: ptr(old.pointer, 'responses', status),
        before: status,
        after: '(removed)',
      });
  for (const [status, current] of Object.entries(after)) {
    const pointer = ptr(next.pointer, 'responses', status);
    const previous = before[status];
    if (previous === undefined) {
      report(scope, 'response-status-added', { field: `response ${status}`, pointer, before: '(absent)', after: status });
      continue;
    }
    const oldResponse = resolve<Response>(scope.before, previous, ptr(old.pointer, 'responses', status));
    const newResponse = resolve<Response>(scope.after, current, pointer);
    if ((oldResponse.node?.description ?? '') !== (newResponse.node?.description ?? ''))
      report(scope, 'documentation-changed', {
        field: `response ${status}`,
        pointer: `${pointer}/description`,
        ...excerpts(oldResponse.node?.description, newResponse.node?.description),
      });
    diffContent(
      scope,
      {
        dir: 'response',
        pointer,
        sources: { before: oldResponse.source, after: newResponse.source },
        describe: (path) => (path ? `response property "${path}" (${status})` : `response body (${status})`),
        owner: `response ${status}`,
      },
      oldResponse.node?.content,
      newResponse.node?.content,
    );
    diffHeaders(scope, status, pointer, oldResponse, newResponse);
  }
}

/** Response headers, matched case-insensitively. */
function diffHeaders(scope: Scope, status: string, pointer: string, old: Resolved<Response>, next: Resolved<Response>): void {
  const before = old.node?.headers ?? {};
  const after = next.node?.headers ?? {};
  const byLowerName = (headers: Record<string, unknown>) => new Map(Object.keys(headers).map((name) => [name.toLowerCase(), name]));
  const [oldNames, newNames] = [byLowerName(before), byLowerName(after)];
  const field = (name: string) => `response header "${name}" (${status})`;
  const header = (spec: typeof scope.before, raw: MaybeRef<Header> | undefined, at: string) => resolve<Header>(spec, raw, at);
  for (const [lower, name] of oldNames) {
    if (newNames.has(lower)) continue;
    const removed = header(scope.before, before[name], ptr(old.source, 'headers', name)).node;
    report(scope, removed?.required ? 'response-required-header-removed' : 'response-optional-header-removed', {
      field: field(name),
      pointer: ptr(pointer, 'headers', name),
      before: name,
      after: '(removed)',
    });
  }
  for (const [lower, name] of newNames) {
    const headerPointer = ptr(pointer, 'headers', name);
    const oldName = oldNames.get(lower);
    if (oldName === undefined) {
      report(scope, 'response-header-added', { field: field(name), pointer: headerPointer, before: '(absent)', after: name });
      continue;
    }
    const was = header(scope.before, before[oldName], ptr(old.source, 'headers', oldName));
    const is = header(scope.after, after[name], ptr(next.source, 'headers', name));
    if (was.node?.required && !is.node?.required)
      report(scope, 'response-header-made-optional', {
        field: field(name),
        pointer: `${headerPointer}/required`,
        source: `${is.source}/required`,
        before: 'required',
        after: 'optional',
      });
    compareSchemas(
      scope,
      {
        dir: 'response',
        pointer: `${headerPointer}/schema`,
        sources: { before: `${was.source}/schema`, after: `${is.source}/schema` },
        field: (path) => field(`${name}${path}`),
        textual: true,
      },
      was.node?.schema,
      is.node?.schema,
    );
  }
}
