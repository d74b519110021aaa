// Auto-pagination against a real keyset-paging HTTP server (the API's semantics, in miniature).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, InvalidResponseError, NotFoundError, PaginationError, createClient } from '../src/index.js';
import { sessionError, startFaultServer, type FaultServer, type Received, type Reply } from './fault-server.js';

const ids = Array.from({ length: 25 }, (_, i) => `ser_${String(i).padStart(3, '0')}`);
const item = (id: string) => ({ object: 'session.error', id });

/** `GET /sessions/{id}/errors` with limit, order, after, before; an unknown session is 404, `ses_empty` has no errors. */
function listHandler(req: Received): Reply {
  const session = req.url.pathname.split('/')[2];
  if (session === 'ses_missing')
    return { status: 404, body: sessionError(404, 'not_found', 'Session not found', { entity: 'session', id: session }) };
  const q = req.url.searchParams;
  // The old mock's behaviour: every page the same items, always "more after".
  if (session === 'ses_stuck')
    return { body: { object: 'list', items: ids.slice(0, 2).map(item), pagination: { has_more_before: false, has_more_after: true } } };
  // A 200 that is not a list (a proxy's or another API's answer).
  if (session === 'ses_notlist') return { body: { ok: true } };
  // A page without items that still says "more after".
  if (session === 'ses_hollow')
    return { body: { object: 'list', items: [], pagination: { has_more_before: false, has_more_after: true } } };
  const ordered = session === 'ses_empty' ? [] : q.get('order') === 'desc' ? [...ids].reverse() : ids;
  const limit = Number(q.get('limit') ?? 20);
  let start = 0;
  let end = ordered.length;
  if (q.has('after')) start = ordered.indexOf(q.get('after')!) + 1;
  if (q.has('before')) end = ordered.indexOf(q.get('before')!);
  const page = q.has('before') ? ordered.slice(Math.max(start, end - limit), end) : ordered.slice(start, Math.min(end, start + limit));
  const first = ordered.indexOf(page[0]!);
  const last = ordered.indexOf(page[page.length - 1]!);
  return {
    body: {
      object: 'list',
      items: page.map(item),
      pagination: { has_more_before: page.length > 0 && first > 0, has_more_after: page.length > 0 && last < ordered.length - 1 },
    },
  };
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(listHandler);
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const client = () => createClient({ baseUrl: server.url, token: 't', retry: { initialDelayMs: 5 } });
const PATH = '/sessions/{session_id}/errors' as const;
const sent = (name: string) => server.received.map((r) => r.url.searchParams.get(name));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

describe('paginate', () => {
  it('follows has_more_after with after=<last id> (order asc), keeping limit and filters', async () => {
    const items = await collect(
      client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { limit: 10, type: 'message_processing_timeout' } } }),
    );
    expect(items.map((i) => i.id)).toEqual(ids);
    expect(sent('after')).toEqual([null, 'ser_009', 'ser_019']);
    expect(sent('limit')).toEqual(['10', '10', '10']);
    expect(sent('type')).toEqual(Array(3).fill('message_processing_timeout'));
  });

  it('respects order=desc', async () => {
    const items = await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { order: 'desc', limit: 7 } } }));
    expect(items.map((i) => i.id)).toEqual([...ids].reverse());
    expect(sent('order')).toEqual(Array(4).fill('desc'));
    expect(sent('after')).toEqual([null, 'ser_018', 'ser_011', 'ser_004']);
  });

  it('starting with before, goes backward with before=<first id>, yielding in travel order', async () => {
    const items = await collect(
      client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { before: 'ser_020', limit: 5 } } }),
    );
    expect(items.map((i) => i.id)).toEqual(ids.slice(0, 20).reverse());
    expect(sent('before')).toEqual(['ser_020', 'ser_015', 'ser_010', 'ser_005']);
    expect(sent('after')).toEqual([null, null, null, null]);
  });

  it('backward in desc order too', async () => {
    const items = await collect(
      client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { order: 'desc', before: 'ser_010', limit: 4 } } }),
    );
    expect(items.map((i) => i.id)).toEqual(ids.slice(11)); // desc: 'before ser_010' is the newer ids, travelled oldest-first
  });

  it('stops fetching when the loop breaks', async () => {
    let n = 0;
    for await (const _ of client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { limit: 5 } } })) {
      if (++n === 12) break;
    }
    expect(server.received).toHaveLength(3);
  });

  it('an empty list yields nothing, after one request', async () => {
    expect(await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_empty' } } }))).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('aborting between pages throws AbortError and sends nothing more', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async () => {
      for await (const e of client().paginate(PATH, {
        params: { path: { session_id: 'ses_1' }, query: { limit: 5 } },
        signal: controller.signal,
      })) {
        seen.push(e.id);
        if (seen.length === 5) controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(5);
    expect(server.received).toHaveLength(1);
  });

  it('an error page throws the typed error', async () => {
    const iterate = collect(client().paginate(PATH, { params: { path: { session_id: 'ses_missing' } } }));
    await expect(iterate).rejects.toBeInstanceOf(NotFoundError);
    await expect(iterate).rejects.toMatchObject({ status: 404, code: 'not_found', body: { entity: 'session', id: 'ses_missing' } });
  });

  it('retries a failing page transparently', async () => {
    server.script({ status: 503 });
    const items = await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { limit: 100 } } }));
    expect(items).toHaveLength(25);
    expect(server.received).toHaveLength(2);
  });

  it('sends a starting cursor once, then follows ids', async () => {
    await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { cursor: 'cur_x', limit: 10 } } }));
    expect(sent('cursor')).toEqual(['cur_x', null, null]);
  });
});

