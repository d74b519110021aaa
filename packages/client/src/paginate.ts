// Auto-pagination over the keyset-paged list envelope:
// `{ object: 'list', items, pagination: { has_more_before, has_more_after } }`.
import { InvalidResponseError, PaginationError } from './errors.js';
import type { RequestControls } from './retry-policy.js';

interface ListEnvelope {
  items: Array<{ id: string }>;
  pagination: { has_more_before: boolean; has_more_after: boolean };
}

/** Bounds of one walk; it also ends by itself when the server says there is no more. */
export interface WalkLimits {
  /** Stop after this many pages (positive). Default: no limit. */
  maxPages?: number | undefined;
  /** Stop after this many items: `paginate` yields at most this many, `pages` stops once the pages hold them. */
  maxItems?: number | undefined;
}

/** The untyped init `pages` works on (the typed one is `PaginateInit<P>`). */
export interface LooseInit extends RequestControls, WalkLimits {
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
 * A next cursor id that was already followed, or "more" on an empty page, throws `PaginationError`
 * instead of looping for ever or ending short.
 */
export async function* pages(
  getPage: GetPage,
  path: string,
  init: LooseInit = {},
  items?: boolean,
): AsyncGenerator<unknown, void, undefined> {
  const { maxPages = Infinity, maxItems = Infinity, ...requestInit } = init;
  if (!(maxPages > 0 && maxItems > 0)) throw new TypeError('maxPages and maxItems must be positive');
  const query: Record<string, unknown> = { ...init.params?.query };
  const backward = query.before != null && query.after == null;
  const direction = backward ? 'before' : 'after';
  // Every cursor id sent so far, the caller's own included: one coming back means the walk would loop.
  const followed = new Set([query[direction]]);
  let pageCount = 0;
  let itemCount = 0;
  for (;;) {
    const page = await getPage(path, { ...requestInit, params: { ...init.params, query } });
    if (!Array.isArray(page?.items) || !page.pagination)
      throw new InvalidResponseError({ code: 'invalid_response', message: `GET ${path}: the response is not a list` });
    const list = page.items;
    // The next page starts past the id at the far end of this one: the first going backward, else the last.
    // Checked before the page is handed over, so a repeated page is never yielded twice.
    const next = list.at(backward ? 0 : -1)?.id;
    if (next !== undefined && followed.has(next))
      throw new PaginationError({ code: 'cursor_not_advancing', message: `GET ${path}: ${direction}=${next} again` });
    pageCount++;
    if (!items) yield page;
    else yield* (backward ? [...list].reverse() : list).slice(0, maxItems - itemCount);
    itemCount += list.length;
    if (!page.pagination[`has_more_${direction}`] || pageCount >= maxPages || itemCount >= maxItems) return;
    // "More" with no item to continue from: stopping quietly would hand over a short list as if whole.
    if (next === undefined)
      throw new PaginationError({ code: 'cursor_not_advancing', message: `GET ${path}: has_more_${direction} on a page without items` });
    delete query.cursor;
    followed.add(next);
    query[direction] = next;
  }
}
