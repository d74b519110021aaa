// What the `session-obs-mock` CLI accepts (MOCK_PORT, MOCK_HOST, a few flags) and the one line it prints
// when it cannot start: typed results, no stack traces.
import type { LogLevel } from './prism-engine.js';

export interface CliOptions {
  port: number;
  host: string;
  /** The spec to serve; default: the copy bundled in the package. */
  specPath?: string;
  dynamic: boolean;
  logLevel: LogLevel;
  help: boolean;
}

export type CliInput = { ok: true; options: CliOptions } | { ok: false; message: string };

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export const USAGE = `Usage: session-obs-mock [--verbose] [--dynamic] [--log-level <level>] [--spec <openapi.json>]
Serves the Session Observability API mock on MOCK_HOST:MOCK_PORT (default 127.0.0.1:4010).
  --verbose           log every request (same as --log-level info)
  --dynamic           generate bodies from the schemas instead of the named examples
  --log-level <level> ${LEVELS.join(' | ')} (default warn)
  --spec <file>       serve another OpenAPI 3.1 document (JSON) instead of the bundled one`;

/** Reads the environment and arguments; a message for the first thing that is wrong. */
export function readCliInput(args: string[], env: NodeJS.ProcessEnv): CliInput {
  const rawPort = env.MOCK_PORT ?? '4010';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535)
    return { ok: false, message: `MOCK_PORT must be a port number from 1 to 65535, got "${rawPort}".` };
  const options: CliOptions = { port, host: env.MOCK_HOST || '127.0.0.1', dynamic: false, logLevel: 'warn', help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--verbose') options.logLevel = 'info';
    else if (arg === '--dynamic') options.dynamic = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--log-level' || arg === '--spec') {
      const value = args[++i];
      if (value === undefined) return { ok: false, message: `${arg} needs a value (see --help).` };
      if (arg === '--spec') options.specPath = value;
      else if (LEVELS.includes(value as LogLevel)) options.logLevel = value as LogLevel;
      else return { ok: false, message: `--log-level must be one of ${LEVELS.join(', ')}, got "${value}".` };
    } else return { ok: false, message: `Unknown option "${arg}" (see --help).` };
  }
  return { ok: true, options };
}

/** The one line that says why the mock could not start. */
export function describeStartFailure(error: unknown, options: CliOptions): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'EADDRINUSE') return `Port ${options.port} is already in use: stop what listens there or set MOCK_PORT to a free port.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${options.port}: set MOCK_PORT to a port above 1023.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `MOCK_HOST "${options.host}" is not an address of this machine.`;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not start the mock: ${message.split('\n', 1)[0]}`;
}
