// Lists paged with after/before end: the mock answers the example items past the cursor and says
// `has_more_*: false` once they are used up, so a client following `has_more_after` stops.
import { encodeCursor } from '@session-obs/spec/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageExampleList } from '../src/list-paging.js';
import { startMock, type RunningMock } from '../src/index.js';
import { get, specProblems } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

const LIST = '/session-errors';

/** Follows has_more_after from the first page, as a client's auto-pagination does; at most 10 pages. */
async function walk(path: string, specPath = path, limit?: number) {
  const pages: Array<{ items: Array<{ id: string }>; pagination: { has_more_after: boolean; has_more_before: boolean } }> = [];
  let after: string | undefined;
  for (let round = 0; round < 10; round++) {
    const query = new URLSearchParams({ ...(limit ? { limit: String(limit) } : {}), ...(after ? { after } : {}) });
    const { status, body } = await get(mock.url, `${path}?${query}`);
    expect(status).toBe(200);
    expect(specProblems(specPath, 200, body)).toBe('');
    pages.push(body);
    if (!body.pagination.has_more_after) return pages;
    after = body.items.at(-1).id;
  }
  throw new Error(`the walk over ${path} did not end in 10 pages`);
}

describe('walking a list of the mock', () => {
  it('ends once the example items are used up, each item seen once', async () => {
    const pages = await walk(LIST);
    const first = pages[0]!;
    expect(first.pagination.has_more_after).toBe(true);
    expect(pages.at(-1)!.pagination).toEqual({ has_more_before: true, has_more_after: false });
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(first.items.map((item) => item.id));
  });

  it('keeps limit: one item per page, then none left', async () => {
    const { body } = await get(mock.url, `${LIST}?limit=1`);
    const ids: string[] = body.items.map((item: { id: string }) => item.id);
    const next = await get(mock.url, `${LIST}?limit=1&after=${ids[0]}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(ids[0]);
  });

  it('pages backward with before, and with a cursor token', async () => {
    const { body } = await get(mock.url, LIST);
    const ids: string[] = body.items.map((item: { id: string }) => item.id);
    const back = await get(mock.url, `${LIST}?before=${ids.at(-1)}`);
    expect(back.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, -1));
    expect(back.body.pagination).toEqual({ has_more_before: false, has_more_after: true });
    const viaCursor = await get(mock.url, `${LIST}?cursor=${encodeCursor('after', ids[0]!)}`);
    expect(viaCursor.body.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(1));
  });

  it('ends for every list operation of the spec', async () => {
    for (const specPath of [
      '/session-errors',
      '/session-error-groups',
      '/sessions/{session_id}/errors',
      '/sessions/{session_id}/error-groups',
      '/sessions/{session_id}/events',
    ])
      expect((await walk(specPath.replace('{session_id}', 'ses_1'), specPath)).length, specPath).toBeLessThanOrEqual(3);
  });
});

describe('pageExampleList', () => {
  const list = {
    object: 'list',
    items: ['a', 'b', 'c'].map((id) => ({ id })),
    pagination: { has_more_before: false, has_more_after: true },
  };
  const ids = (body: unknown) => (body as typeof list).items.map((item) => item.id);

  it('answers the items after or before the id, limit at most, with has_more_* from what is left', () => {
    expect(pageExampleList(list, { after: 'a', limit: 1 })).toMatchObject({
      items: [{ id: 'b' }],
      pagination: { has_more_before: true, has_more_after: true },
    });
    expect(pageExampleList(list, { after: 'c', limit: 20 })).toMatchObject({
      items: [],
      pagination: { has_more_before: true, has_more_after: false },
    });
    expect(ids(pageExampleList(list, { before: 'c', limit: 1 }))).toEqual(['b']);
    expect(pageExampleList(list, { before: 'a', limit: 20 })).toMatchObject({
      items: [],
      pagination: { has_more_before: false, has_more_after: true },
    });
  });

  it('an unknown id has nothing on that side; no cursor, or not a list, is left as it is', () => {
    expect(ids(pageExampleList(list, { after: 'zzz', limit: 20 }))).toEqual([]);
    expect(ids(pageExampleList(list, { before: 'zzz', limit: 20 }))).toEqual([]);
    expect(pageExampleList(list, { limit: 1 })).toBe(list);
    const session = { session: { type: 'web' } };
    expect(pageExampleList(session, { after: 'a', limit: 1 })).toBe(session);
  });
});
