// A fault-injecting HTTP server for the client's tests: 127.0.0.1, a free port, and a script of
// replies consumed one per request (a status with headers and body, a delay, or a dropped socket).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Wait this long before sending the headers. */
  delayMs?: number;
  /** Send the headers at once and the body this much later. */
  bodyDelayMs?: number;
  /** Destroy the socket instead of answering (a network error for the client). */
  drop?: boolean;
  /** Never answer (the request stays open until the client gives up or the server closes). */
  hang?: boolean;
  /** Send the headers and the body's first half, then stop: `stall` keeps the connection open, `reset` destroys it. */
  cut?: 'stall' | 'reset';
}

export interface Received {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface FaultServer {
  url: string;
  received: Received[];
  /** Replies for the next requests, in order; after the script runs out, `fallback` answers. */
  script(...replies: Reply[]): void;
  /** Resolves once `count` requests have arrived (counting since `received` was last emptied): lets a test act
   * once a request is in flight, not after a guessed delay. */
  arrival(count: number): Promise<void>;
  /** Forgets the replies not yet used and the requests received. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a server whose replies come from `script(...)` or, when given, from `handler`. */
export async function startFaultServer(handler?: (req: Received) => Reply): Promise<FaultServer> {
  const queue: Reply[] = [];
  const received: Received[] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const server: Server = createServer((req, res) => {
    const r: Received = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://x'), headers: req.headers, at: Date.now() };
    received.push(r);
    for (const waiter of waiting.filter((w) => received.length >= w.count)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
    const reply = queue.shift() ?? handler?.(r) ?? { status: 200, body: { ok: true } };
    if (reply.hang) return;
    const send = () => {
      if (reply.drop) return req.socket.destroy();
      const isJson = typeof reply.body !== 'string';
      const body = reply.body === undefined ? '' : isJson ? JSON.stringify(reply.body) : (reply.body as string);
      res.writeHead(reply.status ?? 200, { 'content-type': isJson ? 'application/json' : 'text/plain', ...reply.headers });
      if (reply.cut) {
        res.write(body.slice(0, body.length >> 1));
        return reply.cut === 'reset' && setImmediate(() => req.socket.destroy());
      }
      if (!reply.bodyDelayMs) return res.end(body);
      res.flushHeaders();
      const t = setTimeout(() => res.end(body), reply.bodyDelayMs);
      res.on('close', () => clearTimeout(t));
    };
    if (reply.delayMs) {
      const t = setTimeout(send, reply.delayMs);
      res.on('close', () => clearTimeout(t));
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...replies) => void queue.push(...replies),
    reset: () => {
      queue.length = 0;
      received.length = 0;
    },
    arrival: (count) =>
      received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => void waiting.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A session-dialect error body. */
export const sessionError = (status: number, code: string, message = `${code} happened`, extra: object = {}) => ({
  object: 'error',
  status,
  code,
  message,
  ...extra,
});
