// The sandbox-only endpoints under `/_sandbox/` (documented in `@session-obs/spec/sandbox-api.json`,
// not part of the public API): health, fixture ids, error ingest and a grouping run. Routes, methods
// (405 with `Allow`) and which routes need a token come from that document, as for the API's routes.
import type { IncomingMessage } from 'node:http';
import { listOperations } from '@session-obs/spec';
import {
  badRequest,
  compileOperations,
  endpointNotFound,
  invalidRequest,
  matchRoute,
  methodNotAllowed,
  payloadTooLarge,
  unauthorized,
  type CompiledOperation,
  type ApiRequest,
  type UnauthorizedReason,
  encodeCursor,
} from '@session-obs/spec/server';
import { createErrorIds, errorRow, loadSandboxApi, validateIngestRequest, type IngestError } from '../ingest.js';
import type { Store } from '../store/store.js';
import type { HttpReply } from './reply.js';

/** The largest ingest body read (5 MB); a larger one is a 413. */
export const MAX_INGEST_BYTES = 5 * 1024 * 1024;

/** The body as text, or undefined once it is larger than `maxBytes` (reading stops there). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type SandboxHandler = (operation: CompiledOperation, req: IncomingMessage) => HttpReply | Promise<HttpReply>;

/** One handler per operationId of the sandbox-only document. */
function createHandlers(store: Store): Record<string, SandboxHandler> {
  const newId = createErrorIds();
  return {
    getSandboxHealth: () => ({ status: 200, body: { status: 'ok', counts: store.counts() } }),
    getSandboxFixtures: () => {
      const ids = store.fixtureIds();
      return { status: 200, body: ids ? { ...ids, cursor: encodeCursor('after', ids.session_error_group_id) } : {} };
    },
    createSandboxGroupingRun: () => ({ status: 200, body: { processed: store.groupAllPending() } }),
    async createSandboxSessionErrors(operation, req) {
      const text = await readBody(req, MAX_INGEST_BYTES);
      if (text === undefined) return payloadTooLarge(operation.dialect, MAX_INGEST_BYTES);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return badRequest(operation.dialect, 'The body is not valid JSON.');
      }
      const problems = validateIngestRequest(body);
      if (problems.length) return invalidRequest(operation.dialect, problems);
      const rows = (body as { errors: IngestError[] }).errors.map((error) => errorRow(error, newId));
      store.ingestErrors(rows);
      const items = rows.map((row) => store.getError(row.id)!.json).join(',');
      return { status: 202, json: `{"object":"list","items":[${items}]}` };
    },
  };
}

/** Answers a `/_sandbox/*` request; `refused` says why its credentials were refused (undefined: accepted). */
export type SandboxRoutes = (request: ApiRequest, refused: UnauthorizedReason | undefined) => HttpReply | Promise<HttpReply>;

/** Handles `/_sandbox/*` from the sandbox-only document's routes. */
export function createSandboxRoutes(store: Store): SandboxRoutes {
  const api = loadSandboxApi();
  const operations = compileOperations(api);
  // Operations that declare `security: []` (the health probe) take no token.
  const open = new Set(
    listOperations(api)
      .filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0)
      .map(({ operationId }) => operationId),
  );
  const handlers = createHandlers(store);

  return ({ request: req, method, target }, refused) => {
    const route = matchRoute(operations, method, target.path);
    if (route.kind === 'not_found') return endpointNotFound(method, target.path);
    if (route.kind === 'method_not_allowed') return methodNotAllowed(route.dialect, method, route.allow);
    const { operation } = route;
    if (refused && !open.has(operation.operationId)) return unauthorized(operation.dialect, refused);
    const handler = handlers[operation.operationId];
    return handler ? handler(operation, req) : endpointNotFound(method, target.path);
  };
}