describe('pages', () => {
  it('yields each list envelope', async () => {
    const pages = await collect(client().pages(PATH, { params: { path: { session_id: 'ses_1' }, query: { limit: 10 } } }));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.pagination.has_more_after)).toEqual([true, true, false]);
    expect(pages[0]!.object).toBe('list');
  });

  it('backward pages come as the server sent them', async () => {
    const pages = await collect(
      client().pages(PATH, { params: { path: { session_id: 'ses_1' }, query: { before: 'ser_010', limit: 5 } } }),
    );
    expect(pages.map((p) => p.items.map((i) => i.id))).toEqual([ids.slice(5, 10), ids.slice(0, 5)]);
  });
});

describe('walks that end', () => {
  it('a page whose cursor does not advance stops the walk with a PaginationError naming the operation', async () => {
    const seen: string[] = [];
    const walk = async () => {
      for await (const e of client().paginate(PATH, { params: { path: { session_id: 'ses_stuck' } } })) seen.push(e.id);
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ kind: 'PaginationError', code: 'cursor_not_advancing' });
    expect((error as Error).message).toContain('GET /sessions/{session_id}/errors');
    // The repeated page is refused before it is handed over: no item comes twice.
    expect(seen).toEqual(['ser_000', 'ser_001']);
    expect(sent('after')).toEqual([null, 'ser_001']);
  });

  it('a starting after that the first page does not move past is caught too', async () => {
    const handed: unknown[] = [];
    const pages = client().pages(PATH, { params: { path: { session_id: 'ses_stuck' }, query: { after: 'ser_001' } } });
    const walk = async () => {
      for await (const page of pages) handed.push(page);
    };
    await expect(walk()).rejects.toBeInstanceOf(PaginationError);
    expect(handed).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('an empty page that says there is more stops the walk with a PaginationError, not a quiet short end', async () => {
    const error = await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_hollow' } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe('GET /sessions/{session_id}/errors: has_more_after on a page without items');
    expect(server.received).toHaveLength(1);
    // An empty list that says nothing more is simply empty.
    expect(await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_empty' } } }))).toEqual([]);
  });

  it('maxPages and maxItems bound a walk without an error', async () => {
    const byPages = await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { limit: 5 } }, maxPages: 2 }));
    expect(byPages.map((i) => i.id)).toEqual(ids.slice(0, 10));
    server.received.length = 0;
    const byItems = await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_1' }, query: { limit: 5 } }, maxItems: 7 }));
    expect(byItems.map((i) => i.id)).toEqual(ids.slice(0, 7));
    expect(server.received).toHaveLength(2);
    expect(server.received.every((r) => !r.url.searchParams.has('maxItems'))).toBe(true);
    const pages = await collect(client().pages(PATH, { params: { path: { session_id: 'ses_stuck' } }, maxPages: 1 }));
    expect(pages).toHaveLength(1);
  });

  it('a 200 that is not a list stops the walk with an InvalidResponseError naming the operation', async () => {
    const error = await collect(client().paginate(PATH, { params: { path: { session_id: 'ses_notlist' } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'invalid_response', message: 'GET /sessions/{session_id}/errors: the response is not a list' });
  });

  it('a limit that is not a positive integer is a TypeError', async () => {
    await expect(collect(client().paginate(PATH, { params: { path: { session_id: 'ses_1' } }, maxItems: 0 }))).rejects.toThrow(
      new TypeError('maxPages and maxItems must be positive'),
    );
  });
});
