// Auto-pagination over the keyset-paged list envelope:
// `{ object: 'list', items, pagination: { has_more_before, has_more_after } }`.
import type { RequestControls } from './retry-policy.js';

interface ListEnvelope {
  items: Array<{ id: string }>;
  pagination: { has_more_before: boolean; has_more_after: boolean };
}

/** The untyped init `pages` works on (the typed one is `PaginateInit<P>`). */
export interface LooseInit extends RequestControls {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  [key: string]: unknown;
}

/** What a GET of a list path resolves to (openapi-fetch's result, for any list path). */
export type ListResult = { data: ListEnvelope; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

/** A GET that throws typed errors and resolves to the page (what `createClient` passes in). */
export type GetPage = (path: string, init: LooseInit) => Promise<ListEnvelope>;

/**
 * Yields every page of a list operation (or, with `items`, every item of every page), fetching lazily:
 * `break` stops without another request, and an aborted `init.signal` makes the next request throw
 * `AbortError`. Forward (`after=<last id>`, while `has_more_after`) unless the caller started with
 * `before` and no `after`: then backward (`before=<first id>`, while `has_more_before`), and items are
 * yielded last-to-first within each page so the stream moves steadily away from the starting id.
 * `order`, `limit` and filters are kept on every request; a starting `cursor` is sent only once.
 */
export async function* pages(
  getPage: GetPage,
  path: string,
  init: LooseInit = {},
  items?: boolean,
): AsyncGenerator<unknown, void, undefined> {
  const query: Record<string, unknown> = { ...init.params?.query };
  const backward = query.before != null && query.after == null;
  const direction = backward ? 'before' : 'after';
  for (;;) {
    const page = await getPage(path, { ...init, params: { ...init.params, query } });
    const list = page.items;
    if (!items) yield page;
    else yield* backward ? [...list].reverse() : list;
    if (!page.pagination[`has_more_${direction}`] || !list.length) return;
    delete query.cursor;
    // The next page starts past the id at the far end of this one: the first going backward, else the last.
    query[direction] = list.at(backward ? 0 : -1)!.id;
  }
}
