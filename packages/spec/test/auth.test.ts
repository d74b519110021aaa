import { describe, expect, it } from 'vitest';
import { readBearerToken } from '../src/server/index.js';

describe('readBearerToken', () => {
  it.each([
    [undefined, { reason: 'missing' }],
    ['', { reason: 'missing' }],
    ['   ', { reason: 'missing' }],
    ['Bearer', { reason: 'missing' }],
    ['Bearer ', { reason: 'missing' }],
    ['Bearer a b', { reason: 'missing' }],
    ['Basic dXNlcjpwYXNz', { reason: 'not_bearer' }],
    ['Token abc', { reason: 'not_bearer' }],
    ['Bearerabc', { reason: 'not_bearer' }],
    ['Bearer abc', { token: 'abc' }],
    ['bearer   abc  ', { token: 'abc' }],
    [['Bearer first', 'Bearer second'], { token: 'first' }],
  ])('%j → %j', (header, expected) => {
    expect(readBearerToken(header)).toEqual(expected);
  });
});
