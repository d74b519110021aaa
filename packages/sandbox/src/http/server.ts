// The sandbox's HTTP server: the shared server layer (`@session-obs/spec/server`: Host and CORS checks,
// request ids, send, graceful close) around the sandbox's pipeline (route → authenticate → rate-limit →
// handle → validate, in `pipeline.ts`). While it listens, the grouping worker and the tenant sweeper run.
import type { Server } from 'node:http';
import { createSpecValidator, loadSpec, type OpenApiDocument } from '@session-obs/spec';
import {
  compileOperations,
  createApiServer,
  matchRoute,
  type AccessLogEntry,
  type CorsOrigins,
  type ErrorDialect,
} from '@session-obs/spec/server';
import { createHandlers } from './handlers.js';
import { answer, type PipelineParts } from './pipeline.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createSandboxRoutes } from './sandbox-routes.js';
import { TENANT_DEFAULTS, type TenantSettings } from './tenant-handlers.js';
import { startTenantSweeper, type TenantSweeper } from '../tenant-sweeper.js';
import { startGroupingWorker, type GroupingWorker } from '../grouping-worker.js';
import type { PeriodicReports } from '../periodic.js';
import type { SandboxStore } from '../store/contract.js';
import { PgStore } from '../store/postgres/store.js';
import { SqliteStore } from '../store/store.js';

/** The token accepted when none is configured (local mode only). */
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
  /**
   * Bearer tokens of the local tenant. Default: [{@link DEFAULT_TOKEN}]; in hosted mode none (keys come only
   * from `POST /_sandbox/tenants`).
   */
  tokens?: string[];
  /** Hosted mode: no default token. Default false. */
  hosted?: boolean;
  /** Token-bucket rate limit per token (held in the store, so it holds across replicas); off when undefined. */
  rateLimit?: RateLimitOptions;
  /** Validate every response against the spec and answer 500 when one does not match (tests). */
  validateResponses?: boolean;
  /** The spec to serve. Default: the bundled spec. */
  spec?: OpenApiDocument;
  /** Origins a browser page may call from. Default `'*'` (any origin, never with credentials). */
  corsOrigins?: CorsOrigins;
  /** Host names served besides the loopback names. Default none (loopback only). */
  allowedHosts?: readonly string[];
  /** Read the client address from `X-Forwarded-For` (behind a trusted load balancer). Default false. */
  trustProxy?: boolean;
  /** Receives one JSON line per request (never the token or the query). Default: none. */
  accessLog?: (line: string) => void;
  /** Called for responses that failed validation and for unexpected errors. */
  onProblem?: (message: string) => void;
  /** Injectable clock for the rate limiter (ms since the epoch). */
  now?: () => number;
}

export interface SandboxServer {
  server: Server;
  /** Starts listening; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops the workers, stops accepting, lets requests in flight finish (up to `graceMs`, default 10 s). */
  close(graceMs?: number): Promise<void>;
}

/** The local tenant's tokens: as configured, else the dev token — except in hosted mode, where there is none by default. */
function localTokens(options: SandboxServerOptions): string[] {
  if (options.tokens?.length) return options.tokens;
  return options.hosted ? [] : [DEFAULT_TOKEN];
}

/** The parts of the pipeline over one store and spec. */
function pipelineParts(options: SandboxServerOptions, store: SandboxStore): PipelineParts {
  const spec = options.spec ?? loadSpec();
  // One validator over the spec serves the parameters and, when asked, the responses.
  const specValidator = createSpecValidator(spec);
  return {
    store,
    operations: compileOperations(spec, specValidator),
    handlers: createHandlers(store),
    sandboxRoutes: createSandboxRoutes(store, options.tenants ?? TENANT_DEFAULTS),
    limiter: new RateLimiter(store, options.rateLimit, options.now),
    ...(options.validateResponses && { validator: specValidator }),
    onProblem: options.onProblem ?? ((message: string) => console.error(message)),
  };
}

/** Creates (without starting) the sandbox server over a store. */
export function createSandboxServer(options: SandboxServerOptions): SandboxServer {
  const store = options.store;
  if (!(store instanceof SqliteStore) && !(store instanceof PgStore))
    throw new TypeError('createSandboxServer: `store` must be the store prepareStore() returned.');
  const parts = pipelineParts(options, store);
  const dialectAt = (method: string, path: string): ErrorDialect => {
    const matched = matchRoute(parts.operations, method, path);
    return matched.kind === 'operation' ? matched.operation.dialect : matched.kind === 'method_not_allowed' ? matched.dialect : 'session';
  };
  const accessLog = options.accessLog;
  const api = createApiServer({
    handle: (request) => answer(parts, request),
    dialectAt,
    methods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    corsOrigins: options.corsOrigins ?? '*',
    allowedHosts: options.allowedHosts ?? [],
    trustProxy: options.trustProxy ?? false,
    logError: parts.onProblem,
    ...(accessLog && { accessLog: (entry: AccessLogEntry) => accessLog(JSON.stringify(entry)) }),
  });

  let worker: GroupingWorker | undefined;
  let sweeper: TenantSweeper | undefined;
  return {
    server: api.server,
    listen: async (port = 0, host = '127.0.0.1') => {
      const reportsOf = (task: string): PeriodicReports => ({
        onError: (error) => parts.onProblem(`✖ ${task}: ${(error as Error).message} (retrying, quietly, until it works again)`),
        onRecovered: (failedRuns) => parts.onProblem(`✔ ${task}: working again after ${failedRuns} failed runs`),
      });
      // The configured tokens are the local tenant's (stored as hashes).
      await store.setLocalTokens(localTokens(options));
      const url = await api.listen(port, host);
      if (options.groupingIntervalMs !== false) {
        worker = startGroupingWorker(store, {
          intervalMs: options.groupingIntervalMs ?? 100,
          ...reportsOf('grouping worker'),
        });
      }
      sweeper = startTenantSweeper(store, { ...reportsOf('tenant sweeper'), rateLimit: options.rateLimit, now: options.now });
      return url;
    },
    close: async (graceMs) => {
      await worker?.stop();
      await sweeper?.stop();
      await api.close(graceMs);
    },
  };
}
