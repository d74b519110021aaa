// The one operation walker of the repo: every operation of a document with its effective parameters.
import { HTTP_METHODS, type HttpMethod, type OperationObject, type ParameterObject, type ReferenceObject } from './document.js';
import { pointerJoin } from './pointer.js';
import { resolveRef } from './resolve-ref.js';

/** What the walker needs of an operation: its id and its parameters (each may be a `$ref`). */
export interface WalkedOperation {
  operationId?: string;
  parameters?: unknown[];
}

/** A Path Item as the walker reads it: operations by method, and the parameters they share. */
export type WalkedPathItem<Operation extends WalkedOperation> = { [Method in HttpMethod]?: Operation } & { parameters?: unknown[] };

/**
 * What the walker reads of a document: its paths (a Path Item may be a `$ref`). An `OpenApiDocument`
 * is one; so is a caller's own document type (the operations' type is read from it).
 */
export interface WalkedDocument<Operation extends WalkedOperation = OperationObject> {
  paths?: Record<string, WalkedPathItem<Operation> | ReferenceObject>;
}

/** The parameter type an operation type declares (its `parameters` items, `$ref`s left out). */
export type ParameterOf<Operation> = Operation extends { parameters?: Array<infer Parameter> }
  ? Exclude<Parameter, { $ref: string }>
  : ParameterObject;

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
export interface ApiOperation<Operation = OperationObject, Parameter = ParameterOf<Operation>> {
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
 * given as a local `$ref` is followed. Parameters whose `$ref` cannot be followed are left out. The
 * parameters are typed as the document's operations declare them (a followed `$ref` is trusted to
 * point at a parameter, as the bundler checked).
 */
export function listOperations<Operation extends WalkedOperation = OperationObject>(
  spec: WalkedDocument<Operation>,
): Array<ApiOperation<Operation>> {
  const paths = spec.paths ?? {};
  return Object.entries(paths).flatMap(([path, rawItem]) => {
    const itemPointer = pointerJoin('', 'paths', path);
    const item: WalkedPathItem<Operation> =
      resolveRef<WalkedPathItem<Operation>>(spec, rawItem, itemPointer, { onUnresolvable: 'stop' }).value ?? {};
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
        parameters: effectiveParameters<ParameterOf<Operation>>(
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

/** A resolved node that names a parameter (a `name` string; `in` is read as written). */
const isParameter = (value: unknown): value is { name: string; in?: unknown } =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

function effectiveParameters<Parameter>(
  spec: unknown,
  pathLevel: unknown[],
  pathBase: string,
  operationLevel: unknown[],
  operationBase: string,
): Array<EffectiveParameter<Parameter>> {
  const byKey = new Map<string, EffectiveParameter<Parameter>>();
  const add = (list: unknown[], base: string, level: 'path' | 'operation') =>
    list.forEach((raw, index) => {
      const pointer = `${base}/${index}`;
      const { value, pointer: source } = resolveRef(spec, raw, pointer, { onUnresolvable: 'stop' });
      if (!isParameter(value)) return;
      const key = `${String(value.in)}:${value.name}`;
      // An operation-level parameter replaces the path-level one of the same name and location.
      byKey.delete(key);
      // The document's operations declare their parameters' type; a `$ref`'s target is trusted to be one.
      byKey.set(key, { parameter: value as Parameter, pointer, source, level });
    });
  add(pathLevel, pathBase, 'path');
  add(operationLevel, operationBase, 'operation');
  return [...byKey.values()];
}
