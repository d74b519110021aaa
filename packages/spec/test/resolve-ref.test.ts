import { describe, expect, it } from 'vitest';
import { resolveRef } from '../src/resolve-ref.js';

const doc = {
  components: {
    schemas: {
      A: { $ref: '#/components/schemas/B' },
      B: { type: 'string', description: 'B itself' },
      WithSiblings: { $ref: '#/components/schemas/B', description: 'told beside the $ref' },
      Chain: { $ref: '#/components/schemas/WithSiblings', title: 'outer' },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop' },
      Ext: { $ref: 'other.yaml#/X' },
      Dangling: { $ref: '#/components/schemas/Nope' },
    },
  },
};
const schemas = doc.components.schemas;

describe('resolveRef', () => {
  it('follows a $ref chain to its target and says where it lives, as a tuple and by name', () => {
    const resolved = resolveRef(doc, schemas.A, '/components/schemas/A');
    const [pointer, value] = resolved;
    expect([pointer, value]).toEqual(['/components/schemas/B', schemas.B]);
    expect(resolved.pointer).toBe('/components/schemas/B');
    expect(resolved.value).toBe(schemas.B);
    expect(resolved.ref).toBe('#/components/schemas/B');
  });

  it('returns a node without $ref as it is, where it is, with no ref', () => {
    const node = { type: 'integer' };
    const resolved = resolveRef(doc, node, '/here');
    expect([...resolved]).toEqual(['/here', node]);
    expect('ref' in resolved).toBe(false);
    expect(resolveRef(doc, undefined, '/nothing').value).toBeUndefined();
  });

  it('ignores keywords beside a $ref by default, and lays them over the target with mergeSiblings', () => {
    expect(resolveRef(doc, schemas.WithSiblings).value).toEqual(schemas.B);
    expect(resolveRef(doc, schemas.WithSiblings, '', { mergeSiblings: true }).value).toEqual({
      type: 'string',
      description: 'told beside the $ref',
    });
    // Outer siblings win over inner ones, which win over the target.
    const chain = resolveRef(doc, schemas.Chain, '/components/schemas/Chain', { mergeSiblings: true });
    expect(chain.value).toEqual({ type: 'string', description: 'told beside the $ref', title: 'outer' });
    expect(chain.pointer).toBe('/components/schemas/B');
    expect(chain.ref).toBe('#/components/schemas/B');
    expect(schemas.B).toEqual({ type: 'string', description: 'B itself' });
  });

  it('throws on non-local and cyclic refs by default, naming the $ref', () => {
    expect(() => resolveRef(doc, schemas.Ext)).toThrow(/cannot follow \$ref other\.yaml#\/X \(not local/);
    expect(() => resolveRef(doc, schemas.Loop)).toThrow(/cannot follow \$ref #\/components\/schemas\/Loop2 \(a cycle\)/);
  });

  it('stops at a ref it cannot follow with onUnresolvable: stop, returning the node that holds it', () => {
    const external = resolveRef(doc, schemas.Ext, '/components/schemas/Ext', { onUnresolvable: 'stop' });
    expect(external.value).toBe(schemas.Ext);
    expect(external.pointer).toBe('/components/schemas/Ext');
    expect(external.ref).toBeUndefined();
    const loop = resolveRef(doc, schemas.Loop, '/components/schemas/Loop', { onUnresolvable: 'stop' });
    expect(loop.value).toBe(schemas.Loop);
    expect(loop.pointer).toBe('/components/schemas/Loop');
    expect(loop.ref).toBe('#/components/schemas/Loop');
  });

  it('ends on undefined at a local ref to nothing', () => {
    const dangling = resolveRef(doc, schemas.Dangling, '');
    expect(dangling.value).toBeUndefined();
    expect(dangling.pointer).toBe('/components/schemas/Nope');
  });
});
