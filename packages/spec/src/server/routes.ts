// Which operation a request is for: method and raw URL path against the compiled operations. Never
// throws, whatever the path holds (malformed escapes, NUL bytes, invalid UTF-8 are the parameters'
// problem, found when they are parsed).
import { HTTP_METHODS } from '../document.js';
import type { ErrorDialect } from './error-dialects.js';
import type { CompiledOperation } from './parameters.js';

/** What a method and path lead to. */
export type RouteMatch =
  /** An operation, with its path parameters' raw (still percent-encoded) values. */
  | { kind: 'operation'; operation: CompiledOperation; pathValues: Record<string, string> }
  /** The path exists but not with this method: answer 405 with `Allow: allow.join(', ')`, in `dialect`. */
  | { kind: 'method_not_allowed'; allow: string[]; dialect: ErrorDialect }
  /** No operation has this path: answer 404 `entity: "endpoint"`. */
  | { kind: 'not_found' };

/** The path part of a request target (`/a/b?x=1#f` → `/a/b`). */
function pathOf(rawPath: string): string {
  const end = rawPath.search(/[?#]/);
  return end === -1 ? rawPath : rawPath.slice(0, end);
}

/** The upper-case methods a set of operations of one path allows, with HEAD wherever GET is (a server answers it as GET). */
export function allowedMethods(operations: readonly CompiledOperation[]): string[] {
  const methods = new Set(operations.map((operation) => operation.method));
  if (methods.has('get')) methods.add('head');
  return HTTP_METHODS.filter((method) => methods.has(method)).map((method) => method.toUpperCase());
}

/** The operation with this method whose pattern matches the path, with its raw path values. */
function find(operations: readonly CompiledOperation[], method: string, path: string): RouteMatch | undefined {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    const pathValues: Record<string, string> = {};
    operation.pathParams.forEach((name, index) => {
      pathValues[name] = match[index + 1] ?? '';
    });
    return { kind: 'operation', operation, pathValues };
  }
  return undefined;
}

/**
 * Finds the operation for a method and a raw URL path (as the request line carries it, not decoded;
 * a query string is ignored). HEAD is answered by the path's GET when the spec declares no HEAD.
 */
export function matchRoute(operations: readonly CompiledOperation[], method: string, rawPath: string): RouteMatch {
  const path = pathOf(rawPath);
  const wanted = method.toLowerCase();
  const found = find(operations, wanted, path) ?? (wanted === 'head' ? find(operations, 'get', path) : undefined);
  if (found) return found;
  const onPath = operations.filter((operation) => operation.pattern.test(path));
  if (onPath.length === 0) return { kind: 'not_found' };
  return { kind: 'method_not_allowed', allow: allowedMethods(onPath), dialect: onPath[0]!.dialect };
}
