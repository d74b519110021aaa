// A consumer's project that generates its own clients from the published spec with two mainstream
// generators (@hey-api/openapi-ts, orval), compiles them with `tsc --strict`, and bundles a consumer that
// calls the sandbox through them. The bundles come from the npm scratch project, installed by name.
import { cpSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertIsolated, type ScratchProject } from './scratch-project.js';
import { releaseTestsDir } from './paths.js';
import { runChecked } from './run-command.js';

/** The generators and tools, pinned to versions that run on Node 20 (newer majors may need Node 22). */
export const GENERATORS = { '@hey-api/openapi-ts': '0.95.0', orval: '7.13.2' };
const TOOLS = { typescript: '5.9.3', '@types/node': '20.19.43', esbuild: '0.27.7' };

/** The per-upstream bundles a generator is fed (generators ignore path-level `servers`). */
export const UPSTREAM_BUNDLES = ['metorial', 'devrev'];

export interface GeneratedClients {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** The bundled consumer (`node <file>` prints one JSON line). */
  consumer: string;
}

/**
 * Creates the project beside `installed` (whose `node_modules/@session-obs/spec` is the published
 * package), installs the generators, generates one client per generator and upstream bundle, type-checks
 * everything with `tsc --strict` and bundles the consumer with esbuild.
 */
export async function prepareGeneratedClients(installed: ScratchProject): Promise<GeneratedClients> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'session-obs-generators-')));
  assertIsolated(dir);
  const { env } = installed;
  const manifest = {
    name: 'generated-clients',
    version: '1.0.0',
    private: true,
    type: 'module',
    devDependencies: { ...GENERATORS, ...TOOLS },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(releaseTestsDir, 'generators'), dir, { recursive: true });
  mkdirSync(join(dir, 'spec'));
  for (const name of UPSTREAM_BUNDLES)
    cpSync(
      join(installed.dir, 'node_modules', '@session-obs', 'spec', 'dist', `openapi.${name}.json`),
      join(dir, 'spec', `openapi.${name}.json`),
    );
  await runChecked('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, env });
  for (const name of UPSTREAM_BUNDLES)
    await runChecked('npx', ['openapi-ts', '-i', `./spec/openapi.${name}.json`, '-o', `./hey/${name}`], { cwd: dir, env });
  await runChecked('npx', ['orval', '--config', 'orval.config.cjs'], { cwd: dir, env });
  await runChecked('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: dir, env });
  const consumer = join(dir, 'consumer.mjs');
  await runChecked('npx', ['esbuild', 'consumer.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${consumer}`], {
    cwd: dir,
    env,
  });
  return { dir, env, consumer };
}
