// `pnpm bench` (this package): what installing @session-obs/client costs a new project, measured side by side
// with its baseline, openapi-fetch alone (what the client wraps), in the same run. The packages are
// published by the release command to a local Verdaccio; each round installs into an empty project under
// the OS temp dir with npm, by name, and then makes the first call against a sandbox. With a cold cache npm
// fetches every package again (ours from Verdaccio, the rest from the npm registry); warm uses the machine's
// npm cache. Prints a table and writes .bench/install-footprint.json. BENCH_ROUNDS rounds (default 5).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@session-obs/sandbox';
import { consumerEnv } from '../src/consumer-env.js';
import { measureFolder, median } from '../src/folder-size.js';
import { releaseTestsDir } from '../src/paths.js';
import { publishWorkspace } from '../src/publish.js';
import { startRegistry } from '../src/registry.js';
import { runChecked } from '../src/run-command.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TOKEN = 'bench-token';

/** The first call each project makes: the client's, and the same GET with openapi-fetch alone. */
const FIRST_CALL = {
  '@session-obs/client': `import { createClient } from '@session-obs/client';
const client = createClient({ baseUrl: process.env.SANDBOX_URL, token: process.env.SANDBOX_TOKEN });
const page = await client.unwrap(client.GET('/session-errors', { params: { query: { limit: 5 } } }));
console.log(page.items.length);`,
  'openapi-fetch@0.17.0': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: process.env.SANDBOX_URL, headers: { Authorization: 'Bearer ' + process.env.SANDBOX_TOKEN } });
const { data } = await client.GET('/session-errors', { params: { query: { limit: 5 } } });
console.log(data.items.length);`,
};

interface Round {
  spec: string;
  cache: 'cold' | 'warm';
  installMs: number;
  firstCallMs: number;
  bytes: number;
  diskBytes: number;
  packages: number;
}

const work = mkdtempSync(join(tmpdir(), 'session-obs-install-bench-'));
const registry = await startRegistry(work);
const sandbox = await startSandbox({ tokens: [TOKEN], sessions: 5, errors: 50 });
const rounds: Round[] = [];
try {
  await publishWorkspace(registry.url, work);
  for (let round = 0; round < ROUNDS; round++)
    for (const cache of ['cold', 'warm'] as const)
      for (const [spec, firstCall] of Object.entries(FIRST_CALL)) {
        const dir = mkdtempSync(join(tmpdir(), 'session-obs-install-'));
        writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fresh', version: '1.0.0', private: true, type: 'module' }));
        writeFileSync(join(dir, '.npmrc'), `@session-obs:registry=${registry.url}\n`);
        writeFileSync(join(dir, 'first-call.mjs'), firstCall);
        const cacheDir = join(work, `npm-cache-${round}`);
        mkdirSync(cacheDir, { recursive: true });
        const env = consumerEnv({
          SANDBOX_URL: sandbox.url,
          SANDBOX_TOKEN: TOKEN,
          ...(cache === 'cold' ? { npm_config_cache: cacheDir } : {}),
        });
        const started = performance.now();
        await runChecked('npm', ['install', '--no-audit', '--no-fund', spec], { cwd: dir, env });
        const installed = performance.now();
        const { stdout } = await runChecked('node', ['first-call.mjs'], { cwd: dir, env });
        const called = performance.now();
        if (stdout.trim() !== '5') throw new Error(`the first call in ${dir} printed ${stdout}`);
        const { bytes, diskBytes, packages } = measureFolder(join(dir, 'node_modules'));
        rounds.push({ spec, cache, installMs: installed - started, firstCallMs: called - installed, bytes, diskBytes, packages });
        rmSync(dir, { recursive: true, force: true });
        rmSync(cacheDir, { recursive: true, force: true });
      }
} finally {
  await sandbox.stop();
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(`\nnpm install <package> in an empty project, then the first call (${ROUNDS} rounds; medians; load average ${load})`);
console.log('| package | npm cache | packages | node_modules (bytes) | on disk | npm install | first call | install → first answer |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const summary = [];
for (const cache of ['cold', 'warm'] as const)
  for (const spec of Object.keys(FIRST_CALL)) {
    const mine = rounds.filter((round) => round.spec === spec && round.cache === cache);
    const row = {
      spec,
      cache,
      packages: median(mine.map((round) => round.packages)),
      bytes: median(mine.map((round) => round.bytes)),
      diskBytes: median(mine.map((round) => round.diskBytes)),
      installMs: median(mine.map((round) => round.installMs)),
      firstCallMs: median(mine.map((round) => round.firstCallMs)),
      totalMs: median(mine.map((round) => round.installMs + round.firstCallMs)),
    };
    summary.push(row);
    console.log(
      `| ${spec} | ${cache} | ${row.packages} | ${kb(row.bytes)} | ${kb(row.diskBytes)} | ${seconds(row.installMs)} | ${seconds(row.firstCallMs)} | ${seconds(row.totalMs)} |`,
    );
  }
mkdirSync(join(releaseTestsDir, '.bench'), { recursive: true });
writeFileSync(join(releaseTestsDir, '.bench', 'install-footprint.json'), `${JSON.stringify({ load, rounds, summary }, null, 2)}\n`);
