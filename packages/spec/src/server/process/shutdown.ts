// How a server process ends: on Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) it says so and
// stops gracefully; a second signal while stopping exits at once. A server started by a parent process
// through `startChildServer` also stops when that parent goes away, however it died (its stdin, a pipe
// from the parent, closes): a closed terminal or a killed `npm start` never leaves a server holding its port.
// A server started by `npx session-obs-mock` (the READMEs' command) stops when that npx ends too:
// `kill -TERM <npx pid>` ends npm and its `sh` without passing the signal on, and the server, re-parented,
// would keep its port forever. A server started any other way (directly, `nohup … &` in a package script,
// `setsid`, an orchestrator's exec) is never watched, so it can be daemonised on purpose.

/**
 * The environment variable `startChildServer` sets (`1`) on a child that should stop with its parent; `0` keeps
 * a server started by npx running after npx ends.
 */
export const PARENT_WATCH_VARIABLE = 'SESSION_OBS_STOP_WITH_PARENT';

/** How often a server started by npx checks that its parent is still the one it started with. */
const REPARENT_POLL_MS = 500;

/**
 * Whether `npx` (`npm exec`) started this process: it names its run `npx`. A package script's event is the
 * script's name, and every process under it inherits that, so `nohup … &` in a script is not watched.
 */
export function startedByNpx(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.npm_lifecycle_event === 'npx';
}

/** The parent this process started with, read when the CLI loads (an npx killed during a slow start-up still counts). */
const startingParent = process.ppid;

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
  // Already re-parented at load (to init, pid 1): started in the background by a command that has ended.
  if (process.env[PARENT_WATCH_VARIABLE] !== '0' && startedByNpx() && startingParent !== 1) {
    // The parent's end is seen as a change of parent (to init or a subreaper); polling is the only portable way.
    const timer = setInterval(() => {
      if (process.ppid !== startingParent) {
        clearInterval(timer);
        run('the npx that started it ended');
      }
    }, REPARENT_POLL_MS);
    timer.unref();
  }
}
