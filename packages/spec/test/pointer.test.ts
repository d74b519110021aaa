import { describe, expect, it } from 'vitest';
import { pointerEscape, pointerGet, pointerJoin, pointerUnescape } from '../src/pointer.js';

const doc = { paths: { '/a/{id}': { get: { x: 1 } } }, 'x~y': [10, 20] };

describe('JSON pointer helpers', () => {
  it('escapes and unescapes segments with / and ~', () => {
    expect(pointerEscape('/a/{id}')).toBe('~1a~1{id}');
    expect(pointerEscape('x~y')).toBe('x~0y');
    expect(pointerEscape(3)).toBe('3');
    for (const segment of ['/a/{id}', 'x~y', '~1', '~0/~1']) expect(pointerUnescape(pointerEscape(segment))).toBe(segment);
  });

  it('joins segments onto a pointer, escaping each', () => {
    expect(pointerJoin('', 'paths', '/a/{id}', 'get')).toBe('/paths/~1a~1{id}/get');
    expect(pointerJoin('/x~0y', 1)).toBe('/x~0y/1');
  });

  it('reads the value at a pointer, with or without #, and undefined where there is none', () => {
    expect(pointerGet(doc, `#/paths/${pointerEscape('/a/{id}')}/get/x`)).toBe(1);
    expect(pointerGet(doc, pointerJoin('', 'x~y', 1))).toBe(20);
    expect(pointerGet(doc, '')).toBe(doc);
    expect(pointerGet(doc, '/paths/none/get')).toBeUndefined();
    expect(pointerGet(doc, '/paths/~1a~1{id}/get/x/deeper')).toBeUndefined();
  });
});
