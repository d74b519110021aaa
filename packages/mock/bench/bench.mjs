// `pnpm bench` (mock): the mock against Prism alone on the same list operation, in one run. "Prism alone"
// is `prism mock <spec> -v warn`, which is also what the mock was before it ran Prism in-process; the mock
// must stay within 10 % of it. The two servers take turns (ROUNDS rounds each, after one warm-up each) so
// that load from elsewhere on the machine falls on both; the median round of each is compared.
// BENCH_DURATION (s per round), BENCH_CONNECTIONS and BENCH_ROUNDS override the defaults.
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { freePort, startChildServer } from '@session-obs/devkit';
import { defaultSpecPath, startMock } from '../dist/index.js';

const require = createRequire(import.meta.url);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PATH = '/session-errors?limit=20';
const HEADERS = { Authorization: 'Bearer bench' };

/** Prism's own CLI serving the same spec at `-v warn`. */
async function startPrismAlone() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const prism = require.resolve('@stoplight/prism-cli/dist/index.js');
  const child = await startChildServer({
    name: 'Prism',
    args: [prism, 'mock', defaultSpecPath(), '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'],
    url,
    readyLine: /Prism is listening/,
    // At `warn` Prism prints nothing when it is ready: poll its port.
    alsoReady: async () => {
      for (;;) {
        if (
          await fetch(url).then(
            () => true,
            () => false,
          )
        )
          return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    readyTimeoutMs: 60_000,
  });
  return { url, stop: child.stop };
}

/** One autocannon round; fails on any non-2xx answer so that both servers are measured doing the same work. */
async function round(url, duration) {
  const result = await autocannon({ url: url + PATH, connections: CONNECTIONS, duration, headers: HEADERS });
  if (result.non2xx || result.errors) throw new Error(`${url}${PATH}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const servers = [
  { name: 'Prism alone (-v warn), the mock before', start: startPrismAlone },
  { name: 'the mock (Prism in-process)', start: () => startMock({ logLevel: 'warn' }) },
];
const running = [];
try {
  for (const server of servers) running.push({ ...server, instance: await server.start(), rounds: [] });
  const loadBefore = loadavg()[0];
  for (const server of running) await round(server.instance.url, 2);
  for (let i = 1; i <= ROUNDS; i++) {
    for (const server of running) {
      console.log(`▸ round ${i}/${ROUNDS}: ${server.name}…`);
      server.rounds.push(await round(server.instance.url, DURATION));
    }
  }
  const [prism, mock] = running.map((server) => ({
    name: server.name,
    rps: median(server.rounds.map((r) => r.rps)),
    p50: median(server.rounds.map((r) => r.p50)),
    p99: median(server.rounds.map((r) => r.p99)),
    all: server.rounds.map((r) => Math.round(r.rps)).join(' / '),
  }));
  const ratio = mock.rps / prism.rps;
  const row = (s) => `| ${s.name} | ${Math.round(s.rps).toLocaleString('en-US')} | ${s.all} | ${s.p50} / ${s.p99} |`;
  console.log(
    [
      '',
      `GET ${PATH}; autocannon ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION} s after a 2 s warm-up each;`,
      `Node ${process.version}, ${cpus().length} cores; 1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.`,
      '',
      '| server | req/s (median) | req/s per round | p50 / p99 ms |',
      '| --- | ---: | ---: | ---: |',
      row(prism),
      row(mock),
      '',
      `the mock ÷ Prism alone: ${ratio.toFixed(2)}× (must be ≥ 0.90)`,
    ].join('\n'),
  );
  if (ratio < 0.9) process.exitCode = 1;
} finally {
  await Promise.allSettled(running.map((server) => server.instance.stop()));
}
