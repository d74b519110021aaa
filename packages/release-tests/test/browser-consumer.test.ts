// The browser consumer: esbuild (the project's own) bundles the installed client into a page, served from
// one origin and run in Chromium, whose fetch calls the installed sandbox on another origin (CORS included).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { execCommand } from '../src/installed-servers.js';
import { runChecked } from '../src/run-command.js';
import { startConsumerSandbox, type ConsumerSandbox } from './consumer-sandbox.js';

const PAGE_FILES: Record<string, string> = { '/page.html': 'text/html', '/dist/browser.js': 'text/javascript' };

/** Serves the page and its bundle from the project on a free port; anything else is a 404. */
async function servePage(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page').pathname;
    const type = PAGE_FILES[path];
    if (!type) return void response.writeHead(404).end();
    readFile(join(dir, path)).then(
      (body) => response.writeHead(200, { 'Content-Type': type }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

describe.each(inject('projects'))('installed with $manager', (project) => {
  let sandbox: ConsumerSandbox;
  let page: { url: string; server: Server };
  beforeAll(async () => {
    sandbox = await startConsumerSandbox(project);
    page = await servePage(project.dir);
  });
  afterAll(async () => {
    page?.server.close();
    await sandbox?.server.stop();
  });

  it('an esbuild bundle of the installed client runs in Chromium and every call answers as the sandbox holds', async () => {
    const esbuild = execCommand(project.manager, 'esbuild', [
      'browser.mjs',
      '--bundle',
      '--format=esm',
      '--platform=browser',
      '--outfile=dist/browser.js',
    ]);
    await runChecked(esbuild.command, esbuild.args, { cwd: project.dir, env: project.env });
    const bundle = await readFile(join(project.dir, 'dist/browser.js'), 'utf8');
    expect(bundle).not.toMatch(/\brequire\(|from ["']node:/);

    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    try {
      await tab.goto(`${page.url}/page.html#${encodeURIComponent(JSON.stringify(sandbox.settings))}`);
      await tab.waitForFunction(() => 'consumerResult' in window);
      const result = await tab.evaluate(() => (window as unknown as { consumerResult: Promise<unknown> }).consumerResult);
      expect(problems).toEqual([]);
      expect(result).toEqual(sandbox.expected);
    } finally {
      await tab.close();
    }
  });
});
