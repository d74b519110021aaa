// The HTTP runtime the mock and the sandbox share. Every request goes through the same steps: a request id,
// the Host check (DNS rebinding), CORS (preflight answered here), the target parsed without trusting it,
// then the server's own `handle` (route → auth and limits → handler → validate), and one `send` with the
// security, CORS and id headers. Whatever `handle` throws becomes the API's 500 in the route's dialect;
// unparsable requests and CONNECT get the API's error bodies too. `close` is graceful: it stops accepting,
// lets the requests in flight finish (up to a grace period), then closes every connection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { badRequest, forbidden, internalError, type ErrorDialect, type ErrorReply } from '../error-dialects.js';
import { answerRawRequests } from '../raw-reply.js';
import { clientAddress } from './client-address.js';
import { corsHeaders, originRefused, preflightHeaders, type CorsOrigins } from './cors.js';
import { hostAllowed, hostLines, requestedHost } from './hosts.js';
import { localUrl } from './local-url.js';
import { nextRequestId } from './request-id.js';
import { parseTarget, type RequestTarget } from './request-target.js';
import { sendReply, type Reply } from './send.js';

/** One request as a server's `handle` sees it. */
export interface ApiRequest {
  request: IncomingMessage;
  /** Upper-case method. */
  method: string;
  target: RequestTarget;
  requestId: string;
  /** The client's address (see `trustProxy`). */
  client: string;
}

/** One line of the access log (JSON): never a header value, never the query (it is the caller's data). */
export interface AccessLogEntry {
  time: string;
  request_id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  client: string;
}

/** What {@link createApiServer} serves and how: the handler, the error dialect per route, CORS, hosts, limits. */
export interface ApiServerOptions {
  /** Answers a request that passed the Host and CORS checks. */
  handle(request: ApiRequest): Reply | Promise<Reply>;
  /** The error dialect at a method and path (for the 400s and 500s this runtime writes itself). */
  dialectAt(method: string, path: string): ErrorDialect;
  /** The methods the server serves (preflight `Access-Control-Allow-Methods`, CONNECT's `Allow`). */
  methods: readonly string[];
  /** Origins allowed to call from a browser. Default `'*'` (any, never with credentials). */
  corsOrigins?: CorsOrigins;
  /** Host names served besides the loopback names, or `'any'` to skip the check. Default: loopback only. */
  allowedHosts?: readonly string[] | 'any';
  /** Read the client address from `X-Forwarded-For` (behind a trusted load balancer). Default false. */
  trustProxy?: boolean;
  /** Headers every answer carries (e.g. the RateLimit-* defaults); a reply's own headers win. */
  defaultHeaders?: Record<string, string>;
  /** Receives unexpected failures (with their stack). */
  logError(line: string): void;
  /** Receives one entry per answered request, when set. */
  accessLog?: (entry: AccessLogEntry) => void;
}

/** A created API server: its Node server, and listen/close. */
export interface ApiServer {
  server: Server;
  /** Starts listening; resolves with the base URL, rejects with Node's error (`EADDRINUSE`, …). */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, waits up to `graceMs` (default 10 000) for requests in flight, then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

/** Headers on every answer: no MIME sniffing, and API answers are never cached (they are per caller). */
const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

const fromError = (error: ErrorReply): Reply => ({ status: error.status, body: error.body, headers: error.headers });

/** Requests being answered, and what to run when the last one is done (a graceful close waiting). */
interface InFlight {
  count: number;
  drained?: () => void;
}

/** The `node:http` listener: ids and headers, the answer, the access log line, and the in-flight count. */
function listener(
  options: ApiServerOptions,
  answer: (request: IncomingMessage, method: string, requestId: string) => Promise<Reply>,
  inFlight: InFlight,
): (request: IncomingMessage, response: ServerResponse) => void {
  const cors = options.corsOrigins ?? '*';
  return (request, response) => {
    // A request that arrives after this server answered `Connection: close` on its connection (during the
    // lingering close: the rest of an unread body, then another request) is not processed (RFC 9112, 9.6).
    // Its bytes are read and dropped.
    if (request.socket.writableEnded) {
      request.resume();
      return;
    }
    const started = performance.now();
    const requestId = nextRequestId();
    const method = (request.method ?? 'GET').toUpperCase();
    const base = {
      ...SECURITY_HEADERS,
      ...options.defaultHeaders,
      ...corsHeaders(cors, request.headers.origin),
      'X-Request-Id': requestId,
    };
    inFlight.count++;
    void answer(request, method, requestId)
      .then((reply) => {
        // A client that went away mid-request is nobody's problem: nothing to send.
        if (!response.destroyed && !request.socket.destroyed) sendReply(request, response, reply, base);
        options.accessLog?.({
          time: new Date().toISOString(),
          request_id: requestId,
          method,
          path: (parseTarget(request.url ?? '')?.path ?? '').slice(0, 512),
          status: reply.status,
          duration_ms: Math.round((performance.now() - started) * 100) / 100,
          client: clientAddress(request, options.trustProxy ?? false),
        });
      })
      .catch(() => response.destroy())
      .finally(() => {
        if (--inFlight.count === 0) inFlight.drained?.();
      });
  };
}

/** What Node's parser refused (or CONNECT) never reaches the listener: it gets its error body, request id and access-log line here. */
function answerRawWithLog(server: Server, options: ApiServerOptions, cors: CorsOrigins): void {
  answerRawRequests(
    server,
    [...options.methods],
    () => ({ ...SECURITY_HEADERS, ...corsHeaders(cors, undefined), 'X-Request-Id': nextRequestId() }),
    ({ status, method, headers, socket }) =>
      options.accessLog?.({
        time: new Date().toISOString(),
        request_id: headers['X-Request-Id']!,
        method: method ?? '-',
        path: '-',
        status,
        duration_ms: 0,
        client: socket.remoteAddress ?? 'unknown',
      }),
  );
}

/** Builds (without starting) a server over `options.handle`. */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const cors = options.corsOrigins ?? '*';
  const hosts = options.allowedHosts ?? [];
  const inFlight: InFlight = { count: 0 };

