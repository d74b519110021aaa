// Reading a bundled OpenAPI document for the differ. Walking it (`$ref`s, operations, pointers) is
// `@session-obs/spec`'s: the repo's one resolver and operation walker.
import { readFileSync } from 'node:fs';
import { listOperations, type ApiOperation, type ResolveRefOptions } from '@session-obs/spec/pointer';
import { GovernanceError } from './errors.js';
import { isObject, type Document, type Operation as OperationObject, type Parameter } from './openapi.js';

export type { Document as Spec } from './openapi.js';

/** Reads and parses a bundled spec (JSON); a missing or unreadable file is a `GovernanceError`. */
export function readSpec(path: string): Document {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new GovernanceError('spec_missing', `no OpenAPI bundle at ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GovernanceError('spec_invalid', `${path} is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed) || (typeof parsed.openapi !== 'string' && typeof parsed.swagger !== 'string'))
    throw new GovernanceError('spec_invalid', `${path} is not an OpenAPI document (no "openapi" field)`);
  return parsed;
}

/**
 * How the differ follows `$ref`s: keywords written beside a `$ref` (OpenAPI 3.1, e.g. a property's own
 * `description`) are laid over the target, as Redoc and openapi-typescript show them; a `$ref` that cannot
 * be followed ends the walk instead of throwing (the differ reports what it finds there).
 */
export const AS_RENDERED: ResolveRefOptions = { mergeSiblings: true, onUnresolvable: 'stop' };

/** One operation of a spec, as the differ reads it. */
export type Operation = ApiOperation<OperationObject, Parameter>;

/** Every operation of the spec by its key (`GET /sessions/{}/errors`: a renamed path parameter still matches). */
export function operationsByKey(spec: Document): Map<string, Operation> {
  return new Map(listOperations(spec).map((operation): [string, Operation] => [operation.key, operation]));
}
