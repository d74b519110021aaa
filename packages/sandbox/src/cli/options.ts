// The command line of `session-obs-sandbox`: arguments and environment variables read into typed
// options, or a UsageError whose message is the one line the CLI prints.
import { parseArgs } from 'node:util';
import { parseArgsProblem } from '@session-obs/spec/server';
import { DEFAULT_TOKEN } from '../http/server.js';
import { parseRateLimit, type RateLimitOptions } from '../http/rate-limit.js';
import { NETWORK_HELP, NETWORK_OPTIONS, parseNetworkOptions, type NetworkSettings } from './network-options.js';
import { TENANT_DEFAULTS, type TenantSettings } from '../http/tenant-handlers.js';
import { seedRowBounds } from '../seed/generate.js';
import { DEFAULT_READ_CONNECTIONS } from '../store/postgres/store.js';

/** The database file used when neither `--db` nor SANDBOX_DB is given, relative to the working directory. */
export const DEFAULT_DB = '.sandbox/sandbox.db';

export const HELP = `session-obs-sandbox — a stateful, spec-true sandbox of the Session Observability API

Usage:
  session-obs-sandbox [serve] [options]      serve on SANDBOX_PORT (default 4020); seeds an empty store first
  session-obs-sandbox seed [options]         seed a new store and exit (a seeded one is kept; --fresh starts over)
  session-obs-sandbox import <file.ndjson>   load NDJSON lines (errors, events, observability sessions) and exit

Options (environment variable in brackets):
  --port <n>                  [SANDBOX_PORT] default 4020 (0 picks a free port)
  --host <addr>               [SANDBOX_HOST] default 127.0.0.1
  --db <file|:memory:>        [SANDBOX_DB] default ${DEFAULT_DB}, relative to the working directory
  --database <postgres://…>   [SANDBOX_DATABASE_URL] run on PostgreSQL instead of SQLite (replicas may share it)
  --pool-size <n>             [SANDBOX_POOL_SIZE] PostgreSQL connections per process, default 10
  --read-connections <n>      [SANDBOX_READ_CONNECTIONS] more, pipelined, for the API's reads; default 2 (0: reads use the pool)
  --seed <n>                  [SANDBOX_SEED] default 42
  --sessions <n>              [SANDBOX_SESSIONS] default 100
  --errors <n>                [SANDBOX_ERRORS] default 10000
  --fresh                     delete the database first (then seed again)
  --no-seed                   never seed (start empty)
  --tokens <a,b>              [SANDBOX_TOKENS] accepted bearer tokens, default ${DEFAULT_TOKEN}
  --rate-limit <cap[:per-s]>  [SANDBOX_RATE_LIMIT] token bucket per token (off by default), e.g. 20:10
  --grouping-interval-ms <n>  how often the grouping worker looks for new errors, default 100
  --validate-responses        check every response against the spec (a mismatch becomes a 500)
${NETWORK_HELP}
  --batch <n>                 import: lines per committed batch, default 1000

Self-service tenants (POST /_sandbox/tenants):
  --tenant-sessions <n>       [SANDBOX_TENANT_SESSIONS] sessions in a new tenant's seed, default ${TENANT_DEFAULTS.sessions}
  --tenant-errors <n>         [SANDBOX_TENANT_ERRORS] errors in a new tenant's seed, default ${TENANT_DEFAULTS.errors}
  --tenant-rows <n>           [SANDBOX_TENANT_ROWS] rows a tenant may hold (ingest past it: 403), default ${TENANT_DEFAULTS.rowsPerTenant}; at least what a default seed can make
  --tenants-per-hour <n>      [SANDBOX_TENANTS_PER_HOUR] tenants per client address (IPv6: per /64) per hour, default ${TENANT_DEFAULTS.perAddressPerHour}
  --max-tenants <n>           [SANDBOX_MAX_TENANTS] self-service tenants at once, default ${TENANT_DEFAULTS.total}
  --tenant-idle-minutes <n>   [SANDBOX_TENANT_IDLE_MINUTES] unused this long, a tenant expires, default ${TENANT_DEFAULTS.idleSeconds / 60}
  -h, --help                  this text
`;

