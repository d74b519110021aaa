// The sandbox-only endpoints under `/_sandbox/` (documented in `@session-obs/spec/sandbox-api.json`,
// not part of the public API): health, fixture ids, error ingest, a grouping run, and the self-service
// tenants (create, reset, delete). Everything but health and tenant creation acts on the caller's tenant. Routes, methods
// (405 with `Allow`) and which routes need a token come from that document, as for the API's routes.
import type { IncomingMessage } from 'node:http';
import { listOperations } from '@session-obs/spec';
import {
  badRequest,
  compileOperations,
  endpointNotFound,
  forbidden,
  invalidRequest,
  matchRoute,
  methodNotAllowed,
  unauthorized,
  type ApiRequest,
  type CompiledOperation,
  type ErrorDialect,
  type ErrorReply,
  type UnauthorizedReason,
  encodeCursor,
} from '@session-obs/spec/server';
import { createErrorIds, errorRow, loadSandboxApi, validateIngestRequest, type IngestError } from '../ingest.js';
import { MAX_NESTING, nestedDeeperThan } from '../nesting-depth.js';
import { LOCAL_TENANT, type SandboxStore, type StoreCounts } from '../store/contract.js';
import { databaseDownReason, PROBE_DEADLINE_MS, whenDatabaseDown, within } from './database-down.js';
import type { HttpReply } from './reply.js';
import { readBody, refuseBody } from './read-body.js';
import { createTenantHandlers, type TenantSettings } from './tenant-handlers.js';

/** The largest ingest body read (5 MB); a larger one is a 413. */
export const MAX_INGEST_BYTES = 5 * 1024 * 1024;

/** 403 `forbidden`: an ingest that would store more rows than the tenant may hold (nothing was written). */
function rowLimitReached(dialect: ErrorDialect, limit: number): HttpReply {
  const message = `This tenant may hold ${limit} rows (errors, events, observability sessions); this ingest would pass that, so nothing was stored.`;
  return forbidden(dialect, message, 'POST /_sandbox/reset puts the tenant back to its seed; DELETE /_sandbox/tenant removes it.');
}

type SandboxHandler = (operation: CompiledOperation, req: IncomingMessage, tenantId: string) => Promise<HttpReply>;

/**
 * Liveness: the process answers, so 200 even when the counts cannot be read (the database does not answer);
 * then `counts` is left out and `counts_unavailable` says why.
 */
async function health(counts: () => Promise<StoreCounts>): Promise<HttpReply> {
  try {
    return { status: 200, body: { status: 'ok', counts: await within(counts(), PROBE_DEADLINE_MS) } };
  } catch (error) {
    return { status: 200, body: { status: 'ok', counts_unavailable: databaseDownReason(error) } };
  }
}

/** Readiness: a replica whose database does not answer is taken out of rotation (503), not crashed. */
async function ready(store: SandboxStore, operation: CompiledOperation): Promise<HttpReply> {
  return (await whenDatabaseDown(store, operation.dialect)) ?? { status: 200, body: { status: 'ready' } };
}

