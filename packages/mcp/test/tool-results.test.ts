// The pieces of an answer that the end-to-end tests cannot provoke from a well-behaved sandbox: a server
// that echoes the token (into any string, even one that would break JSON text), and paging at the edges.
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '@session-obs/spec/server';
import { errorResult, MAX_ANSWER_CHARS, nextPage, successResult, type ToolRoute } from '../src/index.js';

const route = { list: true } as ToolRoute;
const secret = 'sk_"quoted\\secret';

describe('answers keep credentials out', () => {
  it('redacts a token a server echoes, in structured content, text and error bodies', () => {
    const body = {
      object: 'list',
      items: [{ id: 'a', message: `bad token ${secret}` }],
      pagination: { has_more_after: false },
      [secret]: 1,
    };
    const result = successResult(route, body, {}, [secret]);
    expect(JSON.stringify(result)).not.toContain('quoted');
    expect(result.structuredContent).toMatchObject({ items: [{ message: 'bad token [redacted]' }], '[redacted]': 1, next_page: null });
    expect(JSON.parse(result.content[0]!.text)).toEqual(result.structuredContent);
    const error = errorResult({ code: 'unauthorized', message: `token ${secret} is unknown` }, [secret]);
    expect(JSON.parse(error.content[0]!.text)).toEqual({ error: { code: 'unauthorized', message: 'token [redacted] is unknown' } });
  });

  it('leaves keys and words alone that merely contain a short token, and redacts it where it stands alone', () => {
    const body = {
      items: [{ id: 'ser_x1', x: 'token x is bad', message: 'next x' }],
      pagination: { has_more_after: true, next_x: 'x=1' },
    };
    const result = successResult(route, body, {}, ['x']);
    expect(result.structuredContent).toEqual({
      items: [{ id: 'ser_x1', x: 'token [redacted] is bad', message: 'next [redacted]' }],
      pagination: { has_more_after: true, next_x: 'x=1' },
      next_page: { after: 'ser_x1' },
    });
    expect(JSON.parse(result.content[0]!.text)).toEqual(result.structuredContent);
    expect(errorResult({ code: 'unauthorized', message: 'token x is unknown' }, ['x']).content[0]!.text).toContain(
      '"code": "unauthorized"',
    );
  });
});

describe('next_page', () => {
  const page = (ids: string[], after: boolean, before: boolean) => ({
    items: ids.map((id) => ({ id })),
    pagination: { has_more_after: after, has_more_before: before },
  });
  it('continues in the direction the call walked, and stops at the end or on an empty page', () => {
    expect(nextPage(page(['a', 'b'], true, false), {})).toEqual({ after: 'b' });
    expect(nextPage(page(['a', 'b'], false, true), {})).toBeNull();
    expect(nextPage(page(['c', 'd'], true, true), { before: 'e' })).toEqual({ before: 'c' });
    expect(nextPage(page(['c', 'd'], true, false), { before: 'e' })).toBeNull();
    expect(nextPage(page([], true, true), {})).toBeNull();
    // A cursor walks the way it encodes.
    expect(nextPage(page(['c', 'd'], true, true), { cursor: encodeCursor('before', 'e') })).toEqual({ before: 'c' });
    expect(nextPage(page(['c', 'd'], true, false), { cursor: encodeCursor('before', 'e') })).toBeNull();
    expect(nextPage(page(['c', 'd'], true, true), { cursor: encodeCursor('after', 'b') })).toEqual({ after: 'd' });
  });
});

describe('an answer too large to pass on', () => {
  it('is a response_too_large tool error naming what to change, not a message the client cannot read', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ id: `ser_${i}`, message: 'x'.repeat(20_000) }));
    const result = successResult(route, { object: 'list', items, pagination: { has_more_after: false } }, {}, []);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(result.content[0]!.text.length).toBeLessThan(1000);
    expect(JSON.parse(result.content[0]!.text).error).toEqual({
      code: 'response_too_large',
      message:
        "The API's answer is 2.0 million characters of JSON, over the 1 million a tool answers with: ask for a smaller page (`limit`) or narrow the filters.",
    });
    // Just under the bound it passes whole.
    const fits = [{ id: 'ser_0', message: 'x'.repeat(MAX_ANSWER_CHARS - 200) }];
    expect(successResult(route, { object: 'list', items: fits, pagination: {} }, {}, []).isError).toBeUndefined();
  });
});
