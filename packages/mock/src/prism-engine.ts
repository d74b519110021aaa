// Prism as a library: every answer the mock gives for a valid request comes from the spec through
// prism-http's own negotiator (the named examples, a `Prefer`-selected status or example, dynamic
// generation). Routing, auth and parameter validation happen before it is called, so Prism only ever sees
// a request of one known operation with a well-formed path: its own request validation (which crashes on a
// malformed escape and knows nothing of the API's error dialects) and its router are not used.
import { createLogger } from '@stoplight/prism-core';
import { createInstance, getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { capArraySchemas } from './bounded-schemas.js';

type PrismOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

/** Prism's log levels (pino's), quietest last. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface EngineRequest {
  method: string;
  /** The spec path of the operation, e.g. `/sessions/{session_id}/errors`. */
  specPath: string;
  /** The request path, every segment well-formed percent-encoding. */
  path: string;
  query: Record<string, string | string[]>;
  /** `Prefer: code=` — a status the operation declares. */
  code?: number;
  /** `Prefer: example=` or the example that fits the request. */
  exampleKey?: string;
  dynamic: boolean;
  seed?: string;
}

/** What Prism answered, or why it could not. */
export type EngineAnswer =
  { ok: true; status: number; headers: Record<string, string>; body: unknown } | { ok: false; status: number; reason: string };

export interface PrismEngine {
  answer(request: EngineRequest): Promise<EngineAnswer>;
}

export interface EngineOptions {
  /** The OpenAPI document to serve (a file path). */
  specPath: string;
  /** Generate bodies from the schemas instead of the named examples. */
  dynamic: boolean;
  logLevel: LogLevel;
  /** Receives each line Prism logs (`level [component] message`). */
  log: (line: string) => void;
}

/** Loads the spec into prism-http and returns an engine answering one operation at a time. */
export async function createPrismEngine(options: EngineOptions): Promise<PrismEngine> {
  const operations = await getHttpOperationsFromSpec(options.specPath);
  // Generated bodies stay small (see bounded-schemas.ts); named examples are not affected.
  for (const operation of operations) for (const response of operation.responses) capArraySchemas(response.contents);
  const byRoute = new Map<string, PrismOperation>(operations.map((operation) => [`${operation.method} ${operation.path}`, operation]));
  const logger = createLogger(
    'MOCK',
    { level: options.logLevel, formatters: { level: (level: string) => ({ level }) } },
    { write: (line: string) => options.log(formatLogLine(line)) },
  );
  const config = {
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false as const,
    mock: { dynamic: options.dynamic },
  };
  const prism = createInstance(config, { logger });

  type HttpMethod = Parameters<typeof prism.request>[0]['method'];

  return {
    async answer(request) {
      const operation = byRoute.get(`${request.method} ${request.specPath}`);
      if (!operation)
        return { ok: false, status: 404, reason: `Prism knows no operation ${request.method.toUpperCase()} ${request.specPath}.` };
      const result = await prism.request(
        { method: operation.method as HttpMethod, url: { path: request.path, query: request.query }, headers: {}, body: undefined },
        [operation],
        {
          ...config,
          mock: {
            dynamic: request.dynamic,
            // The API always answers JSON, whatever the Accept header says.
            mediaTypes: ['application/json'],
            ...(request.code !== undefined && { code: request.code }),
            ...(request.exampleKey !== undefined && { exampleKey: request.exampleKey }),
            ...(request.seed !== undefined && { seed: request.seed }),
          },
        },
      )();
      if (result._tag === 'Left') {
        const error = result.left as Error & { status?: number; detail?: string };
        return { ok: false, status: error.status ?? 500, reason: error.detail || error.message };
      }
      const { output } = result.right;
      // CORS is the server layer's decision (its allow-list), never Prism's own `*`. (The example's
      // X-Request-Id is replaced by the layer, which owns that header for every reply.)
      const headers = Object.fromEntries(
        Object.entries(output.headers ?? {}).filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
      ) as Record<string, string>;
      return { ok: true, status: output.statusCode, headers, body: output.body };
    },
  };
}

/** One of pino's JSON lines as `level [component] message`. */
function formatLogLine(line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: unknown; name?: unknown; msg?: unknown };
    return `${String(entry.level)} [${String(entry.name)}] ${String(entry.msg)}`;
  } catch {
    return line.trimEnd();
  }
}
