// The spec author's loop, one named step at a time: bundle → publish (docs rewritten, open pages
// reloaded) → lint → follow-ups (mock restart, types, Spectral) in the background. A bundle that fails
// or a spec the docs cannot render prints its error and publishes nothing, so the last good build keeps
// being served. Runs never overlap: changes during a run trigger one more run after it.

const ms = (start, now) => `${Math.round(now() - start)} ms`;
const indent = (lines) => lines.map((line) => `    ${line}`).join('\n');

/**
 * The loop over injected steps: `bundle()` → `{ ok, spec, json, yaml }` or `{ ok: false, problems }`;
 * `publish(result)` makes the new build visible; `lint()` → finding lines; each `followUps[i].run(result)`
 * runs in the background after a publish (one at a time, always on the latest good bundle).
 */
export function createDevLoop({ bundle, publish, lint, followUps = [], log = console.log, now = () => performance.now() }) {
  let running;
  let again = false;
  let background;
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
          log(`✖ ${step.name}: ${error.message}`);
        }
      }
    }
    background = undefined;
  }

  async function rebuild(reason) {
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
      log(`✖ the docs cannot render this spec; the last good build is still served:\n${indent([error.message])}`);
      return { ok: false, problems: [error.message] };
    }
    log(`✔ docs rebuilt and open pages reloaded (${ms(started, now)})`);
    const findings = await lint();
    log(findings.length ? `⚠ redocly lint: ${findings.length} finding(s):\n${indent(findings)}` : '✔ redocly lint: no findings');
    latest = result;
    background ??= runFollowUps();
    return result;
  }

  async function drain(reason) {
    let result;
    do {
      again = false;
      result = await rebuild(reason);
      reason = 'changed during the last rebuild';
    } while (again);
    running = undefined;
    return result;
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
