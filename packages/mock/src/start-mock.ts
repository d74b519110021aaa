import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort } from './free-port.js';
import { stopChild, trackChild } from './process-group.js';

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

  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  const url = `http://${host}:${port}`;

  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onLog?.(line);
      if (/Prism is listening on/.test(line)) resolve();
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`Prism exited before it was ready (code ${code}, signal ${signal}).\n${output.join('\n')}`)),
    );
  });

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Prism did not listen on ${url} within ${timeoutMs} ms.\n${output.join('\n')}`)), timeoutMs);
  });
  try {
    // Prism's own "listening" line is printed at `info`; at quieter levels poll the port instead.
    await Promise.race([ready, waitForHttp(url, child), timeout]);
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { url, port, process: child, stop: () => stopChild(child) };
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
