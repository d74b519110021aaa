// The sandbox and the mock as a consumer starts them: their installed bins, run from the scratch project by
// its package manager (`npx @session-obs/sandbox`, `pnpm exec session-obs-sandbox`) on a free port.
import { freePort, startChildServer } from '@session-obs/devkit';
import type { PackageManager, ScratchProject } from './scratch-project.js';

/** The sandbox's default token, the one a consumer who configures nothing sends. */
export const SANDBOX_TOKEN = 'metorial_sk_sandbox_dev';

export interface InstalledServer {
  url: string;
  /** Every line it printed so far. */
  lines: string[];
  stop(): Promise<void>;
}

/** How each package manager runs a bin of an installed package. */
export function execCommand(manager: PackageManager, bin: string, args: string[]): { command: string; args: string[] } {
  return manager === 'npm' ? { command: 'npx', args: [bin, ...args] } : { command: 'pnpm', args: ['exec', bin, ...args] };
}

interface StartOptions {
  /** What to run: a bin name or, with npx, a package name. */
  bin: string;
  args?: (port: number) => string[];
  env?: (port: number) => NodeJS.ProcessEnv;
  readyLine: RegExp;
  name: string;
}

/** Starts an installed server from the project; resolves once it printed its ready line. */
async function startInstalled(project: ScratchProject, options: StartOptions): Promise<InstalledServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const { command, args } = execCommand(project.manager, options.bin, options.args?.(port) ?? []);
  const child = await startChildServer({
    name: `${options.name} (${[command, ...args].join(' ')} in ${project.dir})`,
    command,
    args,
    cwd: project.dir,
    env: { ...project.env, ...options.env?.(port) },
    url,
    readyLine: options.readyLine,
    onLog: (line) => lines.push(line),
    readyTimeoutMs: 120_000,
  });
  return { url, lines, stop: () => child.stop() };
}

/** `npx session-obs-sandbox --port <free>` (or pnpm exec) with `args`; ready when it says so. */
export function startInstalledSandbox(project: ScratchProject, args: string[] = [], bin = 'session-obs-sandbox'): Promise<InstalledServer> {
  return startInstalled(project, {
    name: 'the installed sandbox',
    bin,
    args: (port) => ['--port', String(port), ...args],
    readyLine: /Sandbox ready/,
  });
}

/** `npx session-obs-mock` (or pnpm exec) on a free MOCK_PORT, as its README starts it; ready when it says so. */
export function startInstalledMock(project: ScratchProject, bin = 'session-obs-mock'): Promise<InstalledServer> {
  return startInstalled(project, {
    name: 'the installed mock',
    bin,
    env: (port) => ({ MOCK_PORT: String(port) }),
    readyLine: /Mock server ready/,
  });
}
