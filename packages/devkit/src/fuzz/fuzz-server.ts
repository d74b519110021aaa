// The fuzz run every server's tests share: thousands of generated hostile requests (a fixed, printed seed
// makes a run repeatable), a few at a time, each on its own connection; then a probe that proves the
// server still answers. A run fails on a hang, a 5xx, an unreachable server, or whatever `check` finds
// wrong with an answer.
import fc from 'fast-check';
import { hostileRequests, printable, type HostileRequest, type HostileRequestOptions } from './hostile-requests.js';
import { ExchangeError, rawExchange, type RawAnswer } from './raw-exchange.js';

export interface FuzzOptions extends HostileRequestOptions {
  /** Base URL of the running server, `http://127.0.0.1:PORT`. */
  url: string;
  /** How many requests. Default: FUZZ_RUNS or 3 000. */
  runs?: number;
  /** The fast-check seed. Default: FUZZ_SEED or a random one (printed in the report). */
  seed?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** An exchange longer than this counts as a hang, in ms. Default 30 000 (a hang detector, not a speed bound). */
  hangAfterMs?: number;
  /** A server-specific judgement of one answer: a problem to report, or undefined when it is fine. */
  check?: (request: HostileRequest, answer: RawAnswer) => string | undefined;
  /** A well-formed request the server must still answer with 2xx after the run: a path with query. */
  probePath: string;
}

export interface FuzzReport {
  seed: number;
  sent: number;
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** Requests the server closed without answering. */
  unanswered: number;
  /** One line per failed request (capped at 20), and a failed probe. */
  failures: string[];
}

const MAX_FAILURES = 20;

/** Fires hostile requests at a running server and reports what went wrong (an empty `failures` is a pass). */
export async function fuzzServer(options: FuzzOptions): Promise<FuzzReport> {
  const { hostname, port } = new URL(options.url);
  const seed = options.seed ?? (Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31));
  const runs = options.runs ?? (Number(process.env.FUZZ_RUNS) || 3000);
  const requests = fc.sample(hostileRequests(options), { seed, numRuns: runs });
  const report: FuzzReport = { seed, sent: 0, statuses: {}, unanswered: 0, failures: [] };
  const fail = (index: number, request: HostileRequest, problem: string) => {
    if (report.failures.length < MAX_FAILURES) report.failures.push(`#${index} ${problem} ← ${printable(request)}`);
  };

  let next = 0;
  let unreachable = false;
  // The requests the server closed without answering last: when it goes away, the culprit is among them.
  const lastUnanswered: string[] = [];
  const worker = async () => {
    while (next < requests.length && !unreachable) {
      const index = next++;
      const request = requests[index]!;
      report.sent++;
      try {
        const answer = await rawExchange(request.bytes, {
          host: hostname,
          port: Number(port),
          method: request.method,
          hangAfterMs: options.hangAfterMs ?? 30_000,
        });
        if (answer.status === undefined) {
          report.unanswered++;
          lastUnanswered.push(`#${index} ${printable(request, 200)}`);
          if (lastUnanswered.length > 8) lastUnanswered.shift();
          continue;
        }
        report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
        if (answer.status >= 500) fail(index, request, `answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 300)}`);
        const problem = options.check?.(request, answer);
        if (problem) fail(index, request, problem);
      } catch (error) {
        const exchange = error instanceof ExchangeError ? error : new ExchangeError('unreachable', String(error));
        if (exchange.code === 'hang') fail(index, request, exchange.message);
        else if (!unreachable) {
          unreachable = true;
          const suspects = lastUnanswered.length ? lastUnanswered.join('\n  ') : '(none)';
          report.failures.push(
            `#${index} the server went away (${exchange.message}); the last requests it closed without answering:\n  ${suspects}`,
          );
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));

  const probe = await fetch(`${options.url}${options.probePath}`, { headers: { Authorization: `Bearer ${options.token}` } }).catch(
    (error: unknown) => error as Error,
  );
  if (probe instanceof Error) report.failures.push(`probe ${options.probePath} after the run failed: ${probe.message}`);
  else if (!probe.ok) report.failures.push(`probe ${options.probePath} after the run answered ${probe.status}`);
  return report;
}

/** The report as a few lines for a failed assertion: seed (to repeat the run with FUZZ_SEED), counts, failures. */
export function describeReport(report: FuzzReport): string {
  const statuses = Object.entries(report.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  return [
    `seed ${report.seed} (FUZZ_SEED=${report.seed} repeats it): ${report.sent} sent, ${statuses}, ${report.unanswered} unanswered`,
    ...report.failures,
  ].join('\n');
}
