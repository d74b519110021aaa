// The command line and environment of `session-obs-mcp`, read into typed settings or a UsageError whose
// message is the one line the CLI prints. Credentials are read per upstream API named in the manifest
// (`--metorial-token` / METORIAL_TOKEN, `--devrev-token` / DEVREV_TOKEN), or one server for every tool
// (`--base-url` + `--token`, for a mock or the sandbox).
import { parseArgs } from 'node:util';
import { parseArgsProblem } from '@session-obs/spec/server';

/** Bad arguments or environment: the message is one line, for the CLI to print as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Where the tools send their requests. */
export type Target =
  /** Every tool to one server (a mock or the sandbox) with one token. */
  | { mode: 'single'; baseUrl: string; token: string }
  /** Each upstream API to its own URL with its own credential; an upstream without a token has none. */
  | { mode: 'per-api'; upstreams: Record<string, { token?: string; baseUrl: string }> };

/** Everything the server needs to start. */
export interface McpSettings {
  target: Target;
  /** Serve streamable HTTP on this port instead of stdio (0: a free port). */
  httpPort?: number;
  /** Address the HTTP server binds; loopback unless asked otherwise. */
  host: string;
  /** Generate the tools from this OpenAPI document instead of the built-in ones. */
  specPath?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

const FIXED_OPTIONS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  http: { type: 'string' },
  host: { type: 'string' },
  spec: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'max-retries': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Record<string, string | boolean | undefined>;

/** The options and variables of one upstream: `--<name>-token` / `<NAME>_TOKEN`, `--<name>-base-url` / `<NAME>_BASE_URL`. */
export function upstreamOptionNames(upstream: string): { token: string; tokenVariable: string; baseUrl: string; baseUrlVariable: string } {
  const variable = upstream.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    token: `${upstream}-token`,
    tokenVariable: `${variable}_TOKEN`,
    baseUrl: `${upstream}-base-url`,
    baseUrlVariable: `${variable}_BASE_URL`,
  };
}

