// The release's publish command itself (`pnpm release:publish`): what it refuses, in one line, before pnpm
// runs, and that running it again against the registry it already published to uploads nothing. The
// refusal cases pass --dry-run and a user config with no token, so even a broken guard could not upload.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { consumerEnv } from '../src/consumer-env.js';
import { repoRoot } from '../src/paths.js';
import { assertLocalRegistry, publishWorkspace } from '../src/publish.js';
import { runCommand } from '../src/run-command.js';

const work = mkdtempSync(join(tmpdir(), 'session-obs-release-command-'));
const emptyUserconfig = join(work, 'empty.npmrc');
writeFileSync(emptyUserconfig, '');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `pnpm release:publish <args>` from the repo root with no credentials at all. */
const releasePublish = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCommand('pnpm', ['--silent', 'release:publish', ...args], {
    cwd: repoRoot,
    env: consumerEnv({ npm_config_userconfig: emptyUserconfig, ...env }),
    timeoutMs: 120_000,
  });

describe('pnpm release:publish', () => {
  it.each([
    { args: ['--dry-run'], line: /^✖ --registry is required: name the registry to publish to/, code: 2 },
    { args: ['--registry', 'registry.npmjs.org', '--dry-run'], line: /^✖ --registry registry\.npmjs\.org is not a URL/, code: 2 },
    { args: ['--registry', 'https://registry.npmjs.org/', '--dry-run', '--tag', 'next'], line: /^✖ Unknown option '--tag'/, code: 2 },
  ])('refuses $args in one line', async ({ args, line, code }) => {
    const result = await releasePublish(args, { CI: 'true' });
    expect(result.stderr.trim()).toMatch(line);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.code).toBe(code);
  });

  it('refuses a public registry under CI, before pnpm runs', async () => {
    const result = await releasePublish(['--registry', 'https://registry.npmjs.org/', '--dry-run'], { CI: 'true' });
    expect(result.stderr.trim()).toBe(
      '✖ refusing to publish to https://registry.npmjs.org/ under CI: releases to a public registry are manual (README, "Releasing")',
    );
    expect(result.stdout).not.toMatch(/publishing/);
    expect(result.code).toBe(1);
  });

  it('publishes nothing the second time: every version is already on the registry', async () => {
    const again = await publishWorkspace(inject('registryUrl'), work);
    expect(again.published).toEqual([]);
    expect(again.output).toMatch(/There are no new packages that should be published/);
  });

  it('the tests publish only to 127.0.0.1', () => {
    expect(() => assertLocalRegistry('https://registry.npmjs.org/')).toThrow(/refusing to publish to https:\/\/registry\.npmjs\.org\//);
    expect(() => assertLocalRegistry('http://localhost:4873/')).toThrow();
    expect(() => assertLocalRegistry(inject('registryUrl'))).not.toThrow();
  });
});
