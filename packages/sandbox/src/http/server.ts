// The sandbox's HTTP server: routes from the spec, bearer auth, per-token rate limiting, the
// spec-derived parameter validation, and the handlers; while it listens, the grouping worker runs.
// Optionally validates every response it sends.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  answerRawRequests,
  compileOperations,
  createSpecValidator,
  endpointNotFound,
  formatErrors,
  internalError,
  loadSpec,
  matchRoute,
  methodNotAllowed,
  readBearerToken,
  tooManyRequests,
  unauthorized,
  type ErrorDialect,
  type UnauthorizedReason,
} from '@session-obs/spec';
import { createHandlers, type Handler } from './handlers.js';
import { replyText, replyValue, type HttpReply } from './reply.js';
import { TokenBuckets, UNLIMITED, type RateLimitOptions } from './rate-limit.js';
import { createSandboxRoutes } from './sandbox-routes.js';
import { TENANT_DEFAULTS, type TenantSettings } from './tenant-handlers.js';
import { startTenantSweeper, type TenantSweeper } from '../tenant-sweeper.js';
import { startGroupingWorker, type GroupingWorker } from '../grouping-worker.js';
import type { SandboxStore } from '../store/contract.js';
import { PgStore } from '../store/postgres/store.js';
import { SqliteStore } from '../store/store.js';

/** The token accepted when none is configured. */
export const DEFAULT_TOKEN = 'metorial_sk_sandbox_dev';

export interface SandboxServerOptions {
  /** The store to serve, from `prepareStore`. */
  store: SandboxStore;
  /**
   * How often (ms) errors waiting in `processing` are grouped while the server listens. Default 100;
   * `false`: only when `POST /_sandbox/grouping/run` asks.
   */
  groupingIntervalMs?: number | false;
  /** Self-service tenants (`POST /_sandbox/tenants`): the seed they get and their limits. Default {@link TENANT_DEFAULTS}. */
  tenants?: TenantSettings;
  /** Bearer tokens that are accepted. Default: [{@link DEFAULT_TOKEN}]. */
  tokens?: string[];
  /** Token-bucket rate limit per token; off when undefined. */
  rateLimit?: RateLimitOptions;
  /** Validate every response against the spec and answer 500 when one does not match (tests). */
  validateResponses?: boolean;
  /** The spec to serve. Default: the bundled spec. */
  spec?: any;
  /** Called for responses that failed validation and for unexpected errors. */
  onProblem?: (message: string) => void;
  /** Injectable clock for the rate limiter (ms). */
  now?: () => number;
}

