// The entry points' types, checked by the compiler (`pnpm --filter @session-obs/spec typecheck` compiles
// this file; a wrong type fails it): documents, schemas and untrusted values are typed, never `any`.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createSpecValidator,
  listOperations,
  loadSpec,
  pointerGet,
  resolveRef,
  splitByUpstream,
  type ApiOperation,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ResolvedRef,
  type SpecValidator,
  type ValidationResult,
} from '../src/index.js';
import { compileOperations, errorDialectOf, type CompiledOperation } from '../src/server/index.js';

describe('loading', () => {
  test('loadSpec() returns an OpenApiDocument, with no type to pick', () => {
    expectTypeOf(loadSpec).returns.toEqualTypeOf<OpenApiDocument>();
    expectTypeOf(loadSpec).parameters.toEqualTypeOf<[path?: string]>();
    expectTypeOf<OpenApiDocument>().not.toBeAny();
    expectTypeOf<OpenApiDocument['paths']>().not.toBeAny();
  });

  test("a document's fields are typed, extensions are unknown", () => {
    const spec = loadSpec();
    expectTypeOf(spec.info.title).toEqualTypeOf<string>();
    expectTypeOf(spec['x-internal']).toEqualTypeOf<unknown>();
    expectTypeOf(spec.components?.schemas).toEqualTypeOf<Record<string, JsonSchema> | undefined>();
    // @ts-expect-error a field OpenAPI does not define and that is no `x-` extension
    void spec.pathz;
  });
});

describe('JsonSchema', () => {
  test('is a real type, not any, with unknown for open values', () => {
    expectTypeOf<JsonSchema>().not.toBeAny();
    expectTypeOf<JsonSchema['type']>().toEqualTypeOf<
      | 'null'
      | 'boolean'
      | 'object'
      | 'array'
      | 'number'
      | 'integer'
      | 'string'
      | Array<'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string'>
      | undefined
    >();
    expectTypeOf<JsonSchema['properties']>().toEqualTypeOf<Record<string, JsonSchema | boolean> | undefined>();
    expectTypeOf<JsonSchema['default']>().toEqualTypeOf<unknown>();
    expectTypeOf<JsonSchema['x-anything']>().toEqualTypeOf<unknown>();
    // @ts-expect-error `required` is a list of names
    const wrong: JsonSchema = { required: true };
    void wrong;
  });
});

describe('the validator', () => {
  test('takes a document and rejects a non-document at compile time', () => {
    expectTypeOf(createSpecValidator).parameters.toEqualTypeOf<[spec?: OpenApiDocument]>();
    expectTypeOf(createSpecValidator).returns.toEqualTypeOf<SpecValidator>();
    // @ts-expect-error no `openapi` and no `info`: not a document
    expectTypeOf(createSpecValidator).toBeCallableWith({ paths: {} });
    // @ts-expect-error parsed JSON of unknown shape must be narrowed first
    expectTypeOf(createSpecValidator).toBeCallableWith(JSON.parse('{}') as unknown);
  });

  test('validates untrusted values as unknown', () => {
    expectTypeOf<SpecValidator['validateAt']>().parameter(1).toEqualTypeOf<unknown>();
    expectTypeOf<SpecValidator['validateComponent']>().parameter(1).toEqualTypeOf<unknown>();
    expectTypeOf<SpecValidator['validateResponse']>().parameter(3).toEqualTypeOf<unknown>();
    expectTypeOf<SpecValidator['validateAt']>().returns.toEqualTypeOf<ValidationResult>();
  });
});

describe('walking', () => {
  test('listOperations types operations and parameters from the document', () => {
    expectTypeOf(listOperations(loadSpec())).toEqualTypeOf<Array<ApiOperation<OperationObject, ParameterObject>>>();
    // @ts-expect-error an unknown value is no document
    listOperations(JSON.parse('{}') as unknown);
  });

  test("a caller's own document type gives its own operation and parameter types", () => {
    interface Param {
      name: string;
      in: string;
      own: true;
    }
    interface Op {
      operationId?: string;
      parameters?: Array<Param | { $ref: string }>;
    }
    const document: { paths: Record<string, { get?: Op }> } = { paths: {} };
    expectTypeOf(listOperations(document)).toEqualTypeOf<Array<ApiOperation<Op, Param>>>();
  });

  test('resolveRef and pointerGet give unknown for untyped nodes, the written type otherwise', () => {
    const spec = loadSpec();
    expectTypeOf(pointerGet(spec, '/info')).toEqualTypeOf<unknown>();
    expectTypeOf(resolveRef(spec, JSON.parse('{}') as unknown)).toEqualTypeOf<ResolvedRef<unknown>>();
    expectTypeOf(resolveRef(spec, spec.components?.schemas?.['A']).value).toEqualTypeOf<JsonSchema | undefined>();
    expectTypeOf(splitByUpstream).returns.toEqualTypeOf<Record<string, OpenApiDocument>>();
  });

  test('the server entry compiles documents, not any', () => {
    expectTypeOf(compileOperations).parameter(0).toEqualTypeOf<OpenApiDocument>();
    expectTypeOf(compileOperations).returns.toEqualTypeOf<CompiledOperation[]>();
    expectTypeOf(errorDialectOf).parameter(0).not.toBeAny();
  });
});
