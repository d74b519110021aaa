// Writing one answer: every header in one writeHead (with the length, so the body is never chunked), the
// body unless the method is HEAD, and `Connection: close` when the request's body was left unread (an early
// 401/404/413): draining a whole unwanted upload would let a client hold the server busy. That close
// lingers for a moment, so the client reads the answer rather than a reset (see linger.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lingerOnClose } from './linger.js';

/** What a server answers: a status, headers, and a body given as a value, as JSON text, or not at all. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A value sent as `JSON.stringify(body)` (a string is sent as JSON text already). */
  body?: unknown;
  /** The body as JSON text already (the sandbox builds list pages as text). */
  json?: string;
}

/** The body of a reply as the text to send, or undefined when it has none. */
export function replyText(reply: Reply): string | undefined {
  if (reply.json !== undefined) return reply.json;
  if (reply.body === undefined) return undefined;
  return typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
}

/** The body of a reply as a value (for validating it against the spec). */
export function replyValue(reply: Reply): unknown {
  return reply.json !== undefined ? (JSON.parse(reply.json) as unknown) : reply.body;
}

/** A request body the server did not read: the connection is closed after the answer rather than drained. */
function bodyLeftUnread(request: IncomingMessage): boolean {
  const declared = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  return declared && !request.readableEnded;
}

/** Headers the server layer owns: a reply cannot replace them (a handler passing on an upstream's or an example's headers). */
const LAYER_HEADERS = new Set(['x-request-id']);

/** Sends `reply` with `baseHeaders` under its own headers, except the request id, which is always the layer's. */
export function sendReply(request: IncomingMessage, response: ServerResponse, reply: Reply, baseHeaders: Record<string, string>): void {
  const own = Object.entries(reply.headers ?? {}).filter(([name]) => !LAYER_HEADERS.has(name.toLowerCase()));
  const headers: Record<string, string> = { ...baseHeaders, ...Object.fromEntries(own) };
  if (bodyLeftUnread(request)) {
    headers.Connection = 'close';
    lingerOnClose(request.socket);
  }
  const text = replyText(reply);
  if (text === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  response.writeHead(reply.status, headers);
  response.end(request.method === 'HEAD' ? undefined : text);
}
