import { describe, expect, it } from 'vitest';
import { createSpecValidator, formatErrors, listOperations, loadSpec, pointerEscape, resolveRef } from '../src/index.js';

const spec = loadSpec();
const validator = createSpecValidator(spec);

// Every named example of every response, with the schema it must satisfy.
const cases = listOperations(spec).flatMap(({ method, path, operationId, operation }) =>
  Object.entries<any>(operation.responses ?? {}).flatMap(([status, ref]) => {
    const [at, response] = resolveRef(spec, ref, `/paths/${pointerEscape(path)}/${method}/responses/${status}`);
    const media = response.content?.['application/json'];
    return Object.entries((media?.examples ?? {}) as Record<string, unknown>).map(([name, example]) => {
      const [, resolved] = resolveRef<any>(spec, example, '');
      return {
        label: `${operationId} ${status} ${name}`,
        pointer: `${at}/content/application~1json/schema`,
        value: resolved.value,
        status,
      };
    });
  }),
);

describe('named examples', () => {
  it.each(cases.map((c) => [c.label, c] as const))('%s validates against its schema', (_, c) => {
    const result = validator.validateAt(c.pointer, c.value);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  });

  it('every response of every operation has at least one named example', () => {
    for (const { operationId, operation, method, path } of listOperations(spec)) {
      for (const [status, ref] of Object.entries<any>(operation.responses ?? {})) {
        const [, response] = resolveRef(spec, ref, `/paths/${pointerEscape(path)}/${method}/responses/${status}`);
        const examples = Object.keys(response.content?.['application/json']?.examples ?? {});
        expect(examples.length, `${operationId} ${status}`).toBeGreaterThan(0);
      }
    }
  });

  it('session-dialect error examples carry the HTTP status they are declared under', () => {
    for (const c of cases.filter((x) => x.value?.object === 'error')) expect(String(c.value.status), c.label).toBe(c.status);
  });

  it('example ids use realistic prefixes', () => {
    const ids = cases.flatMap((c) => JSON.stringify(c.value).match(/"(?:id|session_id|group_id)":"([^"]+)"/g) ?? []);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(id).not.toMatch(/example_|"string"/);
  });
});

describe('createSpecValidator.compile', () => {
  it('gives the cached ajv function for a pointer, with ajv errors for a bad value', () => {
    const pointer = '/components/schemas/SessionError';
    const validate = validator.compile(pointer);
    expect(validator.compile(pointer)).toBe(validate);
    expect(validate({})).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'required')).toBe(true);
  });

  it('serves any OpenAPI 3.1 document, not only the bundled spec', () => {
    const other = createSpecValidator({
      openapi: '3.1.0',
      info: { title: 'N', version: '1' },
      paths: {},
      components: { schemas: { N: { type: 'integer', minimum: 1 } } },
    });
    expect(other.compile('/components/schemas/N')(3)).toBe(true);
    expect(other.validateComponent('N', 0).valid).toBe(false);
  });
});
