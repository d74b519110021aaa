// One handler per operationId. Each parses its parameters with the spec-compiled validators, then
// answers from the caller's tenant in the store: list envelopes with keyset paging, objects, or typed
// 404s (another tenant's id is unknown here, exactly like an id nobody has).
import {
  invalidRequest,
  notFound,
  pagingBounds,
  parseParameters,
  type CompiledOperation,
  type PagingBounds,
} from '@session-obs/spec/server';
import type { PageRequest, Page } from '../store/keyset.js';
import type { Filters, SandboxStore } from '../store/contract.js';
import type { HttpReply } from './reply.js';

/** Answers one operation for a tenant; `pathValues` are the raw (percent-encoded) values route matching found. */
export type Handler = (
  operation: CompiledOperation,
  pathValues: Record<string, string>,
  query: URLSearchParams,
  tenantId: string,
) => Promise<HttpReply>;

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
export function createHandlers(store: SandboxStore): Record<string, Handler> {
  const sessionMissing = async (op: CompiledOperation, tenant: string, id: string) =>
    (await store.hasSession(tenant, id)) ? undefined : notFound(op.dialect, 'session', id);
  // A session's errors, events and group memberships are only ever stored together with the session
  // row (ingest, import and seed insert it; only a whole tenant is deleted), so a found row proves the
  // session exists and the separate session lookup is only needed when nothing was found.
  const scopedEnvelope = async (op: CompiledOperation, tenant: string, sessionId: string, page: Page) =>
    (page.rows.length === 0 ? await sessionMissing(op, tenant, sessionId) : undefined) ?? envelope(page);

  return {
    async listSessionErrors(op, pv, q, tenant) {
      const { values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      return envelope(await store.listErrors(tenant, filtersOf(op, values), page!));
    },
    async listSessionErrorsForSession(op, pv, q, tenant) {
      const { path, values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      const sessionId = path.session_id!;
      return scopedEnvelope(op, tenant, sessionId, await store.listErrors(tenant, filtersOf(op, values), page!, sessionId));
    },
    async getSessionError(op, pv, q, tenant) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const row = await store.getError(tenant, path.session_error_id!);
      if (row && row.session_id === path.session_id) return { status: 200, json: row.json };
      return (await sessionMissing(op, tenant, path.session_id!)) ?? notFound(op.dialect, 'session.error', path.session_error_id!);
    },
    async listSessionErrorGroups(op, pv, q, tenant) {
      const { values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      return envelope(await store.listGroups(tenant, filtersOf(op, values), page!));
    },
    async getSessionErrorGroup(op, pv, q, tenant) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const row = await store.getGroup(tenant, path.session_error_group_id!);
      if (!row) return notFound(op.dialect, 'session.error_group', path.session_error_group_id!);
      return { status: 200, json: row.json };
    },
    async listSessionErrorGroupsForSession(op, pv, q, tenant) {
      const { path, values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      const sessionId = path.session_id!;
      return scopedEnvelope(op, tenant, sessionId, await store.listGroups(tenant, filtersOf(op, values), page!, sessionId));
    },
    async getSessionErrorGroupForSession(op, pv, q, tenant) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const id = path.session_error_group_id!;
      const row = (await store.groupInSession(tenant, path.session_id!, id)) ? await store.getGroup(tenant, id) : undefined;
      if (row) return { status: 200, json: row.json };
      return (await sessionMissing(op, tenant, path.session_id!)) ?? notFound(op.dialect, 'session.error_group', id);
    },
    async listSessionEvents(op, pv, q, tenant) {
      const { path, values, page, reject } = parse(op, pv, q, true);
      if (reject) return reject;
      const sessionId = path.session_id!;
      return scopedEnvelope(op, tenant, sessionId, await store.listEvents(tenant, sessionId, filtersOf(op, values), page!));
    },
    async getSessionEvent(op, pv, q, tenant) {
      const { path, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const row = await store.getEvent(tenant, path.session_event_id!);
      if (row && row.session_id === path.session_id) return { status: 200, json: row.json };
      return (await sessionMissing(op, tenant, path.session_id!)) ?? notFound(op.dialect, 'session.event', path.session_event_id!);
    },
    async getObservabilitySession(op, pv, q, tenant) {
      const { values, reject } = parse(op, pv, q, false);
      if (reject) return reject;
      const { platform, session_id: sessionId, version_key: versionKey } = values as Record<string, string>;
      const body = await store.getObservabilitySession(tenant, platform!, versionKey!, sessionId!);
      if (!body) return notFound(op.dialect, 'session', sessionId!, `No session ${sessionId} for app ${versionKey} on ${platform}.`);
      return { status: 200, json: `{"session":${body}}` };
    },
  };
}
