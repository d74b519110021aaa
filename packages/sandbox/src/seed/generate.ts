// The deterministic seed: the same `--seed` and sizes always give the same data, byte for byte.
// Sessions use providers (provider runs, connections), run MCP servers (server runs with log lines
// and run errors), and raise errors drawn from the failure-mode catalogue; every session also has a
// mobile or web observability session. Errors are grouped as they are stored, by the same fingerprint
// the grouping worker uses, so the seed ends with every error `processed`. The store's SeedWriter
// does the writing; this module only decides what to write.
import { createRng, makeId, type Rng } from '../ids.js';
import type { SeedWriter } from '../store/seeding.js';
import { drawFailureMode, int, LOG_LINES, pick, PROVIDERS, RUN_ERRORS } from './catalogue.js';
import { DAY, iso, observabilitySession, SEED_END, serverRun } from './objects.js';

export interface SeedOptions {
  seed: number;
  sessions: number;
  /** Total session errors (spread unevenly over the sessions). */
  errors: number;
  /** Called as errors are stored. */
  onProgress?: (done: number, total: number) => void;
  /** Called before slow phases. */
  onPhase?: (phase: string) => void;
}

export type { SeedSummary } from '../store/contract.js';
import type { SeedSummary } from '../store/contract.js';

/** Splits `total` into `parts` uneven positive-or-zero counts that sum exactly to `total`. */
export function spread(rng: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.25 + rng() * 1.5);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) counts[i]!++;
  return counts;
}

/** The generator's ranges (inclusive) that decide how many rows a seed makes besides its errors. */
const PROVIDERS_PER_SESSION = [1, 3] as const;
const RUNS_PER_PROVIDER = [1, 2] as const;
/** Log-line events of a server run; a failed run has one `server_run_error` event more. */
const LOG_EVENTS_PER_RUN = [2, 6] as const;

/**
 * The fewest and the most rows (errors + events + observability sessions, what a tenant's row count
 * counts) a seed of this size can make, over every seed number: a row limit of at least `max` holds
 * any such seed. One seed number's exact count is its summary's (see `seedRows`).
 */
export function seedRowBounds(sessions: number, errors: number): { min: number; max: number } {
  const runs = (bound: 0 | 1) => PROVIDERS_PER_SESSION[bound] * RUNS_PER_PROVIDER[bound];
  const min = errors + sessions * (1 + runs(0) * LOG_EVENTS_PER_RUN[0]);
  const max = errors + sessions * (1 + runs(1) * (LOG_EVENTS_PER_RUN[1] + 1));
  return { min, max };
}

/** The rows a seed made, as the tenant's row count counts them. */
export function seedRows(summary: Pick<SeedSummary, 'errors' | 'events' | 'observabilitySessions'>): number {
  return summary.errors + summary.events + summary.observabilitySessions;
}

/** What every step of one seed run shares. */
interface SeedRun {
  rng: Rng;
  writer: SeedWriter;
  providerIds: string[];
}

/** A provider run of a session, with the session provider and connection it belongs to. */
interface ProviderRun {
  p: number;
  sessionProviderId: string;
  connectionId: string;
  providerRunId: string;
}

/** The providers a session uses (1–3), each with a session provider, a connection and 1–2 provider runs. */
function providerRuns(rng: Rng, t0: number): ProviderRun[] {
  const used = Array.from({ length: int(rng, ...PROVIDERS_PER_SESSION) }, () => Math.floor(rng() * PROVIDERS.length));
  return used.flatMap((p) => {
    const sessionProviderId = makeId('spr', t0, rng);
    const connectionId = makeId('scn', t0, rng);
    return Array.from({ length: int(rng, ...RUNS_PER_PROVIDER) }, () => ({
      p,
      sessionProviderId,
      connectionId,
      providerRunId: makeId('prn', t0 + 1000, rng),
    }));
  });
}

/** Stores one event, indexed by its server run. */
function storeEvent(
  run: SeedRun,
  event: { id: string; type: string; session_id: string; created_at: string },
  srv: ReturnType<typeof serverRun>,
): void {
  run.writer.event({
    id: event.id,
    session_id: event.session_id,
    type: event.type,
    server_run_id: srv.id,
    server_session_id: srv.server_session.id,
    body: JSON.stringify(event),
    created_at: event.created_at,
  });
}

/** The `server_run_error` event of a failed server run at `t`. */
function runErrorEvent(rng: Rng, sessionId: string, srv: ReturnType<typeof serverRun>, t: number) {
  const runError = pick(rng, RUN_ERRORS);
  return {
    object: 'session.event',
    id: makeId('sev', t, rng),
    type: 'server_run_error',
    session_id: sessionId,
    server_run: srv,
    server_run_error: {
      object: 'server.server_run.error',
      id: makeId('sre', t, rng),
      code: runError.code,
      message: runError.message,
      metadata: { exit_code: 1 },
      server_run: srv,
      created_at: iso(t),
    },
    log_lines: [{ type: 'stderr', line: runError.message }],
    created_at: iso(t),
  };
}

