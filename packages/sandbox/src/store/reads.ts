// The read side of the store: the API's lists (keyset pages) and objects, each row already its JSON
// text. These are the hot paths: every statement is prepared once, in the constructor or by the pager.
import type { Database, Statement } from 'better-sqlite3';
import { anyOf, KeysetPager, type Condition, type Page, type PageRequest, type Source } from './keyset.js';
import { SESSION_ERROR_GROUP_JSON, SESSION_ERROR_JSON, SESSION_EVENT_JSON, type JsonRow } from './rows.js';

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

const ERRORS: Source = {
  from: 'session_errors e LEFT JOIN session_error_groups g ON g.id = e.group_id',
  id: 'e.id',
  // Each row is the API object's JSON text, built by SQLite (see rows.ts).
  select: `${SESSION_ERROR_JSON} AS json`,
};
const GROUP_JSON = `${SESSION_ERROR_GROUP_JSON} AS json`;
const GROUPS: Source = { from: 'session_error_groups g', id: 'g.id', select: GROUP_JSON };
// CROSS JOIN pins the membership table as the outer loop: a session's groups are a range of its PK.
const SESSION_GROUPS: Source = {
  from: 'session_error_group_sessions s CROSS JOIN session_error_groups g ON g.id = s.group_id',
  id: 's.group_id',
  select: GROUP_JSON,
};
const EVENTS: Source = { from: 'session_events v', id: 'v.id', select: `${SESSION_EVENT_JSON} AS json` };

export type Filters = Record<string, readonly string[] | undefined>;

function conditionsFor(filters: Filters, columns: Record<string, string>): Condition[] {
  return Object.entries(filters)
    .filter((entry): entry is [string, readonly string[]] => entry[1] !== undefined && columns[entry[0]] !== undefined)
    .map(([name, values]) => anyOf(columns[name]!, values));
}

/** The query side of the store (extended by {@link Store} with writes, grouping and seeding). */
export class StoreReads {
  private readonly pager: KeysetPager;
  private readonly statements: Record<string, Statement>;

  constructor(protected readonly db: Database) {
    this.pager = new KeysetPager(db);
    this.statements = {
      session: db.prepare('SELECT 1 FROM sessions WHERE id = ?'),
      error: db.prepare(`SELECT e.session_id, ${ERRORS.select} FROM ${ERRORS.from} WHERE e.id = ?`),
      group: db.prepare(`SELECT ${GROUP_JSON} FROM session_error_groups g WHERE g.id = ?`),
      groupInSession: db.prepare('SELECT 1 FROM session_error_group_sessions WHERE session_id = ? AND group_id = ?'),
      event: db.prepare(`SELECT v.session_id, ${SESSION_EVENT_JSON} AS json FROM session_events v WHERE v.id = ?`),
      observability: db.prepare('SELECT body FROM observability_sessions WHERE platform = ? AND version_key = ? AND session_id = ?'),
    };
  }

  /** Whether a session exists. */
  hasSession(id: string): boolean {
    return this.statements.session!.get(id) !== undefined;
  }

  /** A page of session errors, optionally scoped to one session. */
  listErrors(filters: Filters, request: PageRequest, sessionId?: string): Page {
    const conditions = conditionsFor(filters, ERROR_FILTER_COLUMNS);
    if (sessionId !== undefined) conditions.unshift({ sql: 'e.session_id = ?', params: [sessionId] });
    return this.pager.page(ERRORS, conditions, request);
  }

  /** One session error by id (any session): its session and its JSON (with the live similar_error_count). */
  getError(id: string): (JsonRow & { session_id: string }) | undefined {
    return this.statements.error!.get(id) as (JsonRow & { session_id: string }) | undefined;
  }

  /** A page of error groups; scoped to one session's groups when `sessionId` is given. */
  listGroups(filters: Filters, request: PageRequest, sessionId?: string): Page {
    const conditions = conditionsFor(filters, GROUP_FILTER_COLUMNS);
    const sessions = filters.session_id;
    if (sessionId !== undefined) {
      conditions.unshift({ sql: 's.session_id = ?', params: [sessionId] });
      if (sessions) {
        conditions.push({
          sql: `EXISTS (SELECT 1 FROM session_error_group_sessions f WHERE f.group_id = g.id AND ${anyOf('f.session_id', sessions).sql})`,
          params: [...sessions],
        });
      }
      return this.pager.page(SESSION_GROUPS, conditions, request);
    }
    if (sessions?.length === 1) {
      conditions.unshift({ sql: 's.session_id = ?', params: [sessions[0]] });
      return this.pager.page(SESSION_GROUPS, conditions, request);
    }
    if (sessions) {
      conditions.push({
        sql: `EXISTS (SELECT 1 FROM session_error_group_sessions f WHERE f.group_id = g.id AND ${anyOf('f.session_id', sessions).sql})`,
        params: [...sessions],
      });
    }
    return this.pager.page(GROUPS, conditions, request);
  }

  /** One error group by id. */
  getGroup(id: string): JsonRow | undefined {
    return this.statements.group!.get(id) as JsonRow | undefined;
  }

  /** Whether at least one error of the session belongs to the group. */
  groupInSession(sessionId: string, groupId: string): boolean {
    return this.statements.groupInSession!.get(sessionId, groupId) !== undefined;
  }

  /** A page of a session's events. */
  listEvents(sessionId: string, filters: Filters, request: PageRequest): Page {
    const conditions = conditionsFor(filters, EVENT_FILTER_COLUMNS);
    conditions.unshift({ sql: 'v.session_id = ?', params: [sessionId] });
    return this.pager.page(EVENTS, conditions, request);
  }

  /** One event by id (any session). */
  getEvent(id: string): (JsonRow & { session_id: string }) | undefined {
    return this.statements.event!.get(id) as (JsonRow & { session_id: string }) | undefined;
  }

  /** The stored observability session JSON, if any. */
  getObservabilitySession(platform: string, versionKey: string, sessionId: string): string | undefined {
    return (this.statements.observability!.get(platform, versionKey, sessionId) as { body: string } | undefined)?.body;
  }
}
