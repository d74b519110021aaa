// The responses of an operation: status codes removed and added, and for each kept one its content
// and headers (compared as outputs).
import type { Header, MaybeRef, Response } from '../openapi.js';
import { excerpts } from '../schema/context.js';
import { pointerJoin, resolveRef, type ResolvedRef } from '@session-obs/spec/pointer';
import { AS_RENDERED, type Operation } from '../spec.js';
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
        pointer: pointerJoin(old.pointer, 'responses', status),
        before: status,
        after: '(removed)',
      });
  for (const [status, current] of Object.entries(after)) {
    const pointer = pointerJoin(next.pointer, 'responses', status);
    const previous = before[status];
    if (previous === undefined) {
      report(scope, 'response-status-added', { field: `response ${status}`, pointer, before: '(absent)', after: status });
      continue;
    }
    const oldResponse = resolveRef<Response>(scope.before, previous, pointerJoin(old.pointer, 'responses', status), AS_RENDERED);
    const newResponse = resolveRef<Response>(scope.after, current, pointer, AS_RENDERED);
    if ((oldResponse.value?.description ?? '') !== (newResponse.value?.description ?? ''))
      report(scope, 'documentation-changed', {
        field: `response ${status}`,
        pointer: `${pointer}/description`,
        ...excerpts(oldResponse.value?.description, newResponse.value?.description),
      });
    diffContent(
      scope,
      {
        dir: 'response',
        pointer,
        sources: { before: oldResponse.pointer, after: newResponse.pointer },
        describe: (path) => (path ? `response property "${path}" (${status})` : `response body (${status})`),
        owner: `response ${status}`,
      },
      oldResponse.value?.content,
      newResponse.value?.content,
    );
    diffHeaders(scope, status, pointer, oldResponse, newResponse);
  }
}

/** Response headers, matched case-insensitively. */
function diffHeaders(scope: Scope, status: string, pointer: string, old: ResolvedRef<Response>, next: ResolvedRef<Response>): void {
  const before = old.value?.headers ?? {};
  const after = next.value?.headers ?? {};
  const byLowerName = (headers: Record<string, unknown>) => new Map(Object.keys(headers).map((name) => [name.toLowerCase(), name]));
  const [oldNames, newNames] = [byLowerName(before), byLowerName(after)];
  const field = (name: string) => `response header "${name}" (${status})`;
  const header = (spec: typeof scope.before, raw: MaybeRef<Header> | undefined, at: string) =>
    resolveRef<Header>(spec, raw, at, AS_RENDERED);
  for (const [lower, name] of oldNames) {
    if (newNames.has(lower)) continue;
    const removed = header(scope.before, before[name], pointerJoin(old.pointer, 'headers', name)).value;
    report(scope, removed?.required ? 'response-required-header-removed' : 'response-optional-header-removed', {
      field: field(name),
      pointer: pointerJoin(pointer, 'headers', name),
      before: name,
      after: '(removed)',
    });
  }
  for (const [lower, name] of newNames) {
    const headerPointer = pointerJoin(pointer, 'headers', name);
    const oldName = oldNames.get(lower);
    if (oldName === undefined) {
      report(scope, 'response-header-added', { field: field(name), pointer: headerPointer, before: '(absent)', after: name });
      continue;
    }
    const was = header(scope.before, before[oldName], pointerJoin(old.pointer, 'headers', oldName));
    const is = header(scope.after, after[name], pointerJoin(next.pointer, 'headers', name));
    if (was.value?.required && !is.value?.required)
      report(scope, 'response-header-made-optional', {
        field: field(name),
        pointer: `${headerPointer}/required`,
        source: `${is.pointer}/required`,
        before: 'required',
        after: 'optional',
      });
    compareSchemas(
      scope,
      {
        dir: 'response',
        pointer: `${headerPointer}/schema`,
        sources: { before: `${was.pointer}/schema`, after: `${is.pointer}/schema` },
        field: (path) => field(`${name}${path}`),
        textual: true,
      },
      was.value?.schema,
      is.value?.schema,
    );
  }
}
