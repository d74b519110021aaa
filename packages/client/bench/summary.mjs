// Prints the client-vs-openapi-fetch ratios from `vitest bench --outputJson`: per round (each round ran
// ours, then openapi-fetch, back to back) by mean ops/s and by median latency, and the median over rounds.
import { readFileSync } from 'node:fs';
import { median } from './fixture.mjs';

const file = process.argv[2] ?? '.bench/client.json';
const benches = JSON.parse(readFileSync(file, 'utf8')).files.flatMap((f) => f.groups.flatMap((g) => g.benchmarks));
const byName = new Map(benches.map((b) => [b.name, b]));
const rows = [];
for (let round = 1; byName.has(`@session-obs/client #${round}`); round++) {
  const ours = byName.get(`@session-obs/client #${round}`);
  const plain = byName.get(`openapi-fetch alone #${round}`);
  rows.push({ round, ours: Math.round(ours.hz), plain: Math.round(plain.hz), hz: ours.hz / plain.hz, med: plain.median / ours.median });
}
if (!rows.length) throw new Error(`no "@session-obs/client #N" results in ${file}`);
const fmt = (x) => `${x.toFixed(2)}×`;
console.log('\nround  ours ops/s  openapi-fetch ops/s  ratio (mean ops/s)  ratio (median latency)');
for (const r of rows)
  console.log(
    `${String(r.round).padStart(5)}  ${String(r.ours).padStart(10)}  ${String(r.plain).padStart(19)}  ${fmt(r.hz).padStart(18)}  ${fmt(r.med).padStart(22)}`,
  );
const hz = median(rows.map((r) => r.hz));
const med = median(rows.map((r) => r.med));
console.log(`median over ${rows.length} rounds: ${fmt(hz)} by mean ops/s, ${fmt(med)} by median latency (in-memory guard >= 0.85×)`);
