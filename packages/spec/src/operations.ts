// The one operation walker of the repo: every operation of a document with its effective parameters.
import { HTTP_METHODS, type HttpMethod, type OperationObject, type ParameterObject, type PathItemObject } from './document.js';
import { pointerJoin } from './pointer.js';
import { resolveRef } from './resolve-ref.js';

/** `any` when `Spec` is `any` (an untyped document gives untyped nodes), else `Typed`. */
type NodeOf<Spec, Typed> = 0 extends 1 & Spec ? any : Typed;

/** One parameter that applies to an operation, with its `$ref` followed. */
export interface EffectiveParameter<Parameter = ParameterObject> {
  /** The parameter, resolved. */
  parameter: Parameter;
  /** Where it is written: `/paths/~1a/parameters/0` (Path Item level) or `/paths/~1a/get/parameters/0`. */
  pointer: string;
  /** Where its definition lives once `$ref`s are followed (e.g. `/components/parameters/Limit`). */
  source: string;
  /** Whether the Path Item or the operation declares it. */
  level: 'path' | 'operation';
}

/** One operation of a document. */
export interface ApiOperation<Operation = OperationObject, Parameter = ParameterObject> {
  method: HttpMethod;
  /** The templated path, as the document writes it: `/sessions/{session_id}/errors`. */
  path: string;
  /** `GET /sessions/{}/errors`: method and path with the parameter names erased, so a renamed path parameter still matches. */
  key: string;
  /** The operation's `operationId`, or `GET /path` when it has none. */
  operationId: string;
  operation: Operation;
  /** JSON pointer of the operation: `/paths/~1sessions~1{session_id}~1errors/get`. */
  pointer: string;
  /** The Path Item's own `parameters`, as written (each may be a `$ref`): they apply to every operation of the path. */
  pathParameters: unknown[];
  /**
   * The parameters that apply: the Path Item's merged with the operation's, the operation's winning on
   * the same `name` + `in`. The Path Item's (those not overridden) come first, then the operation's,
   * each in written order.
   */
  parameters: Array<EffectiveParameter<Parameter>>;
}

/**
 * Every operation of an OpenAPI document, in path order then {@link HTTP_METHODS} order. A Path Item
 * given as a local `$ref` is followed. Parameters whose `$ref` cannot be followed are left out.
 */
export function listOperations<Spec>(spec: Spec): Array<ApiOperation<NodeOf<Spec, OperationObject>, NodeOf<Spec, ParameterObject>>> {
  const paths: Record<string, unknown> = (spec as { paths?: Record<string, unknown> } | undefined)?.paths ?? {};
  return Object.entries(paths).flatMap(([path, rawItem]) => {
    const itemPointer = pointerJoin('', 'paths', path);
    const item: PathItemObject =
      resolveRef<PathItemObject>(spec, rawItem as PathItemObject, itemPointer, { onUnresolvable: 'stop' }).value ?? {};
    const pathParameters: unknown[] = Array.isArray(item.parameters) ? item.parameters : [];
    return HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const pointer = pointerJoin(itemPointer, method);
      return {
        method,
        path,
        key: `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`,
        operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        operation,
        pointer,
        pathParameters,
        parameters: effectiveParameters(
          spec,
          pathParameters,
          `${itemPointer}/parameters`,
          operation.parameters ?? [],
          `${pointer}/parameters`,
        ),
      };
    });
  });
}

function effectiveParameters(
  spec: unknown,
  pathLevel: unknown[],
  pathBase: string,
  operationLevel: unknown[],
  operationBase: string,
): EffectiveParameter[] {
  const byKey = new Map<string, EffectiveParameter>();
  const add = (list: unknown[], base: string, level: 'path' | 'operation') =>
    list.forEach((raw, index) => {
      const pointer = `${base}/${index}`;
      const { value, pointer: source } = resolveRef<ParameterObject>(spec, raw as ParameterObject, pointer, { onUnresolvable: 'stop' });
      if (!value || typeof value.name !== 'string') return;
      const key = `${value.in}:${value.name}`;
      // An operation-level parameter replaces the path-level one of the same name and location.
      byKey.delete(key);
      byKey.set(key, { parameter: value, pointer, source, level });
    });
  add(pathLevel, pathBase, 'path');
  add(operationLevel, operationBase, 'operation');
  return [...byKey.values()];
}