  /** Every step before the server's own handler; a reply when one of them answers. */
  function precheck(request: IncomingMessage, method: string): Reply | RequestTarget {
    const path = parseTarget(request.url ?? '')?.path ?? '/';
    // Node keeps the first of several Host headers; a proxy may route by another one (RFC 9112: a 400).
    if (hostLines(request.rawHeaders) > 1)
      return fromError(badRequest(options.dialectAt(method, path), 'The request has more than one Host header.'));
    // HTTP/1.1 requires a Host header (Node's own 400 for its absence is turned off: it had no body); an
    // HTTP/1.0 request may lack one, and is then served only where any host is.
    if (request.headers.host === undefined && (request.httpVersion !== '1.0' || hosts !== 'any'))
      return fromError(badRequest(options.dialectAt(method, path), 'The request has no Host header.'));
    const host = requestedHost(request.url, request.headers.host);
    if (hosts !== 'any' && !hostAllowed(host, hosts)) {
      const shown = (host ?? '').slice(0, 100);
      return fromError(badRequest(options.dialectAt(method, path), `This server does not serve the host "${shown}" (Host header).`));
    }
    if (method === 'OPTIONS' && request.headers['access-control-request-method'])
      return { status: 204, headers: preflightHeaders(cors, request.headers.origin, options.methods) };
    // A page on another origin can send a simple POST without a preflight: CORS would only hide the answer,
    // after the write. So a write from an origin not on the list is refused before it runs.
    if (originRefused(cors, method, request.headers.origin)) {
      const shown = (request.headers.origin ?? '').slice(0, 100);
      return fromError(
        forbidden(options.dialectAt(method, path), `This server does not take writes from pages on ${shown} (Origin header).`),
      );
    }
    const target = parseTarget(request.url ?? '');
    return target ?? fromError(badRequest('session', 'The request target must be a path such as /session-errors.'));
  }

  async function answer(request: IncomingMessage, method: string, requestId: string): Promise<Reply> {
    const checked = precheck(request, method);
    if ('status' in checked) return checked;
    try {
      return await options.handle({
        request,
        method,
        target: checked,
        requestId,
        client: clientAddress(request, options.trustProxy ?? false),
      });
    } catch (error) {
      // A client that went away mid-body (reading it rejects with "aborted") is not the server's problem:
      // nothing can be sent, and the access log records the request as the client's 400.
      if (request.socket.destroyed && (error as NodeJS.ErrnoException)?.code === 'ECONNRESET')
        return fromError(
          badRequest(options.dialectAt(method, checked.path), 'The client closed the connection before its request was complete.'),
        );
      options.logError(`✖ ${method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fromError(internalError(options.dialectAt(method, checked.path), requestId));
    }
  }

  const onRequest = listener(options, answer, inFlight);
  const server = createServer({ requireHostHeader: false }, onRequest);
  // An `Expect` other than 100-continue: answered like any request (RFC 9110 allows it), not with Node's bare 417.
  server.on('checkExpectation', onRequest);
  server.keepAliveTimeout = 65_000;
  answerRawWithLog(server, options, cors);

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(localUrl(host, address.port));
        });
      }),
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const finish = () => {
          clearTimeout(timer);
          server.closeAllConnections();
        };
        const timer = setTimeout(finish, graceMs);
        timer.unref();
        if (inFlight.count === 0) finish();
        else inFlight.drained = finish;
      }),
  };
}
