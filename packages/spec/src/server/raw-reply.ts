// Answers for what never reaches a server's request handler: a request Node cannot parse (broken framing,
// headers over its 16 kB limit, a timeout) and CONNECT (Node hands it over as a bare socket). Without
// these, the client gets a bare status line or nothing at all instead of the API's error body.
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { badRequest, methodNotAllowed, type ErrorReply } from './error-dialects.js';

/** Writes a whole error answer on a bare socket and closes the connection. */
export function writeRawReply(socket: Socket, reply: ErrorReply, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(reply.body);
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...extraHeaders,
    ...reply.headers,
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Error'}\r\n${lines.join('')}\r\n${text}`);
}

/** The 400 for a request Node's parser refused, in the session dialect (nothing says which operation it was). */
export function unparsableRequest(error: Error & { code?: string }): ErrorReply<400> {
  const message =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'The request line and headers are larger than the server accepts (16 kB).'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'The request did not arrive in time.'
        : `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`;
  return badRequest('session', message);
}

/** Told of each raw answer: its status, the method when Node parsed one (CONNECT), the extra headers sent, and the socket. */
export type RawAnswerListener = (answer: { status: number; method?: string; headers: Record<string, string>; socket: Socket }) => void;

/**
 * Makes `server` answer unparsable requests with a 400 and CONNECT with a 405 (`allow`: the methods it
 * serves), both as the API's error body; `extraHeaders` go on both (e.g. CORS; a function is asked per
 * answer, e.g. for a request id), and `onAnswer` hears of each (e.g. for the access log).
 */
export function answerRawRequests(
  server: Server,
  allow: string[],
  extraHeaders: Record<string, string> | (() => Record<string, string>) = {},
  onAnswer?: RawAnswerListener,
): void {
  const headers = typeof extraHeaders === 'function' ? extraHeaders : () => extraHeaders;
  const answer = (socket: Socket, reply: ErrorReply, method?: string) => {
    // A client already gone, or a connection this server has ended (behind a `Connection: close` answer):
    // nothing can be written, and writing would throw.
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const extra = headers();
    writeRawReply(socket, reply, extra);
    onAnswer?.({ status: reply.status, ...(method !== undefined && { method }), headers: extra, socket });
  };
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET') socket.destroy();
    else answer(socket, unparsableRequest(error));
  });
  server.on('connect', (_request, socket: Socket) => {
    // Node hands the socket over without its error listener: a failing write must not crash the process.
    socket.on('error', () => socket.destroy());
    answer(socket, methodNotAllowed('session', 'CONNECT', allow), 'CONNECT');
  });
}
