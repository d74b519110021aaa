// What the fuzzer aims at, read from an OpenAPI document: its path templates, the query parameter names
// its operations take, and the example values of its path parameters (valid ids, so that some hostile
// requests get past validation and reach the handlers).
import { listOperations, resolveRef } from '@session-obs/spec';
import type { HostileRequestOptions } from './hostile-requests.js';

/** Paths, query names and path-parameter examples of every operation of `spec`. */
export function targetsOf(spec: unknown): Omit<HostileRequestOptions, 'token'> {
  const operations = listOperations(spec);
  const queryNames = new Set<string>();
  const ids = new Set<string>();
  for (const { path, operation } of operations) {
    const item = (spec as { paths: Record<string, { parameters?: unknown[] }> }).paths[path];
    for (const node of [...(item?.parameters ?? []), ...((operation.parameters ?? []) as unknown[])]) {
      const [, parameter] = resolveRef(spec, node, '');
      if (parameter?.in === 'query') queryNames.add(parameter.name);
      if (parameter?.in === 'path' && typeof parameter.example === 'string') ids.add(parameter.example);
    }
  }
  return { paths: operations.map((o) => o.path), queryNames: [...queryNames], ids: [...ids] };
}
