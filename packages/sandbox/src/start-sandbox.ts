// Starting the sandbox as a child process (tests, `pnpm start`, the benchmark), through the shared server layer's
// startChildServer: its own process group, output always drained, killed with
// its group on stop and when this process exits.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, localUrl, startChildServer } from '@session-obs/spec/server';

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

/** Path of the CLI entry point (built); the package's tests spawn it directly. */
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
  const url = localUrl(host, port);
  const { process: child, stop } = await startChildServer({
    name: 'the sandbox',
    args,
    url,
    readyLine: /Sandbox ready/,
    env,
    onLog: options.onLog,
    readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
    stopGraceMs: 10_000,
  });
  return { url, port, process: child, stop };
}