/** Per provider run, a server run with log line events; some fail with a run error. Returns how many events. */
function seedEvents(run: SeedRun, sessionId: string, runs: ProviderRun[], t0: number): number {
  const { rng } = run;
  let events = 0;
  let t = t0 + 2000;
  for (const providerRun of runs) {
    const provider = PROVIDERS[providerRun.p]!;
    const failed = rng() < 0.25;
    const srv = serverRun(rng, sessionId, provider, t, failed ? 'failed' : pick(rng, ['active', 'completed'] as const));
    for (let k = int(rng, ...LOG_EVENTS_PER_RUN); k > 0; k--) {
      t += int(rng, 200, 20_000);
      const lines = Array.from({ length: int(rng, 1, 6) }, () => {
        const [type, line] = pick(rng, LOG_LINES);
        return { type, line };
      });
      const event = {
        object: 'session.event',
        id: makeId('sev', t, rng),
        type: 'server_logs',
        session_id: sessionId,
        server_run: srv,
        server_run_error: null,
        log_lines: lines,
        created_at: iso(t),
      };
      storeEvent(run, event, srv);
      events++;
    }
    if (failed) {
      t += int(rng, 200, 5000);
      storeEvent(run, runErrorEvent(rng, sessionId, srv, t), srv);
      events++;
    }
  }
  return events;
}

/** One error of a session at `at`, drawn from the failure-mode catalogue and grouped. */
function seedError(run: SeedRun, sessionId: string, runs: ProviderRun[], at: number): void {
  const { rng, writer } = run;
  const providerRun = runs[Math.floor(rng() * runs.length)]!;
  const provider = PROVIDERS[providerRun.p]!;
  const mode = drawFailureMode(rng);
  const { message, data } = mode.make({ rng, at, host: provider.host, tool: pick(rng, provider.tools) });
  const error = {
    id: makeId('ser', at, rng),
    session_id: sessionId,
    type: mode.type,
    code: mode.code,
    message,
    data: JSON.stringify(data),
    provider_run_id: providerRun.providerRunId,
    provider_id: run.providerIds[providerRun.p]!,
    created_at: iso(at),
  };
  // The group first: a new group draws its id from the rng before the message id does.
  const groupId = writer.groupOf(error);
  writer.error({
    ...error,
    connection_id: providerRun.connectionId,
    session_provider_id: providerRun.sessionProviderId,
    session_message_id: rng() < 0.7 ? makeId('sms', at, rng) : null,
    group_id: groupId,
  });
}

/** Seeds an empty tenant through `begin(rng)`'s writer. Commits every 10,000 errors. */
export async function seedStore(begin: (rng: Rng) => SeedWriter, options: SeedOptions): Promise<SeedSummary> {
  const rng = createRng(options.seed);
  const writer = begin(rng);
  const run: SeedRun = { rng, writer, providerIds: PROVIDERS.map(() => makeId('pro', SEED_END - 365 * DAY, rng)) };
  const perSession = spread(rng, options.errors, options.sessions);
  // Sessions start in time order across the 30 days before SEED_END.
  const starts = Array.from({ length: options.sessions }, () => SEED_END - 30 * DAY + Math.floor(rng() * 29 * DAY)).sort((a, b) => a - b);
  let done = 0;
  let events = 0;
  for (let s = 0; s < options.sessions; s++) {
    const t0 = starts[s]!;
    const sessionId = makeId('ses', t0, rng);
    writer.session(sessionId, iso(t0));
    const runs = providerRuns(rng, t0);
    events += seedEvents(run, sessionId, runs, t0);
    const obs = observabilitySession(rng, t0);
    writer.observabilitySession({
      platform: obs.platform,
      version_key: obs.versionKey,
      session_id: obs.session.session_id,
      body: JSON.stringify(obs.session),
    });
    // Errors, in time order within the session.
    let at = t0 + 3000;
    const count = perSession[s]!;
    const gap = Math.max(1, Math.floor((6 * 3_600_000) / Math.max(1, count)));
    for (let i = 0; i < count; i++) {
      at += 1 + Math.floor(rng() * gap);
      seedError(run, sessionId, runs, at);
      if (++done % 10_000 === 0) {
        await writer.checkpoint();
        options.onProgress?.(done, options.errors);
      }
    }
  }
  const groups = await writer.end();
  options.onProgress?.(done, options.errors);
  return { sessions: options.sessions, errors: done, groups, events, observabilitySessions: options.sessions };
}
