// @ts-check
// The spec author's loop, one named step at a time: bundle → publish (docs rewritten, open pages
// reloaded) → lint → follow-ups (mock restart, types, Spectral) in the background. A bundle that fails
// or a spec the docs cannot render prints its error and publishes nothing, so the last good build keeps
// being served. Runs never overlap: changes during a run trigger one more run after it.

/** @typedef {import('./spec-tree.js').BundleResult} BundleResult */
/** @typedef {Extract<BundleResult, { ok: true }>} GoodBundle */
/**
 * A step that runs in the background after each published bundle.
 * @typedef {{ name: string, run(result: GoodBundle): Promise<unknown> }} FollowUp
 */

const ms = (/** @type {number} */ start, /** @type {() => number} */ now) => `${Math.round(now() - start)} ms`;
/** The message of anything thrown. */
export const errorMessage = (/** @type {unknown} */ error) => (error instanceof Error ? error.message : String(error));
const indent = (/** @type {string[]} */ lines) => lines.map((line) => `    ${line}`).join('\n');

/**
 * The loop over injected steps: `bundle()` → `{ ok, spec, json, yaml }` or `{ ok: false, problems }`;
 * `publish(result)` makes the new build visible; `lint()` → finding lines; each `followUps[i].run(result)`
 * runs in the background after a publish (one at a time, always on the latest good bundle).
 * @param {{ bundle(): Promise<BundleResult>, publish(result: GoodBundle): unknown, lint(): Promise<string[]>, followUps?: FollowUp[], log?: (line: string) => void, now?: () => number }} steps
 * @returns {{ trigger(reason?: string): Promise<BundleResult>, idle(): Promise<void> }}
 */
export function createDevLoop({ bundle, publish, lint, followUps = [], log = console.log, now = () => performance.now() }) {
  /** @type {Promise<BundleResult> | undefined} */
  let running;
  let again = false;
  /** @type {Promise<void> | undefined} */
  let background;
  /** @type {GoodBundle | undefined} */
  let latest;

  async function runFollowUps() {
    while (latest) {
      const result = latest;
      latest = undefined;
      for (const step of followUps) {
        const started = now();
        try {
          await step.run(result);
          log(`✔ ${step.name} (${ms(started, now)})`);
        } catch (error) {
          log(`✖ ${step.name}: ${errorMessage(error)}`);
        }
      }
    }
  }

  // `background` is cleared only once the run has settled (a run with nothing to do settles at once), and
  // a bundle that arrived in between starts the next run.
  function startFollowUps() {
    background ??= runFollowUps().finally(() => {
      background = undefined;
      if (latest) startFollowUps();
    });
  }

  /** @returns {Promise<BundleResult>} */
  async function rebuild(/** @type {string} */ reason) {
    const started = now();
    log(`▸ ${reason}: rebuilding…`);
    const result = await bundle();
    if (!result.ok) {
      log(`✖ the spec does not bundle; the last good build is still served:\n${indent(result.problems)}`);
      return result;
    }
    try {
      await publish(result);
    } catch (error) {
      log(`✖ the docs cannot render this spec; the last good build is still served:\n${indent([errorMessage(error)])}`);
      return { ok: false, problems: [errorMessage(error)] };
    }
    log(`✔ docs rebuilt and open pages reloaded (${ms(started, now)})`);
    try {
      const findings = await lint();
      log(findings.length ? `⚠ redocly lint: ${findings.length} finding(s):\n${indent(findings)}` : '✔ redocly lint: no findings');
    } catch (error) {
      log(`✖ redocly lint failed: ${errorMessage(error)}`);
    }
    latest = result;
    startFollowUps();
    return result;
  }

  // A step that throws must never leave `running` set: every later save would then only set `again`
  // and the served docs would stay stale for good.
  async function drain(/** @type {string} */ reason) {
    /** @type {BundleResult | undefined} */
    let result;
    try {
      do {
        again = false;
        result = await rebuild(reason).catch((/** @type {unknown} */ error) => {
          log(`✖ rebuild failed; the last good build is still served: ${errorMessage(error)}`);
          return /** @type {BundleResult} */ ({ ok: false, problems: [errorMessage(error)] });
        });
        reason = 'changed during the last rebuild';
      } while (again);
    } finally {
      running = undefined;
    }
    return /** @type {BundleResult} */ (result);
  }

  return {
    /** Starts a rebuild now, or one more after the current one. */
    trigger(reason = 'spec changed') {
      if (running) again = true;
      else running = drain(reason);
      return running;
    },
    /** Resolves once no rebuild or follow-up is running. */
    async idle() {
      while (running || background) await (running ?? background);
    },
  };
}