/** Bad arguments or environment: the message is one line, for the CLI to print as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface StoreSettings {
  /** A SQLite file, `:memory:`, or a PostgreSQL URL (`--database`). */
  db: string;
  poolSize: number;
  readConnections: number;
  seed: number;
  sessions: number;
  errors: number;
  fresh: boolean;
  seedIfEmpty: boolean;
}

export type CliCommand =
  | { command: 'help' }
  | { command: 'seed'; store: StoreSettings }
  | { command: 'import'; store: StoreSettings; file: string; batchSize: number }
  | {
      command: 'serve';
      store: StoreSettings;
      port: number;
      host: string;
      tokens: string[];
      rateLimit: RateLimitOptions | undefined;
      groupingIntervalMs: number;
      validateResponses: boolean;
      network: NetworkSettings;
      tenants: TenantSettings;
    };

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  seed: { type: 'string' },
  sessions: { type: 'string' },
  errors: { type: 'string' },
  fresh: { type: 'boolean' },
  'no-seed': { type: 'boolean' },
  tokens: { type: 'string' },
  'rate-limit': { type: 'string' },
  'grouping-interval-ms': { type: 'string' },
  'validate-responses': { type: 'boolean' },
  batch: { type: 'string' },
  database: { type: 'string' },
  'pool-size': { type: 'string' },
  'read-connections': { type: 'string' },
  'tenant-sessions': { type: 'string' },
  'tenant-errors': { type: 'string' },
  'tenant-rows': { type: 'string' },
  'tenants-per-hour': { type: 'string' },
  'max-tenants': { type: 'string' },
  'tenant-idle-minutes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...NETWORK_OPTIONS,
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The first non-empty value of an option and its environment variable, with the name to quote in errors. */
function pick(values: Values, env: NodeJS.ProcessEnv, option: keyof typeof OPTIONS, variable?: string) {
  const given = values[option];
  if (typeof given === 'string' && given !== '') return { raw: given, name: `--${option}` };
  const fromEnv = variable ? env[variable] : undefined;
  if (fromEnv !== undefined && fromEnv !== '') return { raw: fromEnv, name: variable! };
  return undefined;
}

/** An integer option in [min, max], or the fallback when it is not given. */
function integer(
  values: Values,
  env: NodeJS.ProcessEnv,
  option: keyof typeof OPTIONS,
  variable: string | undefined,
  range: [number, number, number],
) {
  const [fallback, min, max] = range;
  const found = pick(values, env, option, variable);
  if (!found) return fallback;
  const value = Number(found.raw);
  if (!/^\s*\d+\s*$/.test(found.raw) || value < min || value > max) {
    throw new UsageError(`${found.name} must be an integer from ${min} to ${max}, got "${found.raw.slice(0, 64)}".`);
  }
  return value;
}

