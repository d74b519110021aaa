import { describe, expect, it } from 'vitest';
import { pointerEscape, pointerGet, resolveRef } from '../src/pointer.js';

const doc = {
  paths: { '/a/{id}': { get: { x: 1 } } },
  components: {
    schemas: {
      A: { $ref: '#/components/schemas/B' },
      B: { type: 'string' },
      Loop: { $ref: '#/components/schemas/Loop' },
      Ext: { $ref: 'other.yaml#/X' },
    },
  },
};

describe('JSON pointer helpers', () => {
  it('escapes and reads segments with / and ~', () => {
    expect(pointerEscape('/a/{id}')).toBe('~1a~1{id}');
    expect(pointerEscape('x~y')).toBe('x~0y');
    expect(pointerGet(doc, `#/paths/${pointerEscape('/a/{id}')}/get/x`)).toBe(1);
    expect(pointerGet(doc, '/paths/none/get')).toBeUndefined();
  });

  it('follows a $ref chain to its target and where it lives', () => {
    expect(resolveRef(doc, doc.components.schemas.A, '/components/schemas/A')).toEqual(['/components/schemas/B', { type: 'string' }]);
    expect(resolveRef(doc, { type: 'integer' }, '/here')).toEqual(['/here', { type: 'integer' }]);
  });

  it('refuses non-local and cyclic refs instead of hanging or returning the ref', () => {
    expect(() => resolveRef(doc, doc.components.schemas.Ext, '')).toThrow(/cannot follow \$ref other\.yaml#\/X/);
    expect(() => resolveRef(doc, doc.components.schemas.Loop, '')).toThrow(/cannot follow/);
  });
});
