// What the fuzzer aims at, read from an OpenAPI document: its path templates, the query parameter names
// its operations take, and the example values of its path parameters (valid ids, so that some hostile
// requests get past validation and reach the handlers).
import { listOperations, type OpenApiDocument } from '@session-obs/spec';
import type { HostileRequestOptions } from './hostile-requests.js';

/** Paths, query names and path-parameter examples of every operation of `spec`. */
export function targetsOf(spec: OpenApiDocument): Omit<HostileRequestOptions, 'token'> {
  const operations = listOperations(spec);
  const queryNames = new Set<string>();
  const ids = new Set<string>();
  for (const { parameter } of operations.flatMap((operation) => operation.parameters)) {
    if (parameter.in === 'query') queryNames.add(parameter.name);
    if (parameter.in === 'path' && typeof parameter.example === 'string') ids.add(parameter.example);
  }
  return { paths: operations.map((operation) => operation.path), queryNames: [...queryNames], ids: [...ids] };
}
