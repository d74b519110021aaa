// The deterministic seed: the same `--seed` and sizes always give the same data, byte for byte.
// Sessions use providers (provider runs, connections), run MCP servers (server runs with log lines
// and run errors), and raise errors drawn from the failure-mode catalogue; every session also has a
// mobile or web observability session. Errors are grouped as they are stored, by the same code the
// grouping worker uses, so the seed ends with every error `processed`.
import type { Database } from 'better-sqlite3';
import { BulkGroupAssigner } from '../grouping.js';
import { createRng, makeId, randomChars, type Rng } from '../ids.js';
import { createIndexes } from '../store/schema.js';
import { drawFailureMode, int, LOG_LINES, pick, PROVIDERS, RUN_ERRORS, uuid } from './catalogue.js';

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

export interface SeedSummary {
  sessions: number;
  errors: number;
  groups: number;
  events: number;
  observabilitySessions: number;
}

/** The seed's clock ends here, so a seed never depends on the day it runs. */
export const SEED_END = Date.UTC(2025, 8, 30);
const DAY = 86_400_000;
const APPS = ['com.acme.shop', 'com.acme.bank', 'io.example.fitness'] as const;

function iso(ms: number) {
  return new Date(ms).toISOString();
}

function serverRun(
  rng: Rng,
  sessionId: string,
  provider: (typeof PROVIDERS)[number],
  at: number,
  status: 'active' | 'failed' | 'completed',
) {
  const serverId = makeId('srv', SEED_END - 200 * DAY, rng);
  const server = {
    object: 'server#preview',
    id: serverId,
    name: provider.name,
    description: `MCP server for ${provider.name}.`,
    type: pick(rng, ['public', 'custom'] as const),
    created_at: iso(SEED_END - 200 * DAY),
    updated_at: iso(SEED_END - 40 * DAY),
  };
  const connection = pick(rng, ['sse', 'streamable_http', 'websocket'] as const);
  return {
    object: 'server.server_run',
    id: makeId('srr', at, rng),
    type: pick(rng, ['hosted', 'external'] as const),
    status,
    server_version_id: makeId('sve', SEED_END - 60 * DAY, rng),
    server,
    server_deployment: {
      object: 'server.server_deployment#preview',
      id: makeId('svd', SEED_END - 90 * DAY, rng),
      name: `${provider.name} (production)`,
      description: `${provider.name} access for the workspace.`,
      metadata: {},
      created_at: iso(SEED_END - 90 * DAY),
      updated_at: iso(SEED_END - 10 * DAY),
      server,
    },
    server_session: {
      object: 'session.server_session#preview',
      id: makeId('srs', at, rng),
      status: 'active',
      mcp: {
        object: 'mcp',
        version: '2025-06-18',
        connection_type: connection,
        client:
          rng() < 0.9
            ? {
                object: 'session.server_session.client',
                name: pick(rng, ['claude-desktop', 'cursor', 'acme-agent']),
                version: `1.${int(rng, 0, 9)}.${int(rng, 0, 20)}`,
                capabilities: { sampling: {} },
              }
            : null,
        server:
          rng() < 0.9
            ? {
                object: 'session.server_session.server',
                name: `${provider.name.toLowerCase().replace(/ /g, '-')}-mcp`,
                version: `0.${int(rng, 1, 9)}.${int(rng, 0, 9)}`,
                capabilities: { tools: {} },
              }
            : null,
      },
      usage: {
        total_productive_message_count: int(rng, 2, 400),
        total_productive_client_message_count: int(rng, 1, 200),
        total_productive_server_message_count: int(rng, 1, 200),
      },
      session_id: sessionId,
      created_at: iso(at),
    },
    created_at: iso(at),
    updated_at: iso(at + 60_000),
    started_at: iso(at + 500),
    stopped_at: status === 'active' ? null : iso(at + int(rng, 60, 3600) * 1000),
  };
}