/** The `--spec` option alone (read before the manifest, which names the upstreams the other options depend on). */
export function specOption(argv: readonly string[]): string | undefined {
  const { values } = parseArgs({ args: [...argv], options: { spec: { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values.spec === 'string' && values.spec !== '' ? values.spec : undefined;
}

/** A value from the option, else the environment variable; with the name to quote in errors. */
function pick(values: Values, env: NodeJS.ProcessEnv, option: string, variable?: string): { raw: string; name: string } | undefined {
  const given = values[option];
  if (typeof given === 'string' && given.trim() !== '') return { raw: given.trim(), name: `--${option}` };
  const fromEnv = variable ? env[variable]?.trim() : undefined;
  return fromEnv ? { raw: fromEnv, name: variable! } : undefined;
}

/** An integer in [min, max], or undefined when not given. */
function integer(found: { raw: string; name: string } | undefined, min: number, max: number): number | undefined {
  if (!found) return undefined;
  const value = Number(found.raw);
  if (!/^\d+$/.test(found.raw) || value < min || value > max)
    throw new UsageError(`${found.name} must be an integer from ${min} to ${max}, got "${found.raw.slice(0, 64)}".`);
  return value;
}

/**
 * A bearer token: visible ASCII only (the client refuses anything else, naming its own option), else a
 * UsageError naming this server's option or variable and the character, never the token.
 */
function bearerToken(found: { raw: string; name: string }): string {
  const bad = found.raw.search(/[^!-~]/);
  if (bad >= 0) {
    const code = found.raw.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0');
    throw new UsageError(
      `${found.name} has U+${code} at position ${bad + 1}: a bearer token is visible ASCII (no spaces, no placeholders like …).`,
    );
  }
  return found.raw;
}

/** A URL with http(s), else a UsageError naming where it came from. */
function httpUrl(found: { raw: string; name: string }): string {
  if (!URL.canParse(found.raw) || !/^https?:$/.test(new URL(found.raw).protocol))
    throw new UsageError(`${found.name} must be an http(s) URL, got "${found.raw.slice(0, 100)}".`);
  return found.raw.replace(/\/+$/, '');
}

/** Parses the command line strictly: the fixed options and one token and base URL option per upstream. */
function parseValues(argv: readonly string[], upstreams: readonly string[]): Values {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { ...FIXED_OPTIONS };
  for (const upstream of upstreams) {
    const names = upstreamOptionNames(upstream);
    options[names.token] = { type: 'string' };
    options[names.baseUrl] = { type: 'string' };
  }
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new UsageError(parseArgsProblem(error));
  }
}

/** Where the tools go: one server when a base URL is given, else each upstream with its own credential. */
function targetOf(values: Values, env: NodeJS.ProcessEnv, upstreams: Record<string, string>): Target {
  const base = pick(values, env, 'base-url', 'SESSION_OBS_BASE_URL');
  const token = pick(values, env, 'token', 'SESSION_OBS_TOKEN');
  if (base) {
    if (!token)
      throw new UsageError(`${base.name} needs a token: pass --token or set SESSION_OBS_TOKEN (any non-empty value for the mock).`);
    return { mode: 'single', baseUrl: httpUrl(base), token: bearerToken(token) };
  }
  if (token)
    throw new UsageError(`${token.name} goes with --base-url (or SESSION_OBS_BASE_URL); for production set each API's token (see --help).`);
  const configured: Record<string, { token?: string; baseUrl: string }> = {};
  for (const [upstream, productionUrl] of Object.entries(upstreams)) {
    const names = upstreamOptionNames(upstream);
    const own = pick(values, env, names.token, names.tokenVariable);
    const url = pick(values, env, names.baseUrl, names.baseUrlVariable);
    configured[upstream] = { ...(own ? { token: bearerToken(own) } : {}), baseUrl: url ? httpUrl(url) : productionUrl };
  }
  if (!Object.values(configured).some((upstream) => upstream.token)) {
    const variables = Object.keys(upstreams).map((upstream) => upstreamOptionNames(upstream).tokenVariable);
    throw new UsageError(
      `no credentials: set ${variables.join(' and/or ')} for the production APIs, or SESSION_OBS_BASE_URL and SESSION_OBS_TOKEN for a mock or sandbox (see --help).`,
    );
  }
  return { mode: 'per-api', upstreams: configured };
}

/**
 * Reads the command line and the environment for a manifest whose upstreams are `upstreams`
 * (name → production URL). Returns `'help'` for `--help`; throws a UsageError for anything unusable.
 */
export function parseSettings(argv: readonly string[], env: NodeJS.ProcessEnv, upstreams: Record<string, string>): McpSettings | 'help' {
  const values = parseValues(argv, Object.keys(upstreams));
  if (values.help) return 'help';
  const http = integer(pick(values, env, 'http'), 0, 65535);
  const host = pick(values, env, 'host', 'SESSION_OBS_MCP_HOST')?.raw ?? '127.0.0.1';
  const timeoutMs = integer(pick(values, env, 'timeout-ms'), 0, 600_000);
  const maxRetries = integer(pick(values, env, 'max-retries'), 0, 10);
  const specPath = pick(values, env, 'spec')?.raw;
  return {
    target: targetOf(values, env, upstreams),
    host,
    ...(http !== undefined ? { httpPort: http } : {}),
    ...(specPath ? { specPath } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
  };
}

/** A URL as the ready line shows it: without a `user:password@` part. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** Where the tools go, for the ready line (URLs without credentials, never a token). */
export function describeTarget(target: Target): string {
  if (target.mode === 'single') return `every tool → ${shown(target.baseUrl)}`;
  return Object.entries(target.upstreams)
    .map(([name, { token, baseUrl }]) => `${name} → ${shown(baseUrl)}${token ? '' : ' (no token: its tools answer missing_credential)'}`)
    .join(', ');
}
