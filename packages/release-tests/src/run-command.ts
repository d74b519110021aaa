// Running a command to its end and keeping what it printed: installs, compilers, consumer scripts. Each runs
// in its own process group, killed when this process exits or the command outlives its time limit.
import { spawn } from 'node:child_process';
import { killGroup, trackChild } from '@session-obs/devkit';

export interface CommandResult {
  /** The exit code, or `null` when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Stop the command (its whole process group) after this many ms; it then resolves with code `null`. */
  timeoutMs?: number;
}

/** A command that exited with a non-zero code: the command line and the end of its output. */
export class CommandFailedError extends Error {
  override readonly name = 'CommandFailedError';
  constructor(
    readonly commandLine: string,
    readonly result: CommandResult,
  ) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
    super(`\`${commandLine}\` exited with ${result.code}:\n${tail}`);
  }
}

/** Runs `command args…` and resolves with its exit code and output, whatever the code. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    trackChild(child);
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `command args…` and resolves with its output; rejects with a `CommandFailedError` unless it exits with 0. */
export async function runChecked(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) throw new CommandFailedError([command, ...args].join(' '), result);
  return result;
}
