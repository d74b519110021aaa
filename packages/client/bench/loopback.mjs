// The same question end to end: our client vs openapi-fetch alone with the real `fetch` (undici) against a
// local HTTP server in a child process, in paired rounds (openapi-fetch, ours, openapi-fetch). Here a call
// also pays for the socket, HTTP parsing and the server, so the ratio shows what the client's own work
// means next to a real round trip; the guard here is ours >= 0.95× openapi-fetch's ops/s. Uses the build (dist).
// The server is always stopped.
import { freePort, startChildServer } from '@session-obs/devkit';
import createFetchClient from 'openapi-fetch';
import { createClient } from '../dist/index.js';
import { LIST_BODY, TOKEN, median, timeCalls } from './fixture.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const CALLS = 300;
/** The performance guard over loopback HTTP (what users pay): ours at least this fraction of openapi-fetch's ops/s. */
const GUARD = 0.95;

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = await startChildServer({
  name: 'the loopback server',
  args: [
    '-e',
    `require('node:http').createServer((_, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(${JSON.stringify(LIST_BODY)}); }).listen(${port}, '127.0.0.1', () => console.log('listening'));`,
  ],
  url: base,
  readyLine: /listening/,
  readyTimeoutMs: 10_000,
});
try {
  const plain = createFetchClient({ baseUrl: base, headers: { Authorization: `Bearer ${TOKEN}` } });
  const ours = createClient({ baseUrl: base, token: TOKEN });

  const time = (client) => timeCalls(client, CALLS);
  const ratios = [];
  const extra = [];
  const plainUs = [];
  const WARMUP = 2;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const before = await time(plain);
    const us = await time(ours);
    const after = await time(plain);
    if (round < WARMUP) continue;
    ratios.push((before + after) / 2 / us);
    extra.push(us - (before + after) / 2);
    plainUs.push((before + after) / 2);
    if ((round - WARMUP + 1) % 5 === 0) process.stderr.write(`loopback rounds: ${round - WARMUP + 1}/${ROUNDS}\n`);
  }
  console.log(
    `\nLoopback HTTP, real fetch (${ROUNDS} paired rounds × ${CALLS} calls; openapi-fetch alone: median ${median(plainUs).toFixed(0)} µs/call)`,
  );
  const ratio = median(ratios);
  console.log(
    `@session-obs/client (defaults): ${ratio.toFixed(3)}× openapi-fetch's ops/s, ${median(extra) >= 0 ? '+' : ''}${median(extra).toFixed(1)} µs/call (median); guard >= ${GUARD}×: ${ratio >= GUARD ? 'met' : 'NOT met'}`,
  );
} finally {
  await server.stop();
}
