// The mock as an in-process `node:http` server: the spec loaded once, Prism's engine, and the request
// handler. Requests Node itself cannot parse (broken framing, headers over its 16 KB limit) still get the
// API's error body instead of a bare status line.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerRawRequests, compileOperations } from '@session-obs/spec';
import { catalogueExamples } from './example-catalogue.js';
import { createRequestHandler } from './handle-request.js';
import { createPrismEngine, type LogLevel } from './prism-engine.js';

export interface MockServerOptions {
  /** The OpenAPI document to serve (JSON). */
  specPath: string;
  /** Generate bodies from the schemas instead of the named examples. Default false. */
  dynamic?: boolean;
  /** `info` and below log every request. Default `warn`. */
  logLevel?: LogLevel;
  /** Receives every log line. Default: standard output. */
  log?: (line: string) => void;
}

export interface MockServer {
  server: Server;
  /** Starts listening; resolves with the base URL, rejects with Node's error (`EADDRINUSE`, …). */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting requests and closes every connection. */
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
  const engine = await createPrismEngine({ specPath: options.specPath, dynamic: options.dynamic ?? false, logLevel, log });
  const handler = createRequestHandler({
    operations: compileOperations(spec),
    engine,
    examples: catalogueExamples(spec),
    logError: log,
    ...(VERBOSE.includes(logLevel) && { logRequest: log }),
  });
  const server = createServer(handler);
  // Unparsable requests and CONNECT never reach the handler: they still get the API's error body.
  answerRawRequests(server, ['GET', 'HEAD', 'OPTIONS'], { 'Access-Control-Allow-Origin': '*' });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