function observabilitySession(rng: Rng, at: number) {
  const platform = pick(rng, ['android', 'ios', 'web'] as const);
  const base = {
    session_id: uuid(rng),
    created_at: iso(at),
    session_duration_ms: int(rng, 5_000, 3_600_000),
    rev_org_id: `REV-${randomChars(rng, 8)}`,
    rev_user_id: `revu-${randomChars(rng, 6)}`,
  };
  if (platform === 'web') {
    return {
      platform,
      versionKey: 'web.acme.app',
      session: {
        type: 'web',
        platform,
        ...base,
        dead_click_count: int(rng, 0, 12),
        rage_click_count: int(rng, 0, 5),
        device_metadata: {
          type: pick(rng, ['desktop', 'mobile'] as const),
          browser: pick(rng, ['Chrome', 'Firefox', 'Safari']),
          browser_version: `${int(rng, 110, 131)}.0`,
          os: pick(rng, ['macOS', 'Windows', 'Linux', 'iOS']),
          network_type: pick(rng, ['4g', 'wifi']),
        },
        console_metadata: {
          error_count: int(rng, 0, 9),
          warn_count: int(rng, 0, 20),
          log_count: int(rng, 0, 200),
          info_count: int(rng, 0, 50),
          debug_count: 0,
        },
        network_metadata: {
          status_counts: { '200': int(rng, 20, 400), '304': int(rng, 0, 50), '404': int(rng, 0, 5), '500': int(rng, 0, 2) },
        },
        first_page_title: 'Checkout – Acme',
        first_page_url: 'https://shop.example.com/checkout',
        page_load_time_ms: int(rng, 300, 4000),
        session_attributes: { attributes: { plan: pick(rng, ['free', 'pro', 'enterprise']), experiment: 'checkout-v2' } },
        tab_ids: [uuid(rng)],
      },
    };
  }
  const android = platform === 'android';
  return {
    platform,
    versionKey: pick(rng, APPS),
    session: {
      type: 'mobile',
      platform,
      ...base,
      device_metadata: {
        app_version: `3.${int(rng, 0, 12)}.${int(rng, 0, 9)}`,
        manufacturer: android ? pick(rng, ['Google', 'Samsung', 'Xiaomi']) : 'Apple',
        model: android ? pick(rng, ['Pixel 8', 'Galaxy S24', 'Redmi Note 13']) : pick(rng, ['iPhone15,2', 'iPhone16,1']),
        network_type: pick(rng, ['wifi', '5g', 'lte']),
        os_version: android ? String(int(rng, 12, 15)) : `17.${int(rng, 0, 6)}`,
        plug_sdk_version: '2.1.0',
        screen_height: android ? 2400 : 2556,
        screen_width: android ? 1080 : 1179,
        sdk_version: '1.9.3',
      },
      has_exception_occurred: rng() < 0.2,
      is_anr: android && rng() < 0.03,
      is_crash: rng() < 0.05,
      rage_tap: rng() < 0.1,
      recording_ids: [`rec_${randomChars(rng, 12)}`],
    },
  };
}

/** Splits `total` into `parts` uneven positive-or-zero counts that sum exactly to `total`. */
export function spread(rng: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.25 + rng() * 1.5);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) counts[i]!++;
  return counts;
}

