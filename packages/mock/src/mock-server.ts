// The mock as an in-process server on the shared server layer (`@session-obs/spec/server`): the spec loaded
// once, Prism's engine, and the mock's own step of the pipeline (`handle-request.ts`). Host checks, CORS,
// request ids, sending and the answers to unparsable requests are the layer's, as in the sandbox.
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createSpecValidator, isOpenApiDocument, listOperations, type OpenApiDocument } from '@session-obs/spec';
import {
  compileOperations,
  createApiServer,
  type AccessLogEntry,
  type CompiledOperation,
  type CorsOrigins,
} from '@session-obs/spec/server';
import { catalogueExamples } from './example-catalogue.js';
import { createRequestHandler, dialectAt } from './handle-request.js';
import { createPrismEngine, type LogLevel, type PrismEngine } from './prism-engine.js';

export interface MockServerOptions {
  /** The OpenAPI document to serve (JSON). */
  specPath: string;
  /** Generate bodies from the schemas instead of the named examples. Default false. */
  dynamic?: boolean;
  /** `info` and below log every request. Default `warn`. */
  logLevel?: LogLevel;
  /** Receives every log line. Default: standard output. */
  log?: (line: string) => void;
  /** Origins a browser page may call from. Default `'*'` (any origin, never with credentials). */
  corsOrigins?: CorsOrigins;
  /** Host names served besides the loopback names (`localhost`, `127.0.0.1`, `[::1]`). Default none. */
  allowedHosts?: readonly string[];
}

export interface MockServer {
  server: Server;
  /** Starts listening; resolves with the base URL, rejects with Node's error (`EADDRINUSE`, …). */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, lets requests in flight finish (up to 10 s), closes every connection. */
  close(): Promise<void>;
}

/** A typed failure to load the spec the mock is asked to serve. */
export class SpecLoadError extends Error {
  readonly code = 'SPEC_UNREADABLE';
  constructor(specPath: string, reason: string) {
    super(`cannot read the spec ${specPath}: ${reason}`);
    this.name = 'SpecLoadError';
  }
}

const VERBOSE: LogLevel[] = ['trace', 'debug', 'info'];

/**
 * The operations a caller may call without a token: their `security` (else the document's) is absent, empty,
 * or lists `{}` (optional). Our spec has none; a document given with `--spec` may.
 */
function operationsWithoutSecurity(spec: OpenApiDocument): Set<string> {
  const root = (spec as { security?: object[] }).security;
  const open = new Set<string>();
  for (const { operationId, operation } of listOperations(spec)) {
    const security = (operation as { security?: object[] }).security ?? root;
    if (!security?.length || security.some((requirement) => Object.keys(requirement).length === 0)) open.add(operationId);
  }
  return open;
}

/** Loads the spec and builds (without starting) the mock server. */
export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const logLevel = options.logLevel ?? 'warn';
  let spec: unknown;
  try {
    spec = JSON.parse(await readFile(options.specPath, 'utf8'));
  } catch (error) {
    throw new SpecLoadError(options.specPath, error instanceof Error ? error.message : String(error));
  }
  if (!isOpenApiDocument(spec))
    throw new SpecLoadError(options.specPath, 'not an OpenAPI 3.x document (no "openapi" version or no "info")');
  let engine: PrismEngine;
  let operations: CompiledOperation[];
  try {
    engine = await createPrismEngine({ specPath: options.specPath, dynamic: options.dynamic ?? false, logLevel, log });
    operations = compileOperations(spec);
  } catch (error) {
    // A document that parses but cannot be resolved or compiled (a `$ref` to nothing, a schema ajv refuses).
    throw new SpecLoadError(options.specPath, (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!);
  }
  const validator = createSpecValidator(spec);
  const api = createApiServer({
    handle: createRequestHandler({
      operations,
      engine,
      examples: catalogueExamples(spec),
      dynamic: options.dynamic ?? false,
      open: operationsWithoutSecurity(spec),
      validBody: (operation, status, body) => {
        try {
          return validator.validateResponse(operation.method, operation.path, status, body).valid;
        } catch {
          return true; // a schema ajv cannot compile (a --spec of any shape): nothing to judge by
        }
      },
    }),
    dialectAt: (method, path) => dialectAt(operations, method, path),
    methods: ['GET', 'HEAD', 'OPTIONS'],
    corsOrigins: options.corsOrigins ?? '*',
    allowedHosts: options.allowedHosts ?? [],
    logError: log,
    ...(VERBOSE.includes(logLevel) && {
      accessLog: (entry: AccessLogEntry) => log(`${entry.method} ${entry.path} → ${entry.status} (${entry.duration_ms} ms)`),
    }),
  });
  return { server: api.server, listen: api.listen, close: () => api.close() };
}
