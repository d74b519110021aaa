// A real npm registry for the release tests: Verdaccio on 127.0.0.1 and a free port, its storage in a
// directory the caller owns. Our scope may be published by anyone and has no uplink, so every
// @session-obs package it serves is one this run published; it proxies nothing else either: scratch
// projects get every other package from their usual registry through a scope line in their .npmrc.
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort, startChildServer } from '@session-obs/devkit';

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  stop(): Promise<void>;
}

/** The manifest of one published version, as the registry serves it. */
export interface PublishedManifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  engines?: Record<string, string>;
  bin?: Record<string, string>;
  dist: { tarball: string };
  [field: string]: unknown;
}

/** A package's registry document: its versions and dist-tags. */
export interface Packument {
  name: string;
  'dist-tags': Record<string, string>;
  versions: Record<string, PublishedManifest>;
}

/** The Verdaccio configuration: storage and users under `dir`, our scope publishable by all, no uplinks. */
function configYaml(dir: string): string {
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: -1',
    'uplinks: {}',
    'packages:',
    "  '@session-obs/*':",
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    "  '**':",
    '    access: $all',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

/** Verdaccio's bin script, from this package's dependency. */
function verdaccioBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
}

/** Polls Verdaccio's ping endpoint until it answers, or until the child has exited (its exit is reported elsewhere). */
async function pingUntilUp(url: string, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    const answered = await fetch(new URL('-/ping', url)).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise<never>(() => {}); // never ready: startChildServer rejects with the exit and its output
}

/** Starts Verdaccio with its storage in `dir`; resolves once it answers. */
export async function startRegistry(dir: string): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'verdaccio.yaml');
  writeFileSync(config, configYaml(dir));
  const child = await startChildServer({
    name: 'Verdaccio',
    args: [verdaccioBin(), '--config', config, '--listen', `127.0.0.1:${port}`],
    url,
    readyLine: /(?!)/, // it prints its address before it listens: readiness is the ping below
    alsoReady: (verdaccio) => pingUntilUp(url, verdaccio),
    readyTimeoutMs: 60_000,
  });
  return { url, stop: () => child.stop() };
}

/** Reads a package's document from the registry; `undefined` when the registry has no such package. */
export async function readPackument(registryUrl: string, name: string): Promise<Packument | undefined> {
  const response = await fetch(new URL(name.replace('/', '%2f'), registryUrl));
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${registryUrl} answered ${response.status} for ${name}`);
  return (await response.json()) as Packument;
}
