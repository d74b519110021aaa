// Starting the sandbox as a child process (tests, `pnpm start`, the benchmark): its own process
// group, output always drained, killed with its group on stop and when this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, stopChild, trackChild } from '@session-obs/mock';

export interface StartSandboxOptions {
  /** Port; `0`/omitted picks a free one. */
  port?: number;
  host?: string;
  /** Database file, or `:memory:` (the default here: a fresh, seeded store per process). */
  db?: string;
  seed?: number;
  sessions?: number;
  errors?: number;
  /** Accepted bearer tokens. */
  tokens?: string[];
  /** `<capacity>:<per-second>`; off when omitted. */
  rateLimit?: string;
  /** Validate every response against the spec (a mismatch becomes a 500). */
  validateResponses?: boolean;
  groupingIntervalMs?: number;
  /** More CLI arguments. */
  args?: string[];
  /** Receives every output line. */
  onLog?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Path of the CLI entry point (built). */
export const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Starts `session-obs-sandbox serve` and resolves once it prints that it is ready. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const args = [cliPath, 'serve', '--port', String(port), '--host', host, '--db', options.db ?? ':memory:'];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.sessions !== undefined) args.push('--sessions', String(options.sessions));
  if (options.errors !== undefined) args.push('--errors', String(options.errors));
  if (options.tokens) args.push('--tokens', options.tokens.join(','));
  if (options.rateLimit) args.push('--rate-limit', options.rateLimit);
  if (options.validateResponses) args.push('--validate-responses');
  if (options.groupingIntervalMs !== undefined) args.push('--grouping-interval-ms', String(options.groupingIntervalMs));
  args.push(...(options.args ?? []));
  const env = { ...process.env };
  delete env.SANDBOX_PORT;
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  trackChild(child);
  const output: string[] = [];
  const url = `http://${host}:${port}`;
  const ready = new Promise<void>((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split(/\r?\n|\r/);
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          output.push(line);
          if (output.length > 50) output.shift();
          options.onLog?.(line);
          if (line.includes('Sandbox ready')) resolve();
        }
      });
    }
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the sandbox exited before it was ready (code ${code}, signal ${signal}).\n${output.join('\n')}`)));
  });
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the sandbox was not ready on ${url} within ${timeoutMs} ms.\n${output.join('\n')}`)), timeoutMs);
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { url, port, process: child, stop: () => stopChild(child, 10_000) };
}
