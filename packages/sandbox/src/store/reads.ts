// The read side of the SQLite store: the API's lists (keyset pages) and objects, each row already its
// JSON text, always within one tenant. These are the hot paths: every statement is prepared once, in
// the constructor or (per distinct SQL text) by the pager.
import type { Database, Statement } from 'better-sqlite3';
import type { Filters } from './contract.js';
import { finishPage, type Page, type PagePlan, type PageRequest } from './keyset.js';
import { errorListPlan, eventListPlan, fromClauses, groupListPlan, type Sources } from './queries.js';
import { SESSION_ERROR_GROUP_JSON, SESSION_ERROR_JSON, SESSION_EVENT_JSON, type JsonRow } from './rows.js';

const FROM = fromClauses('CROSS JOIN');
const GROUP_JSON = `${SESSION_ERROR_GROUP_JSON} AS json`;
// Each row is the API object's JSON text, built by SQLite (see rows.ts).
const SOURCES: Sources = {
  errors: { from: FROM.errors, id: 'e.id', select: `${SESSION_ERROR_JSON} AS json` },
  groups: { from: FROM.groups, id: 'g.id', select: GROUP_JSON },
  sessionGroups: { from: FROM.sessionGroups, id: 's.group_id', select: GROUP_JSON },
  events: { from: FROM.events, id: 'v.id', select: `${SESSION_EVENT_JSON} AS json` },
};

/** The query side of the SQLite store (extended by {@link SqliteStore} with writes, grouping and tenants). */
export class StoreReads {
  private readonly statements: Record<string, Statement>;
  private readonly cache = new Map<string, Statement>();

  constructor(protected readonly db: Database) {
    this.statements = {
      session: db.prepare('SELECT 1 FROM sessions WHERE tenant_id = ? AND id = ?'),
      error: db.prepare(`SELECT e.session_id, ${SOURCES.errors.select} FROM ${SOURCES.errors.from} WHERE e.tenant_id = ? AND e.id = ?`),
      group: db.prepare(`SELECT ${GROUP_JSON} FROM session_error_groups g WHERE g.tenant_id = ? AND g.id = ?`),
      groupInSession: db.prepare('SELECT 1 FROM session_error_group_sessions WHERE tenant_id = ? AND session_id = ? AND group_id = ?'),
      event: db.prepare(`SELECT v.session_id, ${SESSION_EVENT_JSON} AS json FROM session_events v WHERE v.tenant_id = ? AND v.id = ?`),
      observability: db
        .prepare('SELECT body FROM observability_sessions WHERE tenant_id = ? AND platform = ? AND version_key = ? AND session_id = ?')
        .pluck(),
    };
  }

  /** A prepared statement per distinct SQL text; pluck: each row is its one column's value. */
  private prepared(sql: string): Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).pluck();
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(sql, statement);
    }
    return statement;
  }

  private runPlan(plan: PagePlan): Page {
    const rows = this.prepared(plan.scan.sql).all(...plan.scan.params) as string[];
    const found = plan.probe ? this.prepared(plan.probe.sql).get(...plan.probe.params) !== undefined : false;
    return finishPage(plan, rows, found);
  }

  async hasSession(tenantId: string, id: string): Promise<boolean> {
    return this.statements.session!.get(tenantId, id) !== undefined;
  }

  async listErrors(tenantId: string, filters: Filters, request: PageRequest, sessionId?: string): Promise<Page> {
    return this.runPlan(errorListPlan(SOURCES, tenantId, filters, request, sessionId));
  }

  /** One error's session and JSON, read synchronously (also inside a write transaction). */
  protected errorRow(tenantId: string, id: string): (JsonRow & { session_id: string }) | undefined {
    return this.statements.error!.get(tenantId, id) as (JsonRow & { session_id: string }) | undefined;
  }

  async getError(tenantId: string, id: string): Promise<(JsonRow & { session_id: string }) | undefined> {
    return this.errorRow(tenantId, id);
  }

  async listGroups(tenantId: string, filters: Filters, request: PageRequest, sessionId?: string): Promise<Page> {
    return this.runPlan(groupListPlan(SOURCES, tenantId, filters, request, sessionId));
  }

  async getGroup(tenantId: string, id: string): Promise<JsonRow | undefined> {
    return this.statements.group!.get(tenantId, id) as JsonRow | undefined;
  }

  async groupInSession(tenantId: string, sessionId: string, groupId: string): Promise<boolean> {
    return this.statements.groupInSession!.get(tenantId, sessionId, groupId) !== undefined;
  }

  async listEvents(tenantId: string, sessionId: string, filters: Filters, request: PageRequest): Promise<Page> {
    return this.runPlan(eventListPlan(SOURCES, tenantId, sessionId, filters, request));
  }

  async getEvent(tenantId: string, id: string): Promise<(JsonRow & { session_id: string }) | undefined> {
    return this.statements.event!.get(tenantId, id) as (JsonRow & { session_id: string }) | undefined;
  }

  async getObservabilitySession(tenantId: string, platform: string, versionKey: string, sessionId: string): Promise<string | undefined> {
    return this.statements.observability!.get(tenantId, platform, versionKey, sessionId) as string | undefined;
  }
}
