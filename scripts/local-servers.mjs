// What `pnpm start` and `pnpm dev` share: ports from the environment, the sandbox started with its
// store in packages/sandbox/.sandbox/, and one stop for everything on Ctrl-C or when a server dies.
import { fileURLToPath } from 'node:url';
import { DEFAULT_TOKEN, startSandbox } from '@session-obs/sandbox';

/** The port in env var `name` (else `fallback`); exits with a one-line error when it is not a port. */
export function portFromEnv(name, fallback) {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`✖ ${name} must be a port number from 1 to 65535, got "${raw}".`);
    process.exit(2);
  }
  return value;
}

/** A one-line message for a server that could not listen on its port. */
export function portError(error, port, variable) {
  return /EADDRINUSE|is in use/.test(`${error.code} ${error.message}`)
    ? `port ${port} is in use: set ${variable} to another port.`
    : error.message;
}

/**
 * Everything started, stopped together on Ctrl-C, SIGTERM, a closed terminal (SIGHUP) or when one of them
 * exits on its own. The servers are child processes in their own process groups, so a signal to this
 * group reaches only this process: it must stop them. Should it die first anyway, each server stops by
 * itself when its stdin (a pipe from this process) closes.
 */
export function serverGroup() {
  const running = [];
  let stopping = false;
  const stopAll = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await Promise.allSettled(running.map((server) => server.stop()));
    process.exit(code);
  };
  // A closed terminal fails writes to it: stopping must not die on a log line.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => stopAll(0));
  return {
    stopAll,
    /** Adds a server (`{ stop }`); with `process` and `name`, its unexpected exit stops everything. */
    add(server, name) {
      running.push(server);
      server.process?.once('exit', (code) => {
        if (stopping) return;
        console.error(`✖ ${name} exited unexpectedly (code ${code}).`);
        stopAll(1);
      });
      return server;
    },
  };
}

/** Starts the sandbox on `port` with its store in packages/sandbox/.sandbox/; resolves with it and its token. */
export async function startLocalSandbox(port) {
  const sandbox = await startSandbox({
    port,
    db: process.env.SANDBOX_DB ?? fileURLToPath(new URL('../packages/sandbox/.sandbox/sandbox.db', import.meta.url)),
    onLog: (line) => console.log(`  [sandbox] ${line}`),
  }).catch((error) => {
    throw new Error(portError(error, port, 'SANDBOX_PORT'));
  });
  return { sandbox, token: process.env.SANDBOX_TOKENS?.split(',')[0] ?? DEFAULT_TOKEN };
}
