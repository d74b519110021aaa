// What a tool answers: the API's body as structured content (plus `next_page` for list tools), or a
// tool error (`isError: true`) carrying a machine-readable code and a human message. Every string goes
// through `redact`, so no credential can reach an answer even if a server echoes it.
import { decodeCursor } from '@session-obs/spec/server';
import type { ToolRoute } from '../generate/manifest.js';

/** The result of `tools/call`, as MCP defines it (the part we send). */
export interface ToolResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** A tool error's body: the API's (or our) code and message, and what else helps fix the call. */
export interface ToolErrorBody {
  code: string;
  message: string;
  status?: number;
  request_id?: string;
  /** Per-parameter problems: the API's `errors` of an `invalid_data`, or ours for refused arguments. */
  errors?: unknown[];
}

/** Below this length a token (the mock takes any, e.g. `x`) is nobody's secret and would match inside ordinary words. */
const SHORT_TOKEN = 8;

/**
 * `text` with every echo of a secret replaced by `[redacted]`: a secret of 8 or more characters wherever
 * it appears, a shorter one only where it stands as a word, so `x` leaves `next_page` and `ser_x1` alone.
 * The same rule as @session-obs/client's error messages.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? redactOne(out, secret) : out), text);
}

function redactOne(text: string, secret: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length)) {
    // Token characters (RFC 6750's b64token) on either side: part of a longer word. `=` ends one only.
    const inWord = /[\w.~+/-]/.test(text[at - 1] ?? '') || /[\w.~+/=-]/.test(text[at + secret.length] ?? '');
    if (secret.length < SHORT_TOKEN && inWord) continue;
    out += text.slice(from, at) + '[redacted]';
    from = at + secret.length;
  }
  return out + text.slice(from);
}

/**
 * `value` with every secret in its strings replaced by `[redacted]`. Keys are the API's field names: only
 * a long secret (one that can only be an echo) is redacted there, so a short token never renames a field.
 */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value === 'object' && value !== null) {
    const long = secrets.filter((secret) => secret.length >= SHORT_TOKEN);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, long), redactValue(item, secrets)]));
  }
  return value;
}

/** A tool error. */
export function errorResult(error: ToolErrorBody, secrets: readonly string[]): ToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(redactValue({ error }, secrets), null, 2) }] };
}

/**
 * For a list page: the arguments that fetch the next page in the direction the call walked (backward
 * with `before`, or with a `cursor` that stands for one), or null at the end.
 */
export function nextPage(page: Record<string, unknown>, args: Record<string, unknown>): { after: string } | { before: string } | null {
  const items = Array.isArray(page.items) ? (page.items as Array<{ id?: unknown }>) : [];
  const pagination = (page.pagination ?? {}) as { has_more_after?: unknown; has_more_before?: unknown };
  // A cursor is `after` or `before` in disguise: its direction is inside it.
  const cursor = typeof args.cursor === 'string' ? decodeCursor(args.cursor) : undefined;
  const backward = args.after === undefined && (args.before !== undefined || cursor?.direction === 'before');
  const edge = backward ? items[0]?.id : items[items.length - 1]?.id;
  if (typeof edge !== 'string') return null;
  if (backward) return pagination.has_more_before === true ? { before: edge } : null;
  return pagination.has_more_after === true ? { after: edge } : null;
}

/**
 * The longest answer passed on, in characters of JSON text (sent twice: as structured content and as
 * text). Past it an agent's context would drown, and the official SDK's stdio client (10 MB per message)
 * would drop the whole session.
 */
export const MAX_ANSWER_CHARS = 1_000_000;

/** A successful call: the body as structured content (list tools add `next_page`) and as JSON text. */
export function successResult(route: ToolRoute, body: unknown, args: Record<string, unknown>, secrets: readonly string[]): ToolResult {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const page =
    isObject && route.list ? { ...(body as Record<string, unknown>), next_page: nextPage(body as Record<string, unknown>, args) } : body;
  const structured = redactValue(page, secrets);
  const text = JSON.stringify(structured, null, 2) ?? '';
  if (text.length > MAX_ANSWER_CHARS) {
    const size = `${(text.length / 1_000_000).toFixed(1)} million characters of JSON`;
    const fix = route.list ? 'ask for a smaller page (`limit`) or narrow the filters' : 'this object cannot be passed on whole';
    return errorResult(
      { code: 'response_too_large', message: `The API's answer is ${size}, over the 1 million a tool answers with: ${fix}.` },
      secrets,
    );
  }
  // Structured content is only sent for an object body (MCP's rule); the text is the same JSON.
  return isObject
    ? { content: [{ type: 'text', text }], structuredContent: structured as Record<string, unknown> }
    : { content: [{ type: 'text', text }] };
}