/** Seeds an empty store. Commits every ~10,000 errors; builds the indexes at the end. */
export function seedStore(db: Database, options: SeedOptions): SeedSummary {
  const rng = createRng(options.seed);
  const assigner = new BulkGroupAssigner(db, rng);
  const insertSession = db.prepare('INSERT INTO sessions (id, created_at) VALUES (?, ?)');
  const insertError = db.prepare(`INSERT INTO session_errors
    (id, session_id, type, code, message, data, status, provider_run_id, provider_id, connection_id, session_provider_id, session_message_id, group_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, 'processed', ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(
    'INSERT INTO session_events (id, session_id, type, server_run_id, server_session_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertObs = db.prepare(
    'INSERT OR REPLACE INTO observability_sessions (platform, version_key, session_id, body) VALUES (?, ?, ?, ?)',
  );
  const providerIds = PROVIDERS.map(() => makeId('pro', SEED_END - 365 * DAY, rng));
  const perSession = spread(rng, options.errors, options.sessions);
  // Sessions start in time order across the 30 days before SEED_END.
  const starts = Array.from({ length: options.sessions }, () => SEED_END - 30 * DAY + Math.floor(rng() * 29 * DAY)).sort((a, b) => a - b);

  let done = 0;
  let events = 0;
  let sinceCommit = 0;
  db.exec('BEGIN');
  try {
    for (let s = 0; s < options.sessions; s++) {
      const t0 = starts[s]!;
      const sessionId = makeId('ses', t0, rng);
      insertSession.run(sessionId, iso(t0));
      // Providers used by the session, each with provider runs and a connection.
      const used = Array.from({ length: int(rng, 1, 3) }, () => Math.floor(rng() * PROVIDERS.length));
      const runs = used.flatMap((p) => {
        const sessionProviderId = makeId('spr', t0, rng);
        const connectionId = makeId('scn', t0, rng);
        return Array.from({ length: int(rng, 1, 2) }, () => ({
          p,
          sessionProviderId,
          connectionId,
          providerRunId: makeId('prn', t0 + 1000, rng),
        }));
      });
      // Events: per provider run, a server run with log lines; some fail with a run error.
      let t = t0 + 2000;
      for (const run of runs) {
        const provider = PROVIDERS[run.p]!;
        const failed = rng() < 0.25;
        const srv = serverRun(rng, sessionId, provider, t, failed ? 'failed' : pick(rng, ['active', 'completed'] as const));
        for (let k = int(rng, 2, 6); k > 0; k--) {
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
          insertEvent.run(event.id, sessionId, event.type, srv.id, srv.server_session.id, JSON.stringify(event), event.created_at);
          events++;
        }
        if (failed) {
          t += int(rng, 200, 5000);
          const runError = pick(rng, RUN_ERRORS);
          const event = {
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
          insertEvent.run(event.id, sessionId, event.type, srv.id, srv.server_session.id, JSON.stringify(event), event.created_at);
          events++;
        }
      }
      const obs = observabilitySession(rng, t0);
      insertObs.run(obs.platform, obs.versionKey, obs.session.session_id, JSON.stringify(obs.session));

      // Errors, in time order within the session.
      let at = t0 + 3000;
      const count = perSession[s]!;
      const gap = Math.max(1, Math.floor((6 * 3_600_000) / Math.max(1, count)));
      for (let i = 0; i < count; i++) {
        at += 1 + Math.floor(rng() * gap);
        const run = runs[Math.floor(rng() * runs.length)]!;
        const provider = PROVIDERS[run.p]!;
        const mode = drawFailureMode(rng);
        const { message, data } = mode.make({ rng, at, host: provider.host, tool: pick(rng, provider.tools) });
        const error = {
          id: makeId('ser', at, rng),
          session_id: sessionId,
          type: mode.type,
          code: mode.code,
          message,
          data: JSON.stringify(data),
          provider_run_id: run.providerRunId,
          provider_id: providerIds[run.p]!,
          created_at: iso(at),
        };
        const groupId = assigner.assign(error);
        insertError.run(
          error.id,
          sessionId,
          error.type,
          error.code,
          error.message,
          error.data,
          error.provider_run_id,
          error.provider_id,
          run.connectionId,
          run.sessionProviderId,
          rng() < 0.7 ? makeId('sms', at, rng) : null,
          groupId,
          error.created_at,
        );
        done++;
        if (++sinceCommit >= 10_000) {
          assigner.flush();
          db.exec('COMMIT');
          options.onProgress?.(done, options.errors);
          db.exec('BEGIN');
          sinceCommit = 0;
        }
      }
    }
    assigner.flush();
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  options.onProgress?.(done, options.errors);
  options.onPhase?.('building indexes');
  createIndexes(db);
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
    'seed',
    JSON.stringify({ seed: options.seed, sessions: options.sessions, errors: options.errors }),
  );
  const groups = (db.prepare('SELECT count(*) AS n FROM session_error_groups').get() as { n: number }).n;
  return { sessions: options.sessions, errors: done, groups, events, observabilitySessions: options.sessions };
}
