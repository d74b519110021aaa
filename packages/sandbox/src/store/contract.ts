// The one store contract both engines (SQLite, PostgreSQL) implement. Every read and write takes the
// tenant id first: a tenant only ever sees its own rows. The HTTP layer, the CLI and the tests talk to
// this interface only; nothing outside `store/` sees a connection or writes SQL.
import type { FixtureIds } from './fixtures.js';
import type { Page, PageRequest } from './keyset.js';
import type { JsonRow } from './rows.js';
import type { ImportRecord, NewErrorRow } from './writes.js';

/** Row counts of the main tables, and how many errors still wait for the grouping worker. */
export interface StoreCounts {
  sessions: number;
  session_errors: number;
  session_error_groups: number;
  session_events: number;
  observability_sessions: number;
  processing: number;
}

/** One-or-many filter values by API parameter name. */
export type Filters = Record<string, readonly string[] | undefined>;

/** How big a seed to make (the same settings give the same data). */
export interface SeedSettings {
  seed: number;
  sessions: number;
  errors: number;
}

/** What a seed made. */
export interface SeedSummary {
  sessions: number;
  errors: number;
  groups: number;
  events: number;
  observabilitySessions: number;
}

/** The limits of self-service tenants; each holds across processes because the store checks it. */
export interface TenantLimits {
  /** Tenants one client address may create per rolling hour. */
  perAddressPerHour: number;
  /** Tenants that may exist at once (the local tenant not counted). */
  total: number;
  /** Stored errors, events and observability sessions per self-service tenant. */
  rowsPerTenant: number;
  /** A tenant unused this long (seconds) expires and the sweeper removes it. */
  idleSeconds: number;
}

/** A self-service tenant as created: its token is only ever in this answer, never stored. */
export interface CreatedTenant {
  id: string;
  token: string;
  expiresAt: number;
  rowLimit: number;
  seeded: SeedSummary;
}

/** Why a tenant was not created. */
export type TenantRefusal =
  | { refused: 'address_limit' | 'total_limit'; retryAfterSeconds: number }
  /** The requested seed makes more rows than a tenant may hold: it would start over its own limit. */
  | { refused: 'row_limit'; seedRows: number };

/** An accepted token's tenant. */
export interface TenantRef {
  id: string;
  /** `local`: the configured tokens' tenant (no row limit, never expires); `key`: self-service. */
  kind: 'local' | 'key';
}

/** A rate-limit take: whether allowed, and the bucket's state after it. */
export interface BucketTake {
  allowed: boolean;
  /** Tokens left after this take. */
  tokens: number;
}

/** The id of the tenant the configured tokens (`--tokens`, the dev token) belong to. */
export const LOCAL_TENANT = 'ten_local';

/** What an ingest did: stored (the items' JSON), or nothing, because of the row limit or a tenant that is gone. */
export type IngestResult = { stored: string[] } | { rowLimit: number } | { gone: true };

/** The async, tenant-scoped store (SQLite or PostgreSQL). Give it to `createSandboxServer`; close it after the server. */
export interface SandboxStore {
  /** Which engine holds the data. */
  readonly engine: 'sqlite' | 'postgres';
  /** The tenant of a bearer token (looked up by its SHA-256), refreshing the tenant's idle expiry. */
  authenticate(token: string, now?: number): Promise<TenantRef | undefined>;
  /** Makes `tokens` the local tenant's tokens (creating the tenant, unseeded, when missing). */
  setLocalTokens(tokens: readonly string[]): Promise<void>;
  /** Creates and seeds a self-service tenant within the limits, or says which limit refused it. */
  createTenant(input: {
    createdBy: string;
    seed: SeedSettings;
    limits: TenantLimits;
    now?: number;
  }): Promise<CreatedTenant | TenantRefusal>;
  /**
   * Puts a tenant back to its seed (all its data replaced); returns what the seed made, or undefined
   * when the tenant is gone (deleted or expired since its token was accepted): then nothing is written.
   */
  resetTenant(tenantId: string): Promise<SeedSummary | undefined>;
  /** Removes a tenant, its tokens and all its data. */
  deleteTenant(tenantId: string): Promise<void>;
  /** Removes every self-service tenant whose idle expiry has passed; returns how many. */
  sweepExpiredTenants(now?: number): Promise<number>;
  /** The expiry (ms since epoch) of a tenant, undefined for the local tenant. */
  tenantExpiry(tenantId: string): Promise<number | undefined>;

  hasSession(tenantId: string, id: string): Promise<boolean>;
  listErrors(tenantId: string, filters: Filters, request: PageRequest, sessionId?: string): Promise<Page>;
  getError(tenantId: string, id: string): Promise<(JsonRow & { session_id: string }) | undefined>;
  listGroups(tenantId: string, filters: Filters, request: PageRequest, sessionId?: string): Promise<Page>;
  getGroup(tenantId: string, id: string): Promise<JsonRow | undefined>;
  groupInSession(tenantId: string, sessionId: string, groupId: string): Promise<boolean>;
  listEvents(tenantId: string, sessionId: string, filters: Filters, request: PageRequest): Promise<Page>;
  getEvent(tenantId: string, id: string): Promise<(JsonRow & { session_id: string }) | undefined>;
  getObservabilitySession(tenantId: string, platform: string, versionKey: string, sessionId: string): Promise<string | undefined>;

  /**
   * Stores ingested errors as `processing`, all or none, and returns their JSON as stored; refused
   * (nothing written) when the tenant's row limit would be passed, or when the tenant is gone (deleted
   * or expired since its token was accepted, e.g. while the body was arriving).
   */
  ingestErrors(tenantId: string, rows: readonly NewErrorRow[]): Promise<IngestResult>;
  /** Stores one batch of import lines for a tenant, all or none; ids already stored are skipped. */
  importBatch(tenantId: string, records: readonly ImportRecord[]): Promise<void>;
  /** Groups one batch of pending errors (of one tenant, or of all); returns how many. Safe to run in several processes at once. */
  groupPending(tenantId?: string): Promise<number>;
  /** Groups until nothing is pending (of one tenant, or of all); returns how many. */
  groupAllPending(tenantId?: string): Promise<number>;
  /** One existing id of each kind in a tenant (`GET /_sandbox/fixtures`). */
  fixtureIds(tenantId: string): Promise<FixtureIds | undefined>;
  /** Row counts of one tenant, or of the whole store. */
  counts(tenantId?: string): Promise<StoreCounts>;
  /** Takes one token from the named bucket (created full), atomically across processes. */
  takeRateToken(key: string, capacity: number, refillPerSecond: number, now?: number): Promise<BucketTake>;
  /**
   * Removes the buckets untouched since `untouchedBefore` (ms since the epoch; none by age when undefined)
   * and those of tokens no tenant holds; returns how many.
   */
  pruneRateBuckets(untouchedBefore?: number): Promise<number>;
  /** Resolves when the database answers a trivial query (readiness); rejects with the driver's error. */
  ping(): Promise<void>;
  /** Closes the connection(s), after the server using the store is closed. */
  close(): Promise<void>;
}
