// One HTTP/1.1 exchange over a bare TCP socket: the request goes out byte for byte as the fuzzer built it
// (fetch would refuse or repair most hostile requests), and the answer is read until it is complete, the
// server closes, or the hang limit passes.
import { connect } from 'node:net';

export interface RawAnswer {
  /** The final (non-1xx) status, or undefined when the server closed without answering. */
  status?: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
}

/** Why an exchange failed: the server could not be reached, or it neither answered nor closed in time. */
export class ExchangeError extends Error {
  constructor(
    readonly code: 'unreachable' | 'hang',
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

export interface ExchangeOptions {
  host: string;
  port: number;
  /** The request's method, to know that a HEAD answer has no body. */
  method: string;
  /** How long an exchange may take before it counts as a hang, in ms. */
  hangAfterMs: number;
}

/** Sends `request` on a new connection and resolves with the answer (rejects with an {@link ExchangeError}). */
export function rawExchange(request: Buffer, options: ExchangeOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: options.host, port: options.port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (outcome: RawAnswer | ExchangeError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof ExchangeError) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(
      () => finish(new ExchangeError('hang', `no complete answer and no close within ${options.hangAfterMs} ms`)),
      options.hangAfterMs,
    );
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = parseAnswer(Buffer.concat(chunks), options.method);
      if (answer?.complete) finish(answer.answer);
    });
    // A server may close (or reset) as soon as it has answered a request it rejects: what arrived counts.
    const closed = (error?: Error & { code?: string }) => {
      if (error?.code === 'ECONNREFUSED') return finish(new ExchangeError('unreachable', `connection refused: ${error.message}`));
      const answer = parseAnswer(Buffer.concat(chunks), options.method);
      finish(answer?.answer ?? { headers: {}, body: Buffer.alloc(0) });
    };
    socket.on('error', closed);
    socket.on('close', () => closed());
  });
}

/** Parses what has arrived so far; `complete` once the body is whole by its length or chunked framing. */
function parseAnswer(data: Buffer, method: string): { answer: RawAnswer; complete: boolean } | undefined {
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end < 0) return undefined;
    const lines = data.subarray(offset, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')?.[1]);
    if (!status) return undefined;
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const rest = data.subarray(end + 4);
    if (status < 200) {
      offset = end + 4; // an interim answer (100 Continue): the final one follows
      continue;
    }
    if (method === 'HEAD' || status === 204 || status === 304)
      return { answer: { status, headers, body: Buffer.alloc(0) }, complete: true };
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return { answer: { status, headers, body: rest.subarray(0, length) }, complete: rest.length >= length };
    }
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const body = dechunk(rest);
      return { answer: { status, headers, body: body ?? rest }, complete: body !== undefined };
    }
    return { answer: { status, headers, body: rest }, complete: false };
  }
}

/** The body of a complete chunked stream, or undefined while the last chunk has not arrived. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    offset = start + size + 2;
  }
}
