// A second, steadier measure of the same question as client.bench.ts: our client vs openapi-fetch alone on
// the same in-memory fetch, in paired rounds. Each round times 500 calls of openapi-fetch, then 500 of ours,
// then 500 of openapi-fetch again; the round's ratio is ours against the mean of the two around it, so drift
// of a shared machine cancels out. Prints the median over the rounds against the in-memory guard (>= 0.85×).
// Uses the build (dist).
import createFetchClient from 'openapi-fetch';
import { createClient } from '../dist/index.js';
import { BASE, TOKEN, median, mockFetch, timeCalls } from './fixture.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const CALLS = 500;
/** The in-memory performance guard: ours at least this fraction of openapi-fetch's ops/s. */
const GUARD = 0.85;

const plain = createFetchClient({ baseUrl: BASE, fetch: mockFetch, headers: { Authorization: `Bearer ${TOKEN}` } });
const contenders = {
  '@session-obs/client (defaults: 30 s timeout, 2 retries)': createClient({ baseUrl: BASE, token: TOKEN, fetch: mockFetch }),
  '@session-obs/client, timeoutMs: 0': createClient({ baseUrl: BASE, token: TOKEN, fetch: mockFetch, timeoutMs: 0 }),
};

const time = (client) => timeCalls(client, CALLS);
const ratios = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const extra = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
const plainUs = [];
const WARMUP = 3;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  let before = await time(plain);
  for (const [name, client] of Object.entries(contenders)) {
    const ours = await time(client);
    const after = await time(plain);
    if (round >= WARMUP) {
      ratios[name].push((before + after) / 2 / ours);
      extra[name].push(ours - (before + after) / 2);
      plainUs.push(after);
    }
    before = after;
  }
  if (round >= WARMUP && (round - WARMUP + 1) % 10 === 0) process.stderr.write(`paired rounds: ${round - WARMUP + 1}/${ROUNDS}\n`);
}
console.log(`\nPaired rounds (${ROUNDS} × ${CALLS} calls each; openapi-fetch alone: median ${median(plainUs).toFixed(1)} µs/call)`);
for (const name of Object.keys(contenders)) {
  const us = median(extra[name]);
  const ratio = median(ratios[name]);
  console.log(
    `${name}: ${ratio.toFixed(3)}× openapi-fetch's ops/s, ${us >= 0 ? '+' : ''}${us.toFixed(1)} µs/call (median); guard >= ${GUARD}×: ${ratio >= GUARD ? 'met' : 'NOT met'}`,
  );
}
