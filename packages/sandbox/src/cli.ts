#!/usr/bin/env node
// `session-obs-sandbox`: serve (default), seed, import. Run with --help for the options. Whatever goes
// wrong at start (bad options, a port in use, a path that cannot hold a database) is one line on
// stderr and a non-zero exit: 2 for bad usage, 1 for anything else.
import { createServer } from 'node:net';
import { listenProblem as describeListen, stopOnSignals } from '@session-obs/spec/server';
import { HELP, parseCli, UsageError, type CliCommand, type StoreSettings } from './cli/options.js';
import { createSandboxServer } from './http/server.js';
import { importNdjson } from './import.js';
import { openStore } from './prepare-store.js';
import { LOCAL_TENANT } from './store/contract.js';

/** Why the server cannot listen, in one line naming the setting to change. */
function listenProblem(error: unknown, host: string, port: number): string {
  return describeListen(error, { host, port, portVariable: 'SANDBOX_PORT (or --port)', hostVariable: 'SANDBOX_HOST' });
}

/** Fails before any seeding when the port is taken, instead of after it. */
function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(new Error(listenProblem(error, host, port), { cause: error })));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function serve(options: Extract<CliCommand, { command: 'serve' }>): Promise<void> {
  const { port, host, tokens, rateLimit } = options;
  await checkPortFree(port, host);
  console.log('Starting the sandbox…');
  const { store } = await openStore(options.store);
  // Errors an import left in `processing` are grouped before the first request.
  const pending = await store.groupAllPending();
  if (pending) console.log(`▸ grouped ${pending} pending errors`);
  const { groupingIntervalMs, validateResponses, tenants, network } = options;
  const sandbox = createSandboxServer({
    store,
    tokens,
    hosted: network.hosted,
    rateLimit,
    validateResponses,
    groupingIntervalMs,
    tenants,
    corsOrigins: network.corsOrigins,
    allowedHosts: network.allowedHosts,
    trustProxy: network.trustProxy,
    ...(network.accessLog && { accessLog: (line: string) => console.log(line) }),
  });
  let url: string;
  try {
    url = await sandbox.listen(port, host);
  } catch (error) {
    await store.close();
    throw new Error(listenProblem(error, host, port), { cause: error });
  }
  const counts = await store.counts(LOCAL_TENANT);
  console.log(
    `  store: ${counts.sessions} sessions, ${counts.session_errors} errors, ${counts.session_error_groups} groups, ${counts.session_events} events`,
  );
  const limits = rateLimit ? `; rate limit ${rateLimit.capacity} burst, ${rateLimit.refillPerSecond}/s per token` : '; rate limit off';
  if (tokens.length) {
    console.log(`  tokens: ${tokens.join(', ')}${limits}`);
    console.log(`✔ Sandbox ready: ${url}  (try: curl -H "Authorization: Bearer ${tokens[0]}" ${url}/session-errors)`);
  } else {
    console.log(
      `  hosted: keys only from POST ${url}/_sandbox/tenants${limits}; hosts: loopback${network.allowedHosts.map((h) => `, ${h}`).join('')}`,
    );
    // Any origin may read, and then no origin is refused a write: say so, an operator may not have meant it.
    console.log(
      network.corsOrigins === '*'
        ? "  cors: any origin (*), so any page can create keys in its readers' names; list your docs' origin in --cors-origins"
        : network.corsOrigins.length === 0
          ? "  cors: no page on another origin may call; list your docs' origin in --cors-origins for their Try it"
          : `  cors: ${network.corsOrigins.join(', ')}`,
    );
    console.log(`✔ Sandbox ready: ${url}  (try: curl -X POST ${url}/_sandbox/tenants)`);
  }
  // Graceful: stop accepting, let requests in flight finish, then close the store. Requests get 8 s; the
  // whole stop is cut off at 9.5 s (exit 1), inside the 10 s an orchestrator allows before its SIGKILL.
  stopOnSignals('the sandbox', async () => {
    const cutOff = setTimeout(() => {
      console.error('✖ the sandbox did not stop within 9.5 s (a request or the database held it): exiting now');
      process.exit(1);
    }, 9_500);
    await sandbox.close(8_000);
    await store.close();
    clearTimeout(cutOff);
  });
}

async function importFile(options: Extract<CliCommand, { command: 'import' }>): Promise<void> {
  const { store } = await openStore(options.store);
  const started = performance.now();
  try {
    const result = await importNdjson(store, LOCAL_TENANT, options.file, {
      batchSize: options.batchSize,
      onAcknowledged: (lines) => console.log(`acknowledged ${lines} lines`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `✔ imported ${result.lines} lines in ${seconds} s: ${result.errors} errors (grouped by a running or the next sandbox), ${result.events} events, ${result.observabilitySessions} observability sessions`,
    );
  } catch (error) {
    throw new Error(`import failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await store.close();
  }
}

/** `seed`: seeds a new store; an existing one is kept, and the command says so (and how to start over). */
async function seed(settings: StoreSettings): Promise<void> {
  const { store, seeded } = await openStore(settings);
  await store.close();
  if (!seeded) console.log("✔ the store already holds the local tenant's data: kept as it is (add --fresh to seed it again)");
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2), process.env);
  if (options.command === 'help') console.log(HELP);
  else if (options.command === 'seed') await seed(options.store);
  else if (options.command === 'import') await importFile(options);
  else await serve(options);
}

main().catch((error: unknown) => {
  // One line, never a stack trace: the message says what to change.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`✖ ${message.split('\n')[0]}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
