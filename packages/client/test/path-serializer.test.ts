// The client's path serializer must give exactly what openapi-fetch's default gives, for the spec's own
// templates and for every shape openapi-fetch handles (it takes over only the simple-style primitive case).
import { defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { pathSerializer } from '../src/path-serializer.js';

const BASE = 'https://api.example.test';

const cases: Array<[label: string, template: string, values: Record<string, unknown>]> = [
  ['a session', '/sessions/{session_id}/errors', { session_id: 'ses_4dEfGhJkLmNpQrSt' }],
  ['a group', '/session-error-groups/{session_error_group_id}', { session_error_group_id: 'seg_1' }],
  ['two parameters', '/sessions/{session_id}/errors/{session_error_id}', { session_id: 'ses_1', session_error_id: 'ser_2' }],
  ['a value needing encoding', '/sessions/{session_id}/errors', { session_id: 'a/b c?d#e&f=g%h' }],
  ['unicode and braces in the value', '/sessions/{session_id}', { session_id: 'ü{x}€' }],
  ['a number and a boolean', '/a/{n}/b/{flag}', { n: 42, flag: false }],
  ['an empty string', '/sessions/{session_id}/errors', { session_id: '' }],
  ['a missing value (left as is)', '/sessions/{session_id}/errors', {}],
  ['a null value (left as is)', '/sessions/{session_id}/errors', { session_id: null }],
  ['one of two missing', '/sessions/{session_id}/errors/{session_error_id}', { session_error_id: 'ser_2' }],
  ['the same name twice', '/x/{id}/y/{id}', { id: 'v' }],
  ['no parameter', '/session-errors', { unused: 'x' }],
  ['an array (simple)', '/tags/{tags}', { tags: ['a', 'b c'] }],
  ['an object (simple)', '/points/{point}', { point: { x: 1, y: 2 } }],
  ['label style', '/files/{.ext}', { ext: 'json' }],
  ['matrix style', '/m/{;id}', { id: 'v 1' }],
  ['explode', '/e/{tags*}', { tags: ['a', 'b'] }],
  ['label with an array', '/l/{.tags*}', { tags: ['a', 'b'] }],
  ['a stray opening brace', '/odd{/{id}', { id: 'v' }],
  ['a stray closing brace', '/odd}/{id}', { id: 'v' }],
  ['empty braces', '/odd/{}/{id}', { id: 'v' }],
  ['a name with a dot inside', '/d/{a.b}', { 'a.b': 'v' }],
  ['a value of the literal key', '/d/{.x}', { '.x': 'wrong', x: 'right' }],
];

describe('pathSerializer', () => {
  it.each(cases)('matches openapi-fetch: %s', (_label, template, values) => {
    const url = BASE + template;
    expect(pathSerializer(url, values)).toBe(defaultPathSerializer(url, values));
  });

  it('gives the same result on a later call (the split template is reused) and for other values', () => {
    const url = `${BASE}/sessions/{session_id}/errors`;
    for (const id of ['ses_1', 'ses 2', 'ses_1']) {
      expect(pathSerializer(url, { session_id: id })).toBe(defaultPathSerializer(url, { session_id: id }));
    }
  });

  it('stays right past its cache bound (templates made at run time)', () => {
    for (let i = 0; i < 1200; i++) {
      const url = `${BASE}/run-${i}/{id}`;
      expect(pathSerializer(url, { id: `v${i}` })).toBe(`${BASE}/run-${i}/v${i}`);
    }
    expect(pathSerializer(`${BASE}/run-3/{id}`, { id: 'again' })).toBe(`${BASE}/run-3/again`);
  });
});
