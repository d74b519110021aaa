// The read queries both engines run, as keyset plans: which source (tables and joins) a list reads and
// which conditions it adds, the tenant's first. Engines differ only in the selected expression (each
// builds the item's JSON in the query, in its own SQL dialect) and in join syntax.
import { anyOf, planPage, type Condition, type PagePlan, type PageRequest, type Source } from './keyset.js';
import type { Filters } from './contract.js';

/** Filters of the session error lists: API parameter name → column. */
export const ERROR_FILTER_COLUMNS: Record<string, string> = {
  type: 'e.type',
  id: 'e.id',
  session_id: 'e.session_id',
  session_provider_id: 'e.session_provider_id',
  session_connection_id: 'e.connection_id',
  session_error_group_id: 'e.group_id',
  provider_run_id: 'e.provider_run_id',
  provider_id: 'e.provider_id',
  session_message_id: 'e.session_message_id',
};

/** Filters of the error group lists (session_id is handled through the membership table). */
export const GROUP_FILTER_COLUMNS: Record<string, string> = { type: 'g.type', id: 'g.id', provider_id: 'g.provider_id' };

/** Filters of the event list. */
export const EVENT_FILTER_COLUMNS: Record<string, string> = { server_run_id: 'v.server_run_id', server_session_id: 'v.server_session_id' };

/** The four sources a list reads, as one engine writes them. */
export interface Sources {
  errors: Source;
  groups: Source;
  sessionGroups: Source;
  events: Source;
}

/** FROM clauses shared by both engines; `innerJoin` is how the engine pins a join order. */
export function fromClauses(innerJoin: string) {
  return {
    errors: 'session_errors e LEFT JOIN session_error_groups g ON g.tenant_id = e.tenant_id AND g.id = e.group_id',
    groups: 'session_error_groups g',
    // The membership table as the outer loop: a session's groups are a range of its primary key.
    sessionGroups: `session_error_group_sessions s ${innerJoin} session_error_groups g ON g.tenant_id = s.tenant_id AND g.id = s.group_id`,
    events: 'session_events v',
  };
}

function conditionsFor(filters: Filters, columns: Record<string, string>): Condition[] {
  return Object.entries(filters)
    .filter((entry): entry is [string, readonly string[]] => entry[1] !== undefined && columns[entry[0]] !== undefined)
    .map(([name, values]) => anyOf(columns[name]!, values));
}

/** Groups that have at least one error in any of the sessions. */
function inAnySession(sessions: readonly string[]): Condition {
  const any = anyOf('f.session_id', sessions);
  return {
    sql: `EXISTS (SELECT 1 FROM session_error_group_sessions f WHERE f.tenant_id = g.tenant_id AND f.group_id = g.id AND ${any.sql})`,
    params: any.params,
    several: any.several,
  };
}

/** A page of a tenant's errors, optionally of one session. */
export function errorListPlan(sources: Sources, tenantId: string, filters: Filters, request: PageRequest, sessionId?: string): PagePlan {
  const conditions = conditionsFor(filters, ERROR_FILTER_COLUMNS);
  if (sessionId !== undefined) conditions.unshift({ sql: 'e.session_id = ?', params: [sessionId] });
  conditions.unshift({ sql: 'e.tenant_id = ?', params: [tenantId] });
  return planPage(sources.errors, conditions, request);
}

/** A page of a tenant's error groups; a session's groups when `sessionId` is given. */
export function groupListPlan(sources: Sources, tenantId: string, filters: Filters, request: PageRequest, sessionId?: string): PagePlan {
  const conditions = conditionsFor(filters, GROUP_FILTER_COLUMNS);
  const sessions = filters.session_id;
  const scope = sessionId ?? (sessions?.length === 1 ? sessions[0] : undefined);
  if (scope !== undefined) {
    if (sessionId !== undefined && sessions) conditions.push(inAnySession(sessions));
    conditions.unshift({ sql: 's.tenant_id = ? AND s.session_id = ?', params: [tenantId, scope] });
    return planPage(sources.sessionGroups, conditions, request);
  }
  if (sessions) conditions.push(inAnySession(sessions));
  conditions.unshift({ sql: 'g.tenant_id = ?', params: [tenantId] });
  return planPage(sources.groups, conditions, request);
}

/** A page of a session's events. */
export function eventListPlan(sources: Sources, tenantId: string, sessionId: string, filters: Filters, request: PageRequest): PagePlan {
  const conditions = conditionsFor(filters, EVENT_FILTER_COLUMNS);
  conditions.unshift({ sql: 'v.tenant_id = ? AND v.session_id = ?', params: [tenantId, sessionId] });
  return planPage(sources.events, conditions, request);
}

/** Row counts of the main tables (`where` limits them, e.g. to one tenant), and the errors still pending. */
export function countsSql(where: string): string {
  return `SELECT
  (SELECT count(*) FROM sessions ${where}) AS sessions,
  (SELECT count(*) FROM session_errors ${where}) AS session_errors,
  (SELECT count(*) FROM session_error_groups ${where}) AS session_error_groups,
  (SELECT count(*) FROM session_events ${where}) AS session_events,
  (SELECT count(*) FROM observability_sessions ${where}) AS observability_sessions,
  (SELECT count(*) FROM session_errors ${where ? `${where} AND` : 'WHERE'} status = 'processing') AS processing`;
}
