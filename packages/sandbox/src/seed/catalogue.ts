// A catalogue of real-looking failure modes. Each makes a message with variable parts (durations,
// ids, hosts, quoted names, timestamps) so that grouping has real work to do, and a data payload.
import { randomChars, type Rng } from '../ids.js';

export type ErrorType =
  'message_processing_timeout' | 'message_processing_provider_error' | 'message_processing_system_error' | 'provider_discovery_failed';

export interface FailureContext {
  rng: Rng;
  at: number;
  host: string;
  tool: string;
}

export interface FailureMode {
  type: ErrorType;
  code: string;
  /** Relative frequency. */
  weight: number;
  make(ctx: FailureContext): { message: string; data: Record<string, unknown> };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const uuid = (rng: Rng) => {
  const h = () => Math.floor(rng() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, h).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${pick(rng, ['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
};
const ip = (rng: Rng) => `10.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;

export const FAILURE_MODES: readonly FailureMode[] = [
  {
    type: 'message_processing_timeout',
    code: 'TOOL_CALL_TIMEOUT',
    weight: 14,
    make: ({ rng, tool }) => {
      const ms = int(rng, 29_500, 30_500);
      return {
        message: `Tool call "${tool}" timed out after ${ms} ms`,
        data: { timeout_ms: 30_000, elapsed_ms: ms, tool, attempt: int(rng, 1, 3) },
      };
    },
  },
  {
    type: 'message_processing_timeout',
    code: 'CONNECTION_TIMEOUT',
    weight: 10,
    make: ({ rng, host }) => {
      const s = int(rng, 10, 60);
      return { message: `Connection to ${host}:443 timed out after ${s} seconds`, data: { host, timeout_ms: s * 1000 } };
    },
  },
  {
    type: 'message_processing_timeout',
    code: 'RESPONSE_TIMEOUT',
    weight: 6,
    make: ({ rng }) => {
      const id = uuid(rng);
      return { message: `No response from MCP server within 15000 ms (request ${id})`, data: { request_id: id, timeout_ms: 15_000 } };
    },
  },
  {
    type: 'message_processing_provider_error',
    code: 'UPSTREAM_HTTP_ERROR',
    weight: 12,
    make: ({ rng, host }) => {
      const status = pick(rng, [500, 502, 503, 504]);
      const req = `req_${randomChars(rng, 16)}`;
      return { message: `Upstream ${host} answered HTTP ${status} for request ${req}`, data: { status, request_id: req, host } };
    },
  },
  {
    type: 'message_processing_provider_error',
    code: 'RATE_LIMITED',
    weight: 9,
    make: ({ rng }) => {
      const retry = int(rng, 1, 60);
      return {
        message: `Provider rate limit exceeded: ${int(rng, 100, 5000)} requests in 60 s, retry after ${retry} s`,
        data: { status: 429, retry_after_s: retry },
      };
    },
  },
  {
    type: 'message_processing_provider_error',
    code: 'AUTH_FAILED',
    weight: 5,
    make: ({ rng }) => {
      const tail = randomChars(rng, 4);
      return { message: `Authentication failed for the access token ending in '${tail}'`, data: { status: 401, token_hint: tail } };
    },
  },
  {
    type: 'message_processing_provider_error',
    code: 'INVALID_ARGUMENT',
    weight: 6,
    make: ({ rng, tool }) => {
      const field = pick(rng, ['repository', 'channel', 'issue_id', 'query', 'page_size', 'file_id']);
      return { message: `Invalid argument "${field}" for tool "${tool}": expected string, got number`, data: { field, tool } };
    },
  },
  {
    type: 'message_processing_system_error',
    code: 'OUT_OF_MEMORY',
    weight: 3,
    make: ({ rng }) => {
      const mb = int(rng, 1900, 2048);
      return {
        message: `Worker wrk_${randomChars(rng, 10)} ran out of memory (heap used ${mb} MB of 2048 MB)`,
        data: { heap_used_mb: mb, heap_limit_mb: 2048 },
      };
    },
  },
  {
    type: 'message_processing_system_error',
    code: 'JSON_PARSE_ERROR',
    weight: 4,
    make: ({ rng }) => {
      const pos = int(rng, 0, 4096);
      return { message: `Unexpected token '<' in JSON at position ${pos}`, data: { position: pos } };
    },
  },
  {
    type: 'message_processing_system_error',
    code: 'QUEUE_FULL',
    weight: 2,
    make: ({ rng, at }) => {
      const pending = int(rng, 10_000, 12_000);
      return { message: `Message queue full (${pending} pending) at ${new Date(at).toISOString()}`, data: { pending, capacity: 10_000 } };
    },
  },
  {
    type: 'provider_discovery_failed',
    code: 'DISCOVERY_CONNECTION_REFUSED',
    weight: 5,
    make: ({ rng, host }) => {
      const addr = ip(rng);
      return {
        message: `Failed to list tools from https://${host}/mcp: connect ECONNREFUSED ${addr}:443`,
        data: { url: `https://${host}/mcp`, address: addr },
      };
    },
  },
  {
    type: 'provider_discovery_failed',
    code: 'INVALID_TOOL_SCHEMA',
    weight: 3,
    make: ({ tool }) => ({ message: `Tool schema for "${tool}" is invalid: /properties/input must be object`, data: { tool } }),
  },
  {
    type: 'provider_discovery_failed',
    code: 'TLS_CERTIFICATE_EXPIRED',
    weight: 2,
    make: ({ rng, host, at }) => {
      const expired = new Date(at - int(rng, 1, 30) * 86_400_000).toISOString();
      return {
        message: `TLS handshake with ${host} failed: certificate has expired (not after ${expired})`,
        data: { host, not_after: expired },
      };
    },
  },
];