/** Reads the command line and the environment; throws a UsageError for anything it cannot use. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsProblem(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const command = positionals[0] ?? 'serve';
  const database = pick(values, env, 'database', 'SANDBOX_DATABASE_URL');
  if (database && (!/^postgres(ql)?:\/\/\S+$/i.test(database.raw) || !URL.canParse(database.raw))) {
    throw new UsageError(`${database.name} must be a PostgreSQL URL (postgres://user:password@host:port/database).`);
  }
  const store: StoreSettings = {
    db: database?.raw ?? pick(values, env, 'db', 'SANDBOX_DB')?.raw ?? DEFAULT_DB,
    poolSize: integer(values, env, 'pool-size', 'SANDBOX_POOL_SIZE', [10, 1, 1000]),
    readConnections: integer(values, env, 'read-connections', 'SANDBOX_READ_CONNECTIONS', [DEFAULT_READ_CONNECTIONS, 0, 64]),
    seed: integer(values, env, 'seed', 'SANDBOX_SEED', [42, 0, 2 ** 32 - 1]),
    sessions: integer(values, env, 'sessions', 'SANDBOX_SESSIONS', [100, 1, 1_000_000]),
    errors: integer(values, env, 'errors', 'SANDBOX_ERRORS', [10_000, 0, 100_000_000]),
    fresh: Boolean(values.fresh),
    seedIfEmpty: !values['no-seed'],
  };
  if (command === 'seed') return { command, store: { ...store, seedIfEmpty: true } };
  if (command === 'import') {
    const file = positionals[1];
    if (!file) throw new UsageError('import needs a file: session-obs-sandbox import <file.ndjson>.');
    return {
      command,
      store: { ...store, seedIfEmpty: false },
      file,
      batchSize: integer(values, env, 'batch', undefined, [1000, 1, 100_000]),
    };
  }
  if (command !== 'serve') throw new UsageError(`unknown command "${command.slice(0, 64)}": use serve, seed or import (see --help).`);
  const rateLimit = pick(values, env, 'rate-limit', 'SANDBOX_RATE_LIMIT');
  let rateLimitOptions: RateLimitOptions | undefined;
  try {
    rateLimitOptions = rateLimit ? parseRateLimit(rateLimit.raw) : undefined;
  } catch (error) {
    throw new UsageError(`${rateLimit!.name}: ${(error as Error).message}.`);
  }
  let network: NetworkSettings;
  try {
    network = parseNetworkOptions(values, env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Hosted: no well-known token unless the operator names tokens; keys come from POST /_sandbox/tenants.
  const givenTokens = pick(values, env, 'tokens', 'SANDBOX_TOKENS')?.raw;
  const tokens = (givenTokens ?? (network.hosted ? '' : DEFAULT_TOKEN))
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
  if ((givenTokens !== undefined && tokens.length === 0) || tokens.some((token) => /\s/.test(token))) {
    throw new UsageError('--tokens / SANDBOX_TOKENS must be a comma-separated list of tokens without spaces.');
  }
  return {
    command,
    // Hosted without operator tokens, nobody can reach the local tenant: seeding it would only cost start-up time.
    store: network.hosted && tokens.length === 0 ? { ...store, seedIfEmpty: false } : store,
    port: integer(values, env, 'port', 'SANDBOX_PORT', [4020, 0, 65535]),
    host: pick(values, env, 'host', 'SANDBOX_HOST')?.raw ?? '127.0.0.1',
    tokens,
    rateLimit: rateLimitOptions,
    groupingIntervalMs: integer(values, env, 'grouping-interval-ms', undefined, [100, 1, 60_000]),
    validateResponses: Boolean(values['validate-responses']),
    network,
    tenants: tenantSettings(values, env),
  };
}

/** The self-service tenants' seed size and limits; a row limit every default seed fits in. */
function tenantSettings(values: Values, env: NodeJS.ProcessEnv): TenantSettings {
  const settings = tenantOptions(values, env);
  // Below the most rows a default seed can make, some tenants would start over their own limit: every
  // ingest refused, and a reset back to that seed no help.
  const { max } = seedRowBounds(settings.sessions, settings.errors);
  if (settings.rowsPerTenant < max)
    throw new UsageError(
      `--tenant-rows / SANDBOX_TENANT_ROWS must be at least ${max}, the most rows a default tenant seed (${settings.sessions} sessions, ${settings.errors} errors) makes; got ${settings.rowsPerTenant}.`,
    );
  return settings;
}

function tenantOptions(values: Values, env: NodeJS.ProcessEnv): TenantSettings {
  const d = TENANT_DEFAULTS;
  return {
    sessions: integer(values, env, 'tenant-sessions', 'SANDBOX_TENANT_SESSIONS', [d.sessions, 1, 1000]),
    errors: integer(values, env, 'tenant-errors', 'SANDBOX_TENANT_ERRORS', [d.errors, 0, 100_000]),
    rowsPerTenant: integer(values, env, 'tenant-rows', 'SANDBOX_TENANT_ROWS', [d.rowsPerTenant, 1, 100_000_000]),
    perAddressPerHour: integer(values, env, 'tenants-per-hour', 'SANDBOX_TENANTS_PER_HOUR', [d.perAddressPerHour, 1, 1_000_000]),
    total: integer(values, env, 'max-tenants', 'SANDBOX_MAX_TENANTS', [d.total, 1, 1_000_000]),
    idleSeconds: 60 * integer(values, env, 'tenant-idle-minutes', 'SANDBOX_TENANT_IDLE_MINUTES', [d.idleSeconds / 60, 1, 525_600]),
  };
}
