// Validating values against a document's schemas with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
import { Ajv2020, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isReference, type HttpMethod, type OpenApiDocument } from './document.js';
import { loadSpec } from './load.js';
import { pointerEscape } from './pointer.js';
import { resolveRef } from './resolve-ref.js';

/** ajv's error object and compiled validator, as the validator returns them. */
export type { ErrorObject, ValidateFunction };

// ajv-formats is CommonJS: its default export arrives as the module object or as the function.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;
const SPEC_ID = 'openapi.json';

/** The outcome of one validation, with ajv's error objects. */
export interface ValidationResult {
  valid: boolean;
  errors: Array<{ instancePath?: string; message?: string; params?: unknown }>;
}

/** Validators for the schemas of one OpenAPI document, made by {@link createSpecValidator}. */
export interface SpecValidator {
  /** The compiled ajv function for the schema at a JSON pointer of the document (compiled once, then cached). */
  compile(pointer: string): ValidateFunction;
  /** JSON pointer of the response body schema, or undefined when the spec declares none. */
  responseSchemaPointer(method: string, path: string, status: number | string, mediaType?: string): string | undefined;
  /** Validates a body against the schema declared for this operation and status (then `NXX`, then `default`). */
  validateResponse(method: string, path: string, status: number | string, body: unknown): ValidationResult;
  /** Validates a value against `components.schemas[name]`. */
  validateComponent(name: string, value: unknown): ValidationResult;
  /** Validates a value against the schema at a JSON pointer of the document. */
  validateAt(pointer: string, value: unknown): ValidationResult;
}

/**
 * Compiles validators for an OpenAPI 3.1 document's schemas (default: the bundled spec). Throws when
 * asked about an operation or a component the document does not have.
 */
export function createSpecValidator(spec: OpenApiDocument = loadSpec()): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
  addFormats(ajv);
  // ajv takes the whole document as one schema resource: its schemas are reached by JSON pointer into it.
  ajv.addSchema(spec as SchemaObject, SPEC_ID);
  const cache = new Map<string, ValidateFunction>();
  const compile = (pointer: string): ValidateFunction => {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      cache.set(pointer, validate);
    }
    return validate;
  };
  const run = (pointer: string, value: unknown): ValidationResult => {
    const validate = compile(pointer);
    const valid = validate(value);
    return { valid: Boolean(valid), errors: validate.errors ?? [] };
  };

  function responseSchemaPointer(method: string, path: string, status: number | string, mediaType = 'application/json') {
    const item = spec.paths?.[path];
    const operation = item && !isReference(item) ? item[method.toLowerCase() as HttpMethod] : undefined;
    if (!operation) throw new Error(`No operation ${method.toUpperCase()} ${path} in the spec.`);
    const base = `/paths/${pointerEscape(path)}/${method.toLowerCase()}/responses`;
    const exact = String(status);
    const range = `${exact[0]}XX`;
    const key = operation.responses?.[exact] ? exact : operation.responses?.[range] ? range : 'default';
    const declared = operation.responses?.[key];
    if (!declared) return undefined;
    const [at, response] = resolveRef(spec, declared, `${base}/${key}`);
    if (!response?.content?.[mediaType]?.schema) return undefined;
    return `${at}/content/${pointerEscape(mediaType)}/schema`;
  }

  return {
    compile,
    responseSchemaPointer,
    validateResponse(method, path, status, body) {
      const pointer = responseSchemaPointer(method, path, status);
      if (!pointer) return { valid: false, errors: [{ message: `status ${status} is not declared for ${method.toUpperCase()} ${path}` }] };
      return run(pointer, body);
    },
    validateComponent(name, value) {
      if (!spec.components?.schemas?.[name]) throw new Error(`No schema ${name} in the spec.`);
      return run(`/components/schemas/${pointerEscape(name)}`, value);
    },
    validateAt: run,
  };
}

/** Formats ajv errors as one readable line each. */
export function formatErrors(errors: ValidationResult['errors']): string {
  return errors
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}${error.params ? ' ' + JSON.stringify(error.params) : ''}`)
    .join('\n');
}
