// Runtime helpers around the bundled spec: where it is, loading it, and validating values
// against its schemas with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { pointerEscape, resolveRef } from './pointer.js';

export { pointerEscape, pointerGet, resolveRef } from './pointer.js';

const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;
const SPEC_ID = 'openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Absolute path of the bundled spec (JSON). */
export const bundlePath = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));

/** Reads and parses the bundled spec. */
export function loadSpec(path = bundlePath) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every operation of the spec: `{ method, path, operationId, operation }`. */
export function listOperations(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, operationId: item[method].operationId, operation: item[method] })),
  );
}

/**
 * Compiles validators for the spec's schemas (any OpenAPI 3.1 document: the bundled spec by default).
 * `validateResponse` checks a body against the schema the spec declares for that operation and status;
 * `validateComponent` against a named schema; `validateAt` against the schema at a pointer. They return
 * `{ valid, errors }` with ajv's error objects. `compile` gives the (cached) ajv function itself.
 */
export function createSpecValidator(spec = loadSpec()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
  addFormats(ajv);
  ajv.addSchema(spec, SPEC_ID);
  const cache = new Map();
  const compile = (pointer) => {
    if (!cache.has(pointer)) cache.set(pointer, ajv.compile({ $ref: `${SPEC_ID}#${pointer}` }));
    return cache.get(pointer);
  };
  const run = (pointer, value) => {
    const validate = compile(pointer);
    const valid = validate(value);
    return { valid: Boolean(valid), errors: validate.errors ?? [] };
  };

  /** Pointer of the JSON schema of a response body, or undefined when none is declared. */
  function responseSchemaPointer(method, path, status, mediaType = 'application/json') {
    const op = spec.paths?.[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`No operation ${method.toUpperCase()} ${path} in the spec.`);
    const base = `/paths/${pointerEscape(path)}/${method.toLowerCase()}/responses`;
    const key = op.responses?.[String(status)]
      ? String(status)
      : op.responses?.[`${String(status)[0]}XX`]
        ? `${String(status)[0]}XX`
        : 'default';
    if (!op.responses?.[key]) return undefined;
    const [at, response] = resolveRef(spec, op.responses[key], `${base}/${key}`);
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
    validateAt(pointer, value) {
      return run(pointer, value);
    },
  };
}

/** Formats ajv errors as one readable line each. */
export function formatErrors(errors) {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ' ' + JSON.stringify(e.params) : ''}`).join('\n');
}
