// @ts-check
// `pnpm dev` for spec authors, composed from the dev-loop steps: watches the spec tree, and on each save
// bundles it, writes the bundle where the other tools read it, rewrites and reloads the served docs,
// lints, and in the background restarts the mock on the new spec and runs the other follow-ups (types,
// Spectral). The docs are served with the Try it settings of the local mock and sandbox.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDocs, siteDir } from '../serve.js';
import { consoleConfigFor } from '../try-it-config.js';
import { createDevLoop } from './dev-loop.js';
import { createDevSite, writeAtomic } from './dev-site.js';
import { devMock } from './mock-server.js';
import { openSpecTree } from './spec-tree.js';
import { watchTree } from './watch.js';

/**
 * A running `pnpm dev` loop.
 * @typedef {{ docsUrl: string, mockUrl: string, rebuild(reason?: string): Promise<import('./spec-tree.js').BundleResult>, idle(): Promise<void>, close(): Promise<void> }} RunningDev
 */

/**
 * Starts the loop over the spec tree in `specRoot` (its `openapi.yaml`). `specOut` (`{ json, yaml }`)
 * receives each good bundle; `builtDir` is a full docs build (the page template); `sandbox`
 * (`{ url, token }`) is a running sandbox for the console; `followUps` run after the mock restart.
 * Resolves with `{ docsUrl, mockUrl, rebuild, idle, close }` once docs and mock serve the current spec.
 * @param {{ specRoot: string, redoclyConfig: string, builtDir?: string, specOut?: { json?: string, yaml?: string }, docsPort?: number, mockPort?: number, sandbox?: { url: string, token: string }, followUps?: import('./dev-loop.js').FollowUp[], log?: (line: string) => void }} options
 * @returns {Promise<RunningDev>}
 */
export async function startDev({
  specRoot,
  redoclyConfig,
  builtDir = siteDir,
  specOut,
  docsPort = 0,
  mockPort = 0,
  sandbox,
  followUps = [],
  log = console.log,
}) {
  const workDir = mkdtempSync(join(tmpdir(), 'session-obs-dev-'));
  const tree = await openSpecTree({ entry: join(specRoot, 'openapi.yaml'), configPath: redoclyConfig });
  const first = await tree.bundle();
  if (!first.ok) throw new Error(`the spec in ${specRoot} does not bundle:\n${first.problems.join('\n')}`);
  const mockUrlOf = () => mock.url ?? '';

  const site = createDevSite({ builtDir, outDir: join(workDir, 'site') });
  site.publish(first.spec);
  const mockDir = join(workDir, 'mock');
  mkdirSync(mockDir);
  const mock = devMock({ port: mockPort, dir: mockDir, log });
  await mock.serve(first.json);
  const consoleConfig = await consoleConfigFor({ mock: { url: mockUrlOf() }, sandbox, spec: first.spec });
  const docs = await serveDocs({ dir: site.dir, port: docsPort, consoleConfig, liveReload: true });

  const loop = createDevLoop({
    bundle: () => tree.bundle(),
    publish(result) {
      site.publish(result.spec);
      if (specOut?.json) writeAtomic(specOut.json, result.json);
      if (specOut?.yaml) writeAtomic(specOut.yaml, result.yaml);
      docs.reload();
    },
    lint: () => tree.lint(),
    followUps: [{ name: 'mock serves the new spec', run: (result) => mock.serve(result.json) }, ...followUps],
    log,
  });
  const watcher = watchTree(specRoot, (files) => loop.trigger(`${files.join(', ')} changed`));

  return {
    docsUrl: docs.url,
    mockUrl: mockUrlOf(),
    /** Rebuilds now (as a save would). */
    rebuild: (reason = 'rebuild asked') => loop.trigger(reason),
    /** Resolves once no rebuild or follow-up is running. */
    idle: () => loop.idle(),
    /** Stops watching, lets running steps finish, stops the docs server and the mock. */
    async close() {
      watcher.close();
      await loop.idle();
      await docs.close();
      await mock.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
