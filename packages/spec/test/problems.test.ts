// `received` in a problem (src/server/problems.ts): the start of the value's JSON, written only as far as
// it is shown, so a body of megabytes or one nested deeper than the stack costs no more than a small value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showValue } from '../src/server/problems.js';

describe('showValue', () => {
  it('is the first 256 characters of the JSON of any JSON value (a string as it is)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = typeof value === 'string' ? value.slice(0, 256) : JSON.stringify(value).slice(0, 256);
        expect(showValue(value)).toBe(expected);
      }),
      { numRuns: 500 },
    );
    const long = { errors: Array.from({ length: 50 }, (_, i) => ({ id: `ser_${i}`, message: 'm'.repeat(i * 10), data: [i, null, true] })) };
    expect(showValue(long)).toBe(JSON.stringify(long).slice(0, 256));
  });

  it('shows a value nested deeper than the stack allows JSON.stringify', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = { a: [deep] };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(showValue(deep)).toBe('{"a":['.repeat(50).slice(0, 256));
  });

  it('says what JSON.stringify leaves out as it would', () => {
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue([undefined, Number.NaN])).toBe('[null,null]');
    expect(showValue({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(showValue(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
  });
});
