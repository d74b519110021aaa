// The sandbox-only endpoints under `/_sandbox/` (documented in `@session-obs/spec/sandbox-api.json`,
// not part of the public API): health, fixture ids, and error ingest.
import type { IncomingMessage } from 'node:http';
import { badRequest, endpointNotFound, invalidRequest, payloadTooLarge, unauthorized, type UnauthorizedReason } from '@session-obs/spec';
import { encodeCursor } from '../cursor.js';
import { validateIngestRequest, Writer, type IngestError } from '../ingest.js';
import type { Store } from '../store/store.js';
import type { HttpReply } from './reply.js';

const MAX_BODY = 5 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Ids of existing objects, for tests and examples (`GET /_sandbox/fixtures`). */
export function fixtures(store: Store): Record<string, unknown> {
  const db = store.db;
  const get = (sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as Record<string, string> | undefined;
  const first = get(`SELECT e.* FROM session_errors e WHERE e.status = 'processed'
    AND EXISTS (SELECT 1 FROM session_events v WHERE v.session_id = e.session_id) ORDER BY e.id LIMIT 1`);
  if (!first) return {};
  const other = get("SELECT * FROM session_errors WHERE session_id <> ? AND status = 'processed' ORDER BY id LIMIT 1", first.session_id!);
  const event = get('SELECT * FROM session_events WHERE session_id = ? ORDER BY id LIMIT 1', first.session_id);
  const runEvent = get(
    'SELECT * FROM session_events WHERE session_id = ? AND server_run_id IS NOT NULL ORDER BY id LIMIT 1',
    first.session_id,
  );
  const observability = get(
    'SELECT platform, session_id, version_key FROM observability_sessions ORDER BY platform, version_key, session_id LIMIT 1',
  );
  return {
    session_id: first.session_id,
    session_error_id: first.id,
    session_error_group_id: first.group_id,
    provider_run_id: first.provider_run_id,
    provider_id: first.provider_id,
    ...(other ? { other_session_id: other.session_id, other_session_error_id: other.id } : {}),
    ...(event ? { session_event_id: event.id } : {}),
    ...(runEvent ? { server_run_id: runEvent.server_run_id, server_session_id: runEvent.server_session_id } : {}),
    cursor: encodeCursor('after', first.group_id ?? first.id!),
    ...(observability ? { observability } : {}),
  };
}

/** Handles `/_sandbox/*`. `unauthorized` says why the request's credentials were refused (undefined: accepted). */
export function createSandboxRoutes(store: Store, groupNow: () => number) {
  const writer = new Writer(store.db);
  const ingest = store.db.transaction((errors: IngestError[]) => errors.map((e) => writer.error(e)));

  return async (req: IncomingMessage, url: URL, refused: UnauthorizedReason | undefined): Promise<HttpReply> => {
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/_sandbox/health') {
      return { status: 200, body: { status: 'ok', counts: store.counts() } };
    }
    const known = ['/_sandbox/fixtures', '/_sandbox/errors', '/_sandbox/grouping/run'].includes(url.pathname);
    if (!known) return endpointNotFound(method, url.pathname);
    if (refused) return unauthorized('session', refused);
    if (method === 'GET' && url.pathname === '/_sandbox/fixtures') return { status: 200, body: fixtures(store) };
    if (method === 'POST' && url.pathname === '/_sandbox/grouping/run') {
      let processed = 0;
      for (let n = groupNow(); n > 0; n = groupNow()) processed += n;
      return { status: 200, body: { processed } };
    }
    if (method === 'POST' && url.pathname === '/_sandbox/errors') {
      const text = await readBody(req);
      if (text === undefined) return payloadTooLarge('session', MAX_BODY);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return badRequest('session', 'The body is not valid JSON.');
      }
      const problems = validateIngestRequest(body);
      if (problems.length) return invalidRequest('session', problems);
      const ids = ingest.immediate((body as { errors: IngestError[] }).errors);
      const items = ids.map((id) => store.getError(id)!.json).join(',');
      return { status: 202, json: `{"object":"list","items":[${items}]}` };
    }
    return endpointNotFound(method, url.pathname);
  };
}
