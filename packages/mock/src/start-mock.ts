// Starting the mock as a child process for tests and scripts: its own process group, its output always
// drained, stopped with its group on stop and when this process exits (the dev kit, inlined at build).
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, localUrl, startChildServer } from '@session-obs/spec/server';
import type { LogLevel } from './prism-engine.js';

export interface MockOptions {
  /** Port to listen on; `0` or omitted picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** OpenAPI document to serve. Default: the spec bundled in the package. */
  specPath?: string;
  /** Generate responses from the schemas instead of the named examples. Default false. */
  dynamic?: boolean;
  /** Log level. Default `warn`; `info` logs every request. */
  logLevel?: LogLevel;
  /** Receives every line the mock prints (its output is always drained so it never stalls). */
  onLog?: (line: string) => void;
  /** More CLI arguments (`--cors-origins`, `--allowed-hosts`, …; see `session-obs-mock --help`). */
  args?: string[];
  /** How long to wait for the mock to listen. Default 60 000 ms. */
  readyTimeoutMs?: number;
}

export interface RunningMock {
  /** Base URL of the mock, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** The mock's process (the leader of its own process group). */
  process: ChildProcess;
  /** Stops the mock; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Why the mock did not start: the CLI's own one-line reason (port taken, unreadable spec, …). */
export class MockStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MockStartError';
  }
}

/** The CLI entry point (built). */
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Starts `session-obs-mock` and resolves once it prints that it is ready. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = options.port || (await freePort(host));
  } catch (error) {
    // An address this machine does not have (EADDRNOTAVAIL) fails here, before the CLI could say so.
    throw new MockStartError(`cannot listen on ${host}: ${(error as Error).message}`, { cause: error });
  }
  const args = [cliPath, '--log-level', options.logLevel ?? 'warn'];
  if (options.specPath) args.push('--spec', options.specPath);
  if (options.dynamic) args.push('--dynamic');
  args.push(...(options.args ?? []));
  const url = localUrl(host, port);
  try {
    const { process: child, stop } = await startChildServer({
      name: 'the mock',
      args,
      url,
      readyLine: /Mock server ready/,
      env: { ...process.env, MOCK_PORT: String(port), MOCK_HOST: host },
      onLog: options.onLog,
      readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
    });
    return { url, port, process: child, stop };
  } catch (error) {
    // The CLI says what went wrong in one line starting with ✖; that line is the error.
    const reason = /^✖ (.+)$/m.exec(error instanceof Error ? error.message : '')?.[1];
    throw reason ? new MockStartError(reason, { cause: error }) : error;
  }
}
