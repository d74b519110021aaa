#!/usr/bin/env node
// `session-obs-sandbox`: serve (default), seed, import. Run with --help for the options.
import { parseArgs } from 'node:util';
import { prepareStore } from './app.js';
import { startGroupingWorker } from './grouping.js';
import { createSandboxServer, DEFAULT_TOKEN } from './http/server.js';
import { parseRateLimit } from './http/rate-limit.js';
import { importNdjson } from './import.js';

const HELP = `session-obs-sandbox — a stateful, spec-true sandbox of the Session Observability API

Usage:
  session-obs-sandbox [serve] [options]      serve on SANDBOX_PORT (default 4020); seeds an empty store first
  session-obs-sandbox seed [options]         seed the store and exit
  session-obs-sandbox import <file.ndjson>   load NDJSON lines (errors, events, observability sessions) and exit

Options (environment variable in brackets):
  --port <n>                  [SANDBOX_PORT] default 4020 (0 picks a free port)
  --host <addr>               [SANDBOX_HOST] default 127.0.0.1
  --db <file|:memory:>        [SANDBOX_DB] default .sandbox/sandbox.db
  --seed <n>                  [SANDBOX_SEED] default 42
  --sessions <n>              [SANDBOX_SESSIONS] default 100
  --errors <n>                [SANDBOX_ERRORS] default 10000
  --fresh                     delete the database first (then seed again)
  --no-seed                   never seed (start empty)
  --tokens <a,b>              [SANDBOX_TOKENS] accepted bearer tokens, default ${DEFAULT_TOKEN}
  --rate-limit <cap[:per-s]>  [SANDBOX_RATE_LIMIT] token bucket per token (off by default), e.g. 20:10
  --grouping-interval-ms <n>  how often the grouping worker looks for new errors, default 100
  --validate-responses        check every response against the spec (a mismatch becomes a 500)
  --batch <n>                 import: lines per committed batch, default 1000
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
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
    help: { type: 'boolean', short: 'h' },
  },
});

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  return n;
}

const env = process.env;
const command = positionals[0] ?? 'serve';
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const storeOptions = {
  db: values.db ?? env.SANDBOX_DB ?? '.sandbox/sandbox.db',
  seed: integer('--seed', values.seed ?? env.SANDBOX_SEED, 42, 0, 2 ** 32 - 1),
  sessions: integer('--sessions', values.sessions ?? env.SANDBOX_SESSIONS, 100, 1, 1_000_000),
  errors: integer('--errors', values.errors ?? env.SANDBOX_ERRORS, 10_000, 0, 100_000_000),
  fresh: Boolean(values.fresh),
  seedIfEmpty: !values['no-seed'],
};

if (command === 'seed') {
  const { db } = prepareStore({ ...storeOptions, seedIfEmpty: true });
  db.close();
} else if (command === 'import') {
  const file = positionals[1] ?? fail('import needs a file: session-obs-sandbox import <file.ndjson>');
  const { db } = prepareStore({ ...storeOptions, seedIfEmpty: false });
  const started = performance.now();
  try {
    const result = await importNdjson(db, file, {
      batchSize: integer('--batch', values.batch, 1000, 1, 100_000),
      onAcknowledged: (n) => console.log(`acknowledged ${n} lines`),
    });
    console.log(
      `✔ imported ${result.lines} lines in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.errors} errors (grouped by a running or the next sandbox), ${result.events} events, ${result.observabilitySessions} observability sessions`,
    );
    db.close();
  } catch (error) {
    db.close();
    fail(`import failed: ${(error as Error).message}`);
  }
} else if (command === 'serve') {
  const port = integer('SANDBOX_PORT', values.port ?? env.SANDBOX_PORT, 4020, 0, 65535);
  const host = values.host ?? env.SANDBOX_HOST ?? '127.0.0.1';
  const tokens = (values.tokens ?? env.SANDBOX_TOKENS ?? DEFAULT_TOKEN)
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const rateLimitText = values['rate-limit'] ?? env.SANDBOX_RATE_LIMIT;
  let rateLimit;
  try {
    rateLimit = rateLimitText ? parseRateLimit(rateLimitText) : undefined;
  } catch (error) {
    fail((error as Error).message);
  }
  console.log('Starting the sandbox…');
  const { db, store } = prepareStore(storeOptions);
  const worker = startGroupingWorker(db, {
    intervalMs: integer('--grouping-interval-ms', values['grouping-interval-ms'], 100, 1, 60_000),
    onError: (error) => console.error(`✖ grouping worker: ${(error as Error).message}`),
  });
  const pending = worker.drain();
  if (pending) console.log(`▸ grouped ${pending} pending errors`);
  const sandbox = createSandboxServer({ store, tokens, rateLimit, validateResponses: Boolean(values['validate-responses']) });
  let url: string;
  try {
    url = await sandbox.listen(port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is in use: set SANDBOX_PORT to another port.` : (error as Error).message);
  }
  const c = store.counts();
  console.log(`  store: ${c.sessions} sessions, ${c.session_errors} errors, ${c.session_error_groups} groups, ${c.session_events} events`);
  console.log(
    `  tokens: ${tokens.join(', ')}${rateLimit ? `; rate limit ${rateLimit.capacity} burst, ${rateLimit.refillPerSecond}/s per token` : '; rate limit off'}`,
  );
  console.log(`✔ Sandbox ready: ${url}  (try: curl -H "Authorization: Bearer ${tokens[0]}" ${url}/session-errors)`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    worker.stop();
    await sandbox.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} else {
  fail(`unknown command "${command}".\n${HELP}`);
}
