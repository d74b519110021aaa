// How a server process ends: on Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) it says so and
// stops gracefully; a second signal while stopping exits at once. A server started by a parent process
// through `startChildServer` also stops when that parent goes away, however it died (its stdin, a pipe
// from the parent, closes): a closed terminal or a killed `npm start` never leaves a server holding its port.

/** The environment variable `startChildServer` sets on a child that should stop with its parent. */
export const PARENT_WATCH_VARIABLE = 'SESSION_OBS_STOP_WITH_PARENT';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `stop` once on the first of SIGINT, SIGTERM, SIGHUP (or the parent's exit, see above), after printing
 * `Stopping <name>…`; then exits with code 0 (1 when `stop` fails).
 */
export function stopOnSignals(name: string, stop: () => Promise<void>, print: (line: string) => void = console.log): void {
  let stopping = false;
  const run = (why: string) => {
    if (stopping) {
      process.exit(130);
    }
    stopping = true;
    print(`Stopping ${name}… (${why})`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`✖ ${name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, () => run(signal));
  if (process.env[PARENT_WATCH_VARIABLE] === '1' && !process.stdin.isTTY) {
    process.stdin.on('end', () => run('its parent process ended'));
    process.stdin.on('error', () => run('its parent process ended'));
    process.stdin.resume();
  }
}
