// What the `session-obs-mock` CLI accepts (MOCK_PORT, MOCK_HOST, a few flags) and the one line it prints
// when it cannot start: typed results, no stack traces.
import { listenProblem, parseAllowedHosts, parseCorsOrigins, type CorsOrigins } from '@session-obs/spec/server';
import type { LogLevel } from './prism-engine.js';

export interface CliOptions {
  port: number;
  host: string;
  /** The spec to serve; default: the copy bundled in the package. */
  specPath?: string;
  dynamic: boolean;
  logLevel: LogLevel;
  /** Origins a browser page may call from (MOCK_CORS_ORIGINS, --cors-origins). Default any (`*`, never with credentials). */
  corsOrigins: CorsOrigins;
  /** Host names served besides loopback (MOCK_ALLOWED_HOSTS, --allowed-hosts). */
  allowedHosts: string[];
  help: boolean;
}

export type CliInput = { ok: true; options: CliOptions } | { ok: false; message: string };

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export const USAGE = `Usage: session-obs-mock [--verbose] [--dynamic] [--log-level <level>] [--spec <openapi.json>]
Serves the Session Observability API mock on MOCK_HOST:MOCK_PORT (default 127.0.0.1:4010).
  --verbose           log every request (same as --log-level info)
  --dynamic           generate bodies from the schemas instead of the named examples
  --log-level <level> ${LEVELS.join(' | ')} (default warn)
  --spec <file>       serve another OpenAPI 3.1 document (JSON) instead of the bundled one
  --cors-origins <list>   origins a browser page may call from, comma-separated, or * (default *; env MOCK_CORS_ORIGINS)
  --allowed-hosts <list>  Host names served besides localhost/127.0.0.1/[::1] (default none; env MOCK_ALLOWED_HOSTS)`;

const VALUED = new Set(['--log-level', '--spec', '--cors-origins', '--allowed-hosts']);

/** Applies one valued option; a message when its value is wrong. */
function applyValue(options: CliOptions, arg: string, value: string): string | undefined {
  try {
    if (arg === '--spec') options.specPath = value;
    else if (arg === '--cors-origins') options.corsOrigins = parseCorsOrigins(value);
    else if (arg === '--allowed-hosts') options.allowedHosts = parseAllowedHosts(value);
    else if (LEVELS.includes(value as LogLevel)) options.logLevel = value as LogLevel;
    else return `--log-level must be one of ${LEVELS.join(', ')}, got "${value}".`;
  } catch (error) {
    return `${arg}: ${(error as Error).message}.`;
  }
  return undefined;
}

/** Reads the environment and arguments; a message for the first thing that is wrong. */
export function readCliInput(args: string[], env: NodeJS.ProcessEnv): CliInput {
  // An empty variable is not set (as SANDBOX_PORT, and MOCK_HOST below): `MOCK_PORT= npx …` serves on 4010.
  const rawPort = env.MOCK_PORT || '4010';
  const port = Number(rawPort);
  // 0 picks a free port (the ready line names it), as the sandbox's SANDBOX_PORT=0 does.
  if (!/^\d+$/.test(rawPort) || port > 65535)
    return { ok: false, message: `MOCK_PORT must be a port number from 0 (any free port) to 65535, got "${rawPort}".` };
  const options: CliOptions = {
    port,
    host: env.MOCK_HOST || '127.0.0.1',
    dynamic: false,
    logLevel: 'warn',
    corsOrigins: '*',
    allowedHosts: [],
    help: false,
  };
  const fromEnv: [string, string | undefined][] = [
    ['--cors-origins', env.MOCK_CORS_ORIGINS],
    ['--allowed-hosts', env.MOCK_ALLOWED_HOSTS],
  ];
  for (const [arg, value] of fromEnv) {
    const problem = value ? applyValue(options, arg, value) : undefined;
    if (problem) return { ok: false, message: problem.replace(arg, arg === '--cors-origins' ? 'MOCK_CORS_ORIGINS' : 'MOCK_ALLOWED_HOSTS') };
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--verbose') options.logLevel = 'info';
    else if (arg === '--dynamic') options.dynamic = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (VALUED.has(arg)) {
      const value = args[++i];
      if (value === undefined) return { ok: false, message: `${arg} needs a value (see --help).` };
      const problem = applyValue(options, arg, value);
      if (problem) return { ok: false, message: problem };
    } else return { ok: false, message: `Unknown option "${arg}" (see --help).` };
  }
  return { ok: true, options };
}

/** The one line that says why the mock could not start. */
export function describeStartFailure(error: unknown, options: CliOptions): string {
  // Only listen's own failures name the port and host; other errors with an E… code (a spec's unresolved
  // `$ref`) are not about them.
  const syscall = (error as { syscall?: unknown } | undefined)?.syscall;
  if (syscall === 'listen' || syscall === 'getaddrinfo')
    return listenProblem(error, { host: options.host, port: options.port, portVariable: 'MOCK_PORT', hostVariable: 'MOCK_HOST' });
  const message = error instanceof Error ? error.message : String(error);
  return `Could not start the mock: ${message.split('\n', 1)[0]}`;
}