/** One handler per operationId of the sandbox-only document. */
function createHandlers(store: SandboxStore): Record<string, SandboxHandler> {
  const newId = createErrorIds();
  return {
    // Counts are the caller's tenant's (the local tenant's without a token): never a figure over tenants.
    getSandboxHealth: (_operation, _req, tenant) => health(() => store.counts(tenant || LOCAL_TENANT)),
    getSandboxFixtures: async (_operation, _req, tenant) => {
      const ids = await store.fixtureIds(tenant);
      return { status: 200, body: ids ? { ...ids, cursor: encodeCursor('after', ids.session_error_group_id) } : {} };
    },
    createSandboxGroupingRun: async (_operation, _req, tenant) => ({
      status: 200,
      body: { processed: await store.groupAllPending(tenant) },
    }),
    async createSandboxSessionErrors(operation, req, tenant) {
      const read = await readBody(req, MAX_INGEST_BYTES);
      if ('refused' in read) return refuseBody(operation.dialect, read.refused, MAX_INGEST_BYTES);
      let body: unknown;
      try {
        body = JSON.parse(read.text);
      } catch {
        return badRequest(operation.dialect, 'The body is not valid JSON.');
      }
      if (nestedDeeperThan(body, MAX_NESTING)) {
        return badRequest(operation.dialect, `The body nests arrays and objects more than ${MAX_NESTING} levels deep.`);
      }
      const problems = validateIngestRequest(body);
      if (problems.length) return invalidRequest(operation.dialect, problems);
      const rows = (body as { errors: IngestError[] }).errors.map((error) => errorRow(error, newId));
      const result = await store.ingestErrors(tenant, rows);
      if ('rowLimit' in result) return rowLimitReached(operation.dialect, result.rowLimit);
      // Deleted (or expired) while the body was arriving, or by another replica since the token was accepted.
      if ('gone' in result) return unauthorized(operation.dialect, 'unknown_token');
      return { status: 202, json: `{"object":"list","items":[${result.stored.join(',')}]}` };
    },
  };
}

/** What the pipeline knows of a request's credentials: its tenant, or why it has none. */
export type SandboxAuth = { tenant: string } | { refused: UnauthorizedReason };

/** What the pipeline does for a `/_sandbox/*` route, when the route asks. */
export interface SandboxCaller {
  /** Looks the caller's credentials up (in the database); called only by routes that use them. */
  credentials(): Promise<SandboxAuth>;
  /** After `credentials`: takes one request from the caller's bucket; the 429 when it is empty. */
  rateLimit(dialect: ErrorDialect): Promise<ErrorReply | undefined>;
}

/** Answers a `/_sandbox/*` request for its tenant (or refuses it); open routes (health, tenant creation) need none. */
export type SandboxRoutes = (request: ApiRequest, caller: SandboxCaller) => Promise<HttpReply>;

/** Handles `/_sandbox/*` from the sandbox-only document's routes. */
export function createSandboxRoutes(store: SandboxStore, tenants: TenantSettings): SandboxRoutes {
  const api = loadSandboxApi();
  const operations = compileOperations(api);
  // Operations that declare `security: []` (health, tenant creation) take no token.
  const open = new Set(
    listOperations(api)
      .filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0)
      .map(({ operationId }) => operationId),
  );
  // The client address (the load balancer's X-Forwarded-For when trusted) is the shared layer's.
  const clients = new WeakMap<IncomingMessage, string>();
  const handlers = {
    ...createHandlers(store),
    ...createTenantHandlers(store, tenants, (req) => clients.get(req) ?? req.socket.remoteAddress ?? 'unknown'),
  };

  return async ({ request: req, method, target, client }, caller) => {
    const route = matchRoute(operations, method, target.path);
    if (route.kind === 'not_found') return endpointNotFound(method, target.path);
    if (route.kind === 'method_not_allowed') return methodNotAllowed(route.dialect, method, route.allow);
    const { operation } = route;
    // Readiness answers whatever the database does, so it never looks the caller up (that is a query).
    if (operation.operationId === 'getSandboxReadiness') return ready(store, operation);
    let auth: SandboxAuth;
    try {
      auth = await caller.credentials();
    } catch (error) {
      // Liveness does not depend on the database: without the caller's tenant it still answers, counts unavailable.
      if (operation.operationId === 'getSandboxHealth') return health(() => Promise.reject(error));
      throw error;
    }
    if (!open.has(operation.operationId)) {
      // As on the API's routes: the token's bucket, or the address's when refused (a 429 before the 401).
      const refusal = await caller.rateLimit(operation.dialect);
      if (refusal) return refusal;
      if ('refused' in auth) return unauthorized(operation.dialect, auth.refused);
    }
    clients.set(req, client);
    const handler = handlers[operation.operationId];
    return handler ? handler(operation, req, 'tenant' in auth ? auth.tenant : '') : endpointNotFound(method, target.path);
  };
}
