import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort, startChildServer } from '@session-obs/devkit';

const require = createRequire(import.meta.url);

export interface MockOptions {
  /** Port to listen on; `0` or omitted picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** OpenAPI document to serve. Default: the bundled spec of `@session-obs/spec`. */
  specPath?: string;
  /** Generate responses from the schemas instead of the named examples. Default false. */
  dynamic?: boolean;
  /** Prism's log level. Default `warn` (Prism's per-request logging halves its throughput). */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** Receives every line Prism prints (its output is always drained so it never stalls). */
  onLog?: (line: string) => void;
  /** How long to wait for Prism to listen. Default 60 000 ms. */
  readyTimeoutMs?: number;
}

export interface RunningMock {
  /** Base URL of the mock, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** The Prism process (the leader of its own process group). */
  process: ChildProcess;
  /** Stops Prism and everything it started; resolves once it has exited. */
  stop(): Promise<void>;
}

/** The bundled spec file the mock serves by default. */
export function defaultSpecPath(): string {
  return require.resolve('@session-obs/spec/openapi.json');
}

/** Starts a Prism mock over the bundled spec and resolves when it accepts requests. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const specPath = options.specPath ?? defaultSpecPath();
  const prismBin = require.resolve('@stoplight/prism-cli/dist/index.js');
  const args = [prismBin, 'mock', specPath, '-h', host, '-p', String(port), '-v', options.logLevel ?? 'warn'];
  if (options.dynamic) args.push('--dynamic');

  const url = `http://${host}:${port}`;
  const { process: child, stop } = await startChildServer({
    name: 'Prism',
    args,
    url,
    readyLine: /Prism is listening on/,
    // Prism prints its "listening" line at `info`; at quieter levels its port is polled instead.
    alsoReady: (prism) => waitForHttp(url, prism),
    onLog: options.onLog,
    readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
  });
  return { url, port, process: child, stop };
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return new Promise<void>(() => {}); // the exit handler of `ready` reports the failure
}
