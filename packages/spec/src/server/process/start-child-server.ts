// Starting a server as a child process and waiting until it is ready: what `startMock` and `startSandbox`
// run, and what tests and benchmarks use for their helper servers. The child leads its own process group;
// its output is always drained (a full pipe would stall it) and its last lines go into any error; it is
// killed with its group on stop, on a failed start, and when this process exits. Its stdin is a pipe from
// this process: our servers stop when it closes (see `stopOnSignals`), so they also end when this process
// is killed outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild, trackChild } from './process-group.js';
import { PARENT_WATCH_VARIABLE } from './shutdown.js';

/** How to start a server as a child process and know it is ready. */
export interface ChildServerOptions {
  /** What the child is, for messages: "Prism", "the sandbox". */
  name: string;
  /** Arguments to `node` (the script first), or to `command` when given. */
  args: string[];
  /** The program to run instead of `node` (e.g. `npx`, to start a server as a consumer's project does). */
  command?: string;
  /** The working directory of the child (default: this process's). */
  cwd?: string;
  /** The URL it will answer on, for messages. */
  url: string;
  /** An output line that says it is ready. */
  readyLine: RegExp;
  /** Another way to learn that it is ready (e.g. polling its port), raced with `readyLine`. */
  alsoReady?: (child: ChildProcess) => Promise<void>;
  env?: NodeJS.ProcessEnv;
  /** Receives every output line (stdout and stderr). */
  onLog?: (line: string) => void;
  /** How long to wait for readiness, in ms. */
  readyTimeoutMs: number;
  /** Grace between SIGTERM and SIGKILL on stop, in ms. Default 3 000. */
  stopGraceMs?: number;
}

/** A started child server: where it listens and how to stop it. */
export interface RunningChild {
  process: ChildProcess;
  /** Stops the child and its process group; resolves once it has exited. */
  stop(): Promise<void>;
}

/** The number of output lines kept for error messages. */
const KEPT_LINES = 50;

/** Spawns `node <args>` (or `command <args>`) and resolves once it is ready; rejects (having stopped it) if it exits or is late. */
export async function startChildServer(options: ChildServerOptions): Promise<RunningChild> {
  const { name, url, readyTimeoutMs } = options;
  const child = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...(options.env ?? process.env), [PARENT_WATCH_VARIABLE]: '1' },
  });
  // Nothing is ever written; the pipe only tells the child when this process is gone.
  child.stdin?.on('error', () => undefined);
  trackChild(child);
  const output: string[] = [];
  const lastLines = () => output.join('\n');

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
          if (output.length > KEPT_LINES) output.shift();
          options.onLog?.(line);
          if (options.readyLine.test(line)) resolve();
        }
      });
    }
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal}).\n${lastLines()}`)),
    );
  });

  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} was not ready on ${url} within ${readyTimeoutMs} ms.\n${lastLines()}`)),
      readyTimeoutMs,
    );
  });
  const stop = () => stopChild(child, options.stopGraceMs);
  try {
    await Promise.race([ready, late, ...(options.alsoReady ? [options.alsoReady(child)] : [])]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { process: child, stop };
}