export interface SandboxServer {
  server: Server;
  /** Starts listening; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** A request body this server did not read (an early 401, 404, 405, 413): its connection is closed rather than drained. */
function bodyLeftUnread(req: IncomingMessage): boolean {
  const declared = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  return declared && !req.readableEnded;
}

let requestCounter = 0;
const requestId = () => `req_${Date.now().toString(36)}${(requestCounter++ % 1_679_616).toString(36).padStart(4, '0')}`;

/** Creates (without starting) the sandbox server over a store. */
export function createSandboxServer(options: SandboxServerOptions): SandboxServer {
  const store = options.store;
  if (!(store instanceof SqliteStore) && !(store instanceof PgStore))
    throw new TypeError('createSandboxServer: `store` must be the store prepareStore() returned.');
  const spec = options.spec ?? loadSpec();
  // One validator over the spec serves the parameters and, when asked, the responses.
  const specValidator = createSpecValidator(spec);
  const operations = compileOperations(spec, specValidator);
  const tokens = options.tokens?.length ? options.tokens : [DEFAULT_TOKEN];
  const buckets = new TokenBuckets(options.rateLimit, options.now);
  const handlers = createHandlers(store);
  const sandboxRoutes = createSandboxRoutes(store, options.tenants ?? TENANT_DEFAULTS);
  const validator = options.validateResponses ? specValidator : undefined;
  const problem = options.onProblem ?? ((m: string) => console.error(m));

  /** The accepted token of a request and its tenant, or why it has none. */
  const credentialsOf = async (
    req: IncomingMessage,
  ): Promise<
    { token: string; tenant: string; refused?: undefined } | { token?: undefined; tenant?: undefined; refused: UnauthorizedReason }
  > => {
    const bearer = readBearerToken(req.headers.authorization);
    if ('reason' in bearer) return { refused: bearer.reason };
    const tenant = await store.authenticate(bearer.token);
    return tenant ? { token: bearer.token, tenant: tenant.id } : { refused: 'unknown_token' };
  };

  /** The error dialect of whatever a method and path lead to (the session one for unknown routes). */
  const dialectAt = (method: string, pathname: string): ErrorDialect => {
    const matched = matchRoute(operations, method, pathname);
    return matched.kind === 'operation' ? matched.operation.dialect : matched.kind === 'method_not_allowed' ? matched.dialect : 'session';
  };

  type Routed = HttpReply & { specPath?: string };

  // Asynchronous: the token's tenant and every answer come from the store (either engine).
  async function route(req: IncomingMessage, url: URL, headers: Record<string, string>): Promise<Routed> {
    const method = req.method ?? 'GET';
    const { token, tenant, refused } = await credentialsOf(req);
    if (url.pathname.startsWith('/_sandbox/')) return sandboxRoutes(req, url, refused, tenant);
    const matched = matchRoute(operations, method, url.pathname);
    if (matched.kind === 'not_found') return endpointNotFound(method, url.pathname);
    if (matched.kind === 'method_not_allowed') return methodNotAllowed(matched.dialect, method, matched.allow);
    const { operation, pathValues } = matched;
    const specPath = operation.path;

    const decision = buckets.take(token ?? `anonymous:${req.socket.remoteAddress ?? ''}`);
    if (decision !== UNLIMITED) {
      headers['RateLimit-Limit'] = String(decision.limit);
      headers['RateLimit-Remaining'] = String(decision.remaining);
      headers['RateLimit-Reset'] = String(decision.resetSeconds);
    }
    if (refused) return { specPath, ...unauthorized(operation.dialect, refused) };
    if (!decision.allowed) return { specPath, ...tooManyRequests(operation.dialect, decision.retryAfterSeconds) };
    const handler: Handler | undefined = handlers[operation.operationId];
    if (!handler) return { specPath, ...endpointNotFound(method, url.pathname) };
    const reply: Routed = await handler(operation, pathValues, url.searchParams, tenant!);
    reply.specPath = specPath;
    return reply;
  }

  function send(req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>, reply: Routed): void {
    let final: HttpReply = reply;
    if (validator && reply.specPath) {
      const result = validator.validateResponse('get', reply.specPath, reply.status, replyValue(reply));
      if (!result.valid) {
        problem(`✖ response of ${req.method} ${req.url} (${reply.status}) does not match the spec:\n${formatErrors(result.errors)}`);
        final = failure(req, url, headers);
      }
    }
    if ('headers' in final) Object.assign(headers, final.headers);
    if (bodyLeftUnread(req)) headers.Connection = 'close';
    if (req.method === 'HEAD') {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.statusCode = final.status;
      res.end();
      return;
    }
    // One writeHead with every header (and the length, so the body is not chunked), then the body.
    const text = replyText(final);
    headers['Content-Length'] = String(Buffer.byteLength(text));
    res.writeHead(final.status, headers);
    res.end(text);
  }

  const fail = (req: IncomingMessage, url: URL, headers: Record<string, string>, error: unknown): HttpReply => {
    problem(`✖ ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
    return failure(req, url, headers);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      // Without this a page on another origin (the docs' Try it console) cannot read these headers.
      'Access-Control-Expose-Headers': 'X-Request-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After',
      'X-Request-Id': requestId(),
      'RateLimit-Limit': '1000',
      'RateLimit-Remaining': '1000',
      'RateLimit-Reset': '0',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...headers,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://sandbox');
    } catch {
      url = new URL('http://sandbox/');
    }
    // A client that goes away mid-body (the read fails) is no server problem: nothing to answer or report.
    route(req, url, headers)
      .catch((error: unknown) => (req.socket.destroyed ? undefined : fail(req, url, headers, error)))
      .then((r: Routed | undefined) => r && !req.socket.destroyed && send(req, res, url, headers, r));
  });
  server.keepAliveTimeout = 65_000;
  // Unparsable requests and CONNECT never reach the handler above: they still get the API's error body.
  answerRawRequests(server, ['GET', 'HEAD', 'POST', 'OPTIONS'], { 'Access-Control-Allow-Origin': '*' });

  function failure(req: IncomingMessage, url: URL, headers: Record<string, string>): HttpReply {
    return internalError(dialectAt(req.method ?? 'GET', url.pathname), headers['X-Request-Id'] ?? 'unknown');
  }

  let worker: GroupingWorker | undefined;
  let sweeper: TenantSweeper | undefined;
  const startWorker = () => {
    if (options.groupingIntervalMs === false) return;
    worker = startGroupingWorker(store, {
      intervalMs: options.groupingIntervalMs ?? 100,
      onError: (error) => problem(`✖ grouping worker: ${(error as Error).message}`),
    });
  };

  return {
    server,
    listen: async (port = 0, host = '127.0.0.1') => {
      // The configured tokens are the local tenant's (stored as hashes).
      await store.setLocalTokens(tokens);
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          startWorker();
          sweeper = startTenantSweeper(store, { onError: (error) => problem(`✖ tenant sweeper: ${(error as Error).message}`) });
          resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
        });
      });
    },
    close: async () => {
      await worker?.stop();
      await sweeper?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
