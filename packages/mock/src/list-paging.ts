// Paging over an example page, so a walk over the mock ends. Prism answers a list with the spec's example
// page, whose `has_more_after` is true: followed by a client, `after=<last id>` got the same page again for
// ever. Asked with `after`/`before` (or a cursor that decodes to one), the mock answers the example items
// that follow (or precede) that id, at most `limit` of them, with `has_more_*` computed from what is left:
// once the example items are used up, `has_more_after: false`. A first page (no cursor) is the example as
// the spec documents it.

/** The keyset cursor of a request, as `pagingBounds` reads it (a decoded `cursor` becomes one of these). */
export interface PageRequest {
  after?: string;
  before?: string;
  /** Items per page (the spec's default applied). */
  limit: number;
}

interface ListEnvelope {
  object: 'list';
  items: Array<{ id?: unknown }>;
  pagination: { has_more_before: boolean; has_more_after: boolean };
}

/** Whether an answer is the list envelope `{ object: 'list', items, pagination }`. */
function isListEnvelope(body: unknown): body is ListEnvelope {
  const list = body as Partial<ListEnvelope> | null;
  return (
    typeof list === 'object' && list !== null && list.object === 'list' && Array.isArray(list.items) && typeof list.pagination === 'object'
  );
}

/**
 * The page of `body` that follows `after` (or precedes `before`) among its example items. An id that is
 * not among them has nothing after (or before) it. Bodies that are not list envelopes, and requests
 * without a cursor, come back as they are.
 */
export function pageExampleList(body: unknown, { after, before, limit }: PageRequest): unknown {
  if (!isListEnvelope(body) || (after === undefined && before === undefined)) return body;
  const ids = body.items.map((item) => item.id);
  let start: number;
  let end: number;
  if (after !== undefined) {
    const at = ids.indexOf(after);
    start = at < 0 ? ids.length : at + 1;
    end = Math.min(ids.length, start + limit);
  } else {
    const at = ids.indexOf(before);
    end = at < 0 ? 0 : at;
    start = Math.max(0, end - limit);
  }
  return {
    ...body,
    items: body.items.slice(start, end),
    pagination: { has_more_before: start > 0, has_more_after: end < ids.length },
  };
}
