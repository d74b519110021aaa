// The objects the seed makes besides errors: MCP server runs (with server, deployment and server
// session, as events embed them) and mobile or web observability sessions. Pure functions of the rng.
import { makeId, randomChars, type Rng } from '../ids.js';
import { int, pick, PROVIDERS, uuid } from './catalogue.js';

/** The seed's clock ends here, so a seed never depends on the day it runs. */
export const SEED_END = Date.UTC(2025, 8, 30);
export const DAY = 86_400_000;
const APPS = ['com.acme.shop', 'com.acme.bank', 'io.example.fitness'] as const;

/** An ISO 8601 time. */
export function iso(ms: number) {
  return new Date(ms).toISOString();
}

/** A server run of `provider` started at `at`, with the objects it embeds. */
export function serverRun(
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

/** A mobile (android/ios) or web observability session created at `at`, with its lookup key. */
export function observabilitySession(rng: Rng, at: number) {
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