const TOTAL_WEIGHT = FAILURE_MODES.reduce((s, m) => s + m.weight, 0);

/** A failure mode drawn by weight. */
export function drawFailureMode(rng: Rng): FailureMode {
  let r = rng() * TOTAL_WEIGHT;
  for (const mode of FAILURE_MODES) {
    r -= mode.weight;
    if (r < 0) return mode;
  }
  return FAILURE_MODES[FAILURE_MODES.length - 1]!;
}

export const PROVIDERS = [
  { name: 'GitHub', host: 'api.github.com', tools: ['create_issue', 'list_pull_requests', 'get_file_contents'] },
  { name: 'Slack', host: 'slack.com', tools: ['post_message', 'list_channels', 'search_messages'] },
  { name: 'Linear', host: 'api.linear.app', tools: ['create_issue', 'update_issue', 'list_projects'] },
  { name: 'Notion', host: 'api.notion.com', tools: ['search', 'retrieve_page', 'append_block'] },
  { name: 'Google Drive', host: 'www.googleapis.com', tools: ['list_files', 'export_file', 'search_files'] },
  { name: 'Jira', host: 'acme.atlassian.net', tools: ['create_issue', 'transition_issue', 'jql_search'] },
  { name: 'Salesforce', host: 'acme.my.salesforce.com', tools: ['soql_query', 'update_record', 'describe_object'] },
  { name: 'Stripe', host: 'api.stripe.com', tools: ['list_charges', 'create_refund', 'retrieve_customer'] },
  { name: 'Postgres', host: 'db.internal.acme.io', tools: ['query', 'list_tables', 'describe_table'] },
  { name: 'Sentry', host: 'sentry.io', tools: ['list_issues', 'get_event', 'resolve_issue'] },
  { name: 'Zendesk', host: 'acme.zendesk.com', tools: ['create_ticket', 'search_tickets', 'add_comment'] },
  { name: 'HubSpot', host: 'api.hubapi.com', tools: ['create_contact', 'search_deals', 'log_activity'] },
] as const;

export const LOG_LINES = [
  ['stdout', 'Listening on stdio'],
  ['stdout', 'MCP server initialised (protocol 2025-06-18)'],
  ['stdout', 'Registered 12 tools'],
  ['stdout', 'tools/call received'],
  ['stdout', 'tools/call completed in 184 ms'],
  ['stderr', 'warn: retrying request after 429 (attempt 2)'],
  ['stderr', 'Error: socket hang up'],
  ['stdout', 'Refreshing OAuth token'],
  ['stderr', 'DeprecationWarning: Buffer() is deprecated'],
  ['stdout', 'Shutting down gracefully'],
] as const;

export const RUN_ERRORS = [
  { code: 'server_crashed', message: 'The server process exited with code 1.' },
  { code: 'server_oom_killed', message: 'The server process was killed after exceeding its 512 MB memory limit.' },
  { code: 'startup_timeout', message: 'The server did not answer initialize within 30 seconds.' },
] as const;

export { int, pick, uuid };
