// One handler per operationId. Each parses its parameters with the spec-compiled validators, then
// answers from the store: list envelopes with keyset paging, objects, or typed 404s.
import { invalidRequest, notFound, pagingBounds, parseParameters, type CompiledOperation, type PagingBounds } from '@session-obs/spec';
import type { PageRequest, Page } from '../store/keyset.js';
import type { Filters } from '../store/reads.js';
import type { Store } from '../store/store.js';
import type { HttpReply } from './reply.js';

/** Answers one operation; `pathValues` are the raw (percent-encoded) values route matching found. */
export type Handler = (operation: CompiledOperation, pathValues: Record<string, string>, query: URLSearchParams) => HttpReply;

const PAGING = new Set(['limit', 'order', 'after', 'before', 'cursor']);

/** The page a list request asks for: limit and order, and where it starts (after/before, or a cursor's). */
function pageRequest(values: Record<string, unknown>, bounds: PagingBounds): PageRequest {
  return {
    limit: (values.limit as number | undefined) ?? 20,
    order: (values.order as 'asc' | 'desc' | undefined) ?? 'asc',
    ...(bounds.after !== undefined ? { after: bounds.after } : {}),
    ...(bounds.before !== undefined ? { before: bounds.before } : {}),
  };
}

/** One-or-many filter values as a list (only the parameters that are not paging or path ones). */
function filtersOf(operation: CompiledOperation, values: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const p of operation.parameters) {
    if (p.in !== 'query' || PAGING.has(p.name) || values[p.name] === undefined) continue;
    const v = values[p.name];
    filters[p.name] = Array.isArray(v) ? (v as string[]) : [String(v)];
  }
  return filters;
}

/** The list envelope around the items' JSON texts (the same bytes as `JSON.stringify` of the object). */
function envelope(page: Page): HttpReply {
  return {
    status: 200,
    json: `{"object":"list","items":[${page.rows.join(',')}],"pagination":{"has_more_before":${page.hasMoreBefore},"has_more_after":${page.hasMoreAfter}}}`,
  };
}

/** Parses and validates; returns the decoded path values, the query values and page request, or the 400 to send. */
function parse(operation: CompiledOperation, pathValues: Record<string, string>, query: URLSearchParams, list: boolean) {
  const parsed = parseParameters(operation, pathValues, query);
  const bounds = list ? pagingBounds(parsed) : undefined;
  const problems = bounds?.problems ?? parsed.problems;
  const page = bounds ? pageRequest(parsed.query, bounds) : undefined;
  return {
    path: parsed.path,
    values: parsed.query,
    page,
    reject: problems.length ? invalidRequest(operation.dialect, problems) : undefined,
  };
}

/** The handlers of all ten operations, over one store. */
export function createHandlers(store: Store): Record<string, Handler> {
  const sessionMissing = (op: CompiledOperation, id: string) => (store.hasSession(id) ? undefined : notFound(op.dialect, 'session', id));
  // A session's errors, events and group memberships are only ever stored together with the session
  // row (ingest, import and seed insert it; nothing deletes one), so a found row proves the session
  // exists and the separate session lookup is only needed when nothing was found.
  const scopedEnvelope = (op: CompiledOperation, sessionId: string, page: Page) =>
    (page.rows.length === 0 ? sessionMissing(op, sessionId) : undefined) ?? envelope(page);

  return {
    listSessionErrors(op, pv, q) {
      const { values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      return envelope(store.listErrors(filtersOf(op, values), page!));
    },
    listSessionErrorsForSession(op, pv, q) {
      const { path, values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      const sessionId = path.session_id!;
      return scopedEnvelope(op, sessionId, store.listErrors(filtersOf(op, values), page!, sessionId));
    },
    getSessionError(op, pv, q) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const row = store.getError(path.session_error_id!);
      if (row && row.session_id === path.session_id) return { status: 200, json: row.json };
      return sessionMissing(op, path.session_id!) ?? notFound(op.dialect, 'session.error', path.session_error_id!);
    },
    listSessionErrorGroups(op, pv, q) {
      const { values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      return envelope(store.listGroups(filtersOf(op, values), page!));
    },
    getSessionErrorGroup(op, pv, q) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const row = store.getGroup(path.session_error_group_id!);
      if (!row) return notFound(op.dialect, 'session.error_group', path.session_error_group_id!);
      return { status: 200, json: row.json };
    },
    listSessionErrorGroupsForSession(op, pv, q) {
      const { path, values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      const sessionId = path.session_id!;
      return scopedEnvelope(op, sessionId, store.listGroups(filtersOf(op, values), page!, sessionId));
    },
    getSessionErrorGroupForSession(op, pv, q) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const id = path.session_error_group_id!;
      const row = store.groupInSession(path.session_id!, id) ? store.getGroup(id) : undefined;
      if (row) return { status: 200, json: row.json };
      return sessionMissing(op, path.session_id!) ?? notFound(op.dialect, 'session.error_group', id);
    },
    listSessionEvents(op, pv, q) {
      const { path, values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      const sessionId = path.session_id!;
      return scopedEnvelope(op, sessionId, store.listEvents(sessionId, filtersOf(op, values), page!));
    },
    getSessionEvent(op, pv, q) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const row = store.getEvent(path.session_event_id!);
      if (row && row.session_id === path.session_id) return { status: 200, json: row.json };
      return sessionMissing(op, path.session_id!) ?? notFound(op.dialect, 'session.event', path.session_event_id!);
    },
    getObservabilitySession(op, pv, q) {
      const { values, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const { platform, session_id: sessionId, version_key: versionKey } = values as Record<string, string>;
      const body = store.getObservabilitySession(platform!, versionKey!, sessionId!);
      if (!body) return notFound(op.dialect, 'session', sessionId!, `No session ${sessionId} for app ${versionKey} on ${platform}.`);
      return { status: 200, json: `{"session":${body}}` };
    },
  };
}
