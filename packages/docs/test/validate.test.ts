// The console's in-page validator against ajv (the spec validator every other test uses): the same
// verdict on every response example of the spec and on mutations of each (a property removed, one
// added, a value of another type, out of range or too long, an array emptied or given a duplicate).
import { describe, expect, it } from 'vitest';
import { createSpecValidator, listOperations, loadSpec, resolveRef } from '@session-obs/spec';
import { checkBody } from '../src/try-it/check.js';
import { validate } from '../src/try-it/validate.js';
import { consoleModel } from '../src/try-it-model.js';

const spec = loadSpec();
const ajv = createSpecValidator(spec);
const model = consoleModel(spec);
const deref = (node: unknown): any => resolveRef<any>(spec, node).value;

/** Every JSON example of every declared response: `[operationId, status, name, body]`. */
const examples = listOperations(spec).flatMap(({ operationId, operation }) =>
  Object.entries(operation.responses ?? {}).flatMap(([status, response]) => {
    const media = deref(response)?.content?.['application/json'];
    const named = Object.entries(media?.examples ?? {}).map(([name, example]) => [name, deref(example).value] as const);
    return [...named, ...(media?.example !== undefined ? [['example', media.example] as const] : [])].map(
      ([name, body]) => [operationId, Number(status), name, body] as const,
    );
  }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Copies of `value` with one change each, at every node. */
function mutations(value: Json): Json[] {
  const out: Json[] = [];
  const at = (node: Json, replace: (next: Json) => Json) => {
    const swap = (next: Json) => out.push(replace(next));
    if (typeof node === 'string') [12345, '', 'x'.repeat(600), null, 'not a date 2025-13-45T99:99:99Z'].forEach(swap);
    else if (typeof node === 'number') ['12', -1, 1.5, 2 ** 40, true].forEach(swap);
    else if (typeof node === 'boolean') ['true', 0].forEach(swap);
    else if (node === null) [{}, 'null'].forEach(swap);
    else if (Array.isArray(node)) {
      swap([]);
      if (node.length) swap([...node, node[0]!]);
      swap({ length: node.length });
      node.forEach((item, i) => at(item, (next) => replace(node.map((other, j) => (i === j ? next : other)))));
    } else {
      swap({ ...node, unexpected_property: 1 });
      swap([]);
      for (const key of Object.keys(node)) {
        const { [key]: _removed, ...rest } = node;
        swap(rest);
        at(node[key]!, (next) => replace({ ...node, [key]: next }));
      }
    }
  };
  at(value, (next) => next);
  return out;
}

describe('in-page validator', () => {
  it('finds a response example for every operation', () => {
    expect(new Set(examples.map(([operationId]) => operationId)).size).toBe(listOperations(spec).length);
    expect(examples.length).toBeGreaterThan(30);
  });

  it.each(examples.map(([operationId, status, name, body]) => [`${operationId} ${status} ${name}`, operationId, status, body] as const))(
    'agrees with ajv on %s and its mutations',
    (_label, operationId, status, body) => {
      const operation = model.operations.find((candidate) => candidate.id === operationId)!;
      const verdicts = { valid: 0, invalid: 0 };
      for (const candidate of [body, ...mutations(body as Json)]) {
        const expected = ajv.validateResponse(operation.method, operation.path, status, candidate).valid;
        const check = checkBody(model, operation, status, JSON.stringify(candidate));
        expect(
          check.ok,
          `${JSON.stringify(candidate).slice(0, 300)}\n${check.problems.map((p) => `${p.path} ${p.message}`).join('\n')}`,
        ).toBe(expected);
        verdicts[expected ? 'valid' : 'invalid']++;
      }
      // The example itself is valid, and most mutations are not: the comparison has both kinds.
      expect(verdicts.valid).toBeGreaterThan(0);
      expect(verdicts.invalid).toBeGreaterThan(verdicts.valid / 4);
    },
  );

  it.each([
    ['a missing required property', { type: 'object', required: ['id'] }, {}, '', 'must have property "id"'],
    ['a wrong type', { type: 'string' }, 3, '', 'must be string, got number'],
    ['a value outside an enum', { enum: ['asc', 'desc'] }, 'up', '', 'must be one of "asc", "desc", got "up"'],
    [
      'an unknown property',
      { type: 'object', properties: {}, additionalProperties: false },
      { x: 1 },
      '/x',
      'is not a property of this object',
    ],
    ['a nested item', { type: 'array', items: { type: 'integer', maximum: 3 } }, [1, 9], '/1', 'must be <= 3'],
    ['a pattern', { type: 'string', pattern: '^ses_' }, 'ser_1', '', 'must match ^ses_'],
    ['a date-time', { type: 'string', format: 'date-time' }, '2025-02-30T10:00:00Z', '', 'must be a valid date-time'],
  ])('names the place and the rule of %s', (_label, schema, value, path, message) => {
    const [problem] = validate(schema, value, {});
    expect(problem?.path).toBe(path);
    expect(problem?.message).toContain(message);
  });

  it('reports a status the spec does not declare, and a body that is not JSON', () => {
    const operation = model.operations.find((candidate) => candidate.id === 'listSessionErrors')!;
    expect(checkBody(model, operation, 418, '{}')).toMatchObject({
      ok: false,
      summary: 'Status 418 is not declared for GET /session-errors.',
    });
    expect(checkBody(model, operation, 200, '<html>')).toMatchObject({
      ok: false,
      summary: "The body is not JSON; the spec's schema for 200 expects JSON.",
    });
  });
});
