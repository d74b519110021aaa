// Publishing the workspace the way a release does: the root's `pnpm release:publish` (pnpm publish -r), aimed
// at a registry on this machine. The URL is checked before anything runs, and the publish sees only a user
// config holding a token for that registry: no command of the tests can publish anywhere else.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumerEnv } from './consumer-env.js';
import { repoRoot } from './paths.js';
import { runChecked } from './run-command.js';

/** Throws unless `url` is a registry on this machine's loopback address. */
export function assertLocalRegistry(url: string): void {
  const { hostname, protocol } = new URL(url);
  if (protocol !== 'http:' || hostname !== '127.0.0.1')
    throw new Error(`refusing to publish to ${url}: the tests publish only to 127.0.0.1`);
}

/** What `pnpm release:publish` printed, and the `name@version` of every package it uploaded. */
export interface PublishOutcome {
  output: string;
  published: string[];
}

/** Runs the release's publish command against `registryUrl`, with a user config written into `workDir`. */
export async function publishWorkspace(registryUrl: string, workDir: string): Promise<PublishOutcome> {
  assertLocalRegistry(registryUrl);
  const userconfig = join(workDir, 'publish.npmrc');
  // Any token will do for Verdaccio's `publish: $all`; this file is the only npm config the publish reads.
  writeFileSync(userconfig, `//${new URL(registryUrl).host}/:_authToken=release-tests\n`);
  const { stdout, stderr } = await runChecked('pnpm', ['release:publish', '--registry', registryUrl, '--no-git-checks'], {
    cwd: repoRoot,
    env: consumerEnv({ npm_config_userconfig: userconfig, CI: 'true' }),
  });
  const output = `${stdout}\n${stderr}`;
  return { output, published: [...output.matchAll(/^\+ (@session-obs\/\S+)$/gm)].map((match) => match[1]!) };
}
