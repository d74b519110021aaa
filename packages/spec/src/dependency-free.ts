// The `@session-obs/spec/pointer` entry: walking a document with no dependency (no ajv, no node:fs),
// for code that only needs pointers, `$ref`s and operations.
export { HTTP_METHODS, isOpenApiDocument, isReference, type HttpMethod, type OpenApiDocument } from './document.js';
export { pointerEscape, pointerGet, pointerJoin, pointerUnescape } from './pointer.js';
export { resolveRef, type ResolveRefOptions, type ResolvedRef } from './resolve-ref.js';
export { isSchemaObject, type JsonSchema } from './json-schema.js';
export {
  listOperations,
  type ApiOperation,
  type EffectiveParameter,
  type ParameterOf,
  type WalkedDocument,
  type WalkedOperation,
  type WalkedPathItem,
} from './operations.js';
