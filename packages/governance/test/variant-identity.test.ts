// The pieces oneOf/anyOf matching rests on: a schema's identity (what it accepts, whatever its
// layout or docs), the pairing of alternatives across releases, and request oneOf overlap.
import { describe, expect, it } from 'vitest';
import type { Document, Schema } from '../src/openapi.js';
import { schemaKey } from '../src/schema/identity.js';
import { normalize, type Variant } from '../src/schema/normalize.js';
import { mayOverlap } from '../src/schema/overlap.js';
import { matchVariants } from '../src/schema/variant-match.js';

const spec = (schemas: Record<string, Schema> = {}): Document =>
  ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } }) as Document;
const variant = (schema: Schema, label = 'object', ref?: string): Variant => ({ schema, source: '#', label, ...(ref ? { ref } : {}) });
const norm = (schema: Schema) => normalize(spec(), schema, '/x');

describe('schemaKey', () => {
  const doc = spec({ User: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } });

  it('ignores key order, docs, examples, defaults and the order of required/type/enum', () => {
    const a = { type: ['string', 'null'], enum: ['a', 'b'], description: 'x', default: 'a' } as Schema;
    const b = { enum: ['b', 'a'], type: ['null', 'string'], title: 'T', examples: ['a'] } as Schema;
    expect(schemaKey(doc, a)).toBe(schemaKey(doc, b));
  });

  it('follows $refs: a component and its inline copy are the same schema', () => {
    expect(schemaKey(doc, { $ref: '#/components/schemas/User' })).toBe(
      schemaKey(doc, { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }),
    );
  });

  it('tells apart what accepts other values, including a property named like an annotation', () => {
    expect(schemaKey(doc, { type: 'string', maxLength: 5 })).not.toBe(schemaKey(doc, { type: 'string', maxLength: 6 }));
    expect(schemaKey(doc, { type: 'object', properties: { description: { type: 'string' } } })).not.toBe(
      schemaKey(doc, { type: 'object', properties: {} }),
    );
  });

  it('terminates on recursive schemas', () => {
    const tree = spec({
      Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    });
    expect(schemaKey(tree, { $ref: '#/components/schemas/Node' })).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('matchVariants', () => {
  const doc = spec();
  const object = (name: string, extra: Record<string, Schema> = {}) =>
    variant({ type: 'object', required: [name], properties: { [name]: { type: 'string' }, ...extra } });

  it('pairs what is left by structure when the first alternative goes', () => {
    const pairs = matchVariants(doc, doc, [object('a'), object('b'), object('c')], [object('b'), object('c')]);
    expect([...pairs]).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('pairs an edited alternative with its old self, not with its neighbour', () => {
    const pairs = matchVariants(
      doc,
      doc,
      [object('a'), object('b'), object('c')],
      [object('a', { note: { type: 'string' } }), object('c')],
    );
    expect([...pairs].sort()).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });

  it('pairs by $ref target first, and by position only when as many are left on both sides', () => {
    const user = variant({ $ref: '#/components/schemas/User' }, 'User', '#/components/schemas/User');
    expect([...matchVariants(doc, doc, [user, variant({ const: 1 }, '#1')], [variant({ const: 2 }, '#0'), user])].sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('mayOverlap', () => {
  it('is false only for provably disjoint alternatives', () => {
    expect(mayOverlap(norm({ type: 'string' }), norm({ type: 'integer' }))).toBe(false);
    expect(mayOverlap(norm({ enum: ['a'] }), norm({ enum: ['b'] }))).toBe(false);
    expect(mayOverlap(norm({ const: 1 }), norm({ type: 'string' }))).toBe(false);
    expect(mayOverlap(norm({ type: 'integer' }), norm({ type: 'number' }))).toBe(true);
    expect(mayOverlap(norm({ type: 'object', properties: { a: {} } }), norm({ type: 'object', properties: { b: {} } }))).toBe(true);
    expect(mayOverlap(norm({}), norm({ type: 'string' }))).toBe(true);
    expect(mayOverlap(norm({ type: 'string' }), norm({ type: 'integer' }), true), 'as text, 5 is both').toBe(true);
    expect(mayOverlap(norm({ type: 'boolean' }), norm({ type: 'integer' }), true)).toBe(false);
  });
});
