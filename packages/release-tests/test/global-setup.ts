// One registry and one publish for the whole run, and one scratch project per package manager, installed
// once and shared by every test file: installs are the slow part (better-sqlite3 compiles from source).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { publishWorkspace } from '../src/publish.js';
import { startRegistry, type LocalRegistry } from '../src/registry.js';
import { createScratchProject, type ScratchProject } from '../src/scratch-project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    registryUrl: string;
    published: string[];
    projects: ScratchProject[];
  }
}

/** Starts the registry, publishes, installs both projects; the teardown it returns stops and removes it all. */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'session-obs-release-tests-'));
  const log = (line: string) => console.log(`[release-tests] ${line}`);
  let registry: LocalRegistry | undefined;
  const projects: ScratchProject[] = [];
  const teardown = async () => {
    await registry?.stop();
    for (const dir of [work, ...projects.map((scratch) => scratch.dir)]) rmSync(dir, { recursive: true, force: true });
  };
  try {
    registry = await startRegistry(work);
    log(`Verdaccio on ${registry.url}`);
    const started = performance.now();
    const { published } = await publishWorkspace(registry.url, work);
    log(`published ${published.join(', ')} in ${Math.round(performance.now() - started)} ms`);
    const registryUrl = registry.url;
    // Both installs at once: npm compiles better-sqlite3 on one core while pnpm installs on the other.
    const installs = await Promise.allSettled((['npm', 'pnpm'] as const).map((manager) => createScratchProject(manager, registryUrl)));
    for (const install of installs) if (install.status === 'fulfilled') projects.push(install.value);
    for (const install of installs) if (install.status === 'rejected') throw install.reason;
    for (const scratch of projects) log(`${scratch.manager} installed into ${scratch.dir} in ${Math.round(scratch.installMs / 1000)} s`);
    project.provide('registryUrl', registryUrl);
    project.provide('published', published);
    project.provide('projects', projects);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
