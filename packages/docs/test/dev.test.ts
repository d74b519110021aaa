// `pnpm dev`'s loop on a temp copy of openapi/ (the real tree is only read): a save reaches the served
// docs and reloads an open page in Chromium, a broken file keeps the last good build served until it is
// fixed, lint findings are printed while the loop goes on, and the mock is restarted on the new spec.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { bundlePath } from '@session-obs/spec';
import { commandStep, openSpecTree, startDev, type RunningDev } from '../src/dev/index.js';

const repoSpec = fileURLToPath(new URL('../../../openapi/', import.meta.url));
const redoclyConfig = fileURLToPath(new URL('../../spec/redocly.yaml', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'docs-dev-test-'));
const specRoot = join(work, 'openapi');
const specOut = { json: join(work, 'openapi.json'), yaml: join(work, 'openapi.yaml') };
const operationFile = join(specRoot, 'paths', 'session-errors.yaml');
const original = readFileSync(join(repoSpec, 'paths', 'session-errors.yaml'), 'utf8');
const POLL = { timeout: 60_000, interval: 100 };
// Waits are for events (a log line, a served change); the bound only stops a run that hangs.
const SLOW = 120_000;

const lines: string[] = [];
const waiters: Array<{ pattern: RegExp; from: number; resolve: (line: string) => void }> = [];
function log(line: string) {
  lines.push(line);
  for (const waiter of [...waiters]) {
    if (waiter.pattern.test(line) && lines.length > waiter.from) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  }
}
/** Resolves with the next log line (after this call) that matches. */
const nextLog = (pattern: RegExp) => new Promise<string>((resolve) => waiters.push({ pattern, from: lines.length, resolve }));
const served = async () => (await fetch(dev.docsUrl + '/')).text();
const save = (text: string) => writeFileSync(operationFile, text);

let dev: RunningDev;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  cpSync(repoSpec, specRoot, { recursive: true });
  dev = await startDev({ specRoot, redoclyConfig, specOut, log });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens the operation's page and resolves once the live-reload channel is connected. */
async function openOperation() {
  await page.goto('about:blank');
  const connected = page.waitForResponse((response) => response.url().endsWith('/__dev/reload'));
  await page.goto(`${dev.docsUrl}/#/session-errors/listsessionerrors`);
  await connected;
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
}
const title = () => page.locator('[data-section-id="/session-errors/listsessionerrors"] h2').first().innerText();

describe('pnpm dev loop', () => {
  // Each case starts with nothing running, so a log line it waits for comes from its own edit.
  beforeEach(() => dev.idle(), SLOW);

  it('bundles the tree exactly as `redocly bundle` does (JSON and YAML)', async () => {
    const tree = await openSpecTree({ entry: join(repoSpec, 'openapi.yaml'), configPath: redoclyConfig });
    const result = await tree.bundle();
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.json).toBe(readFileSync(bundlePath, 'utf8'));
    expect(result.yaml).toBe(readFileSync(bundlePath.replace(/\.json$/, '.yaml'), 'utf8'));
  });

  it(
    'serves an edit of one operation and reloads the open page, which renders it',
    async () => {
      await openOperation();
      await expect.poll(title, POLL).toBe('List all session errors');
      save(original.replace('summary: List all session errors', 'summary: List every session error (edited)'));
      await expect.poll(served, POLL).toContain('List every session error (edited)');
      await expect.poll(title, POLL).toBe('List every session error (edited)');
      expect(await page.evaluate(() => 'notReloaded' in window)).toBe(false);
      // The dev page carries the console, pointed at the dev mock.
      await page.locator('[data-try-it="listSessionErrors"]').waitFor();
      expect(await served()).toContain(`"url":"${dev.mockUrl}"`);
      expect(readFileSync(specOut.json, 'utf8')).toContain('List every session error (edited)');
      expect(readFileSync(specOut.yaml, 'utf8')).toContain('List every session error (edited)');
    },
    SLOW,
  );

  it(
    'rewrites the Markdown pages and the state Redoc renders on a save: the edit is in the served .md page, llms.txt, llms-full.txt',
    async () => {
      const text = async (path: string) => (await fetch(dev.docsUrl + path)).text();
      const state = async () => text('/' + /id="redoc-state" href="([^"]+)"/.exec(await served())![1]!);
      save(original.replace('summary: List all session errors', 'summary: List session errors, seen in Markdown'));
      await expect.poll(() => text('/operations/listSessionErrors.md'), POLL).toContain('List session errors, seen in Markdown');
      const page = await fetch(dev.docsUrl + '/operations/listSessionErrors.md', { headers: { 'Accept-Encoding': 'br' } });
      expect(page.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await page.text()).toContain('List session errors, seen in Markdown');
      expect(await text('/llms.txt')).toContain('List session errors, seen in Markdown');
      expect(await text('/llms-full.txt')).toContain('List session errors, seen in Markdown');
      expect(await state()).toContain('List session errors, seen in Markdown');
      save(original.replace('summary: List all session errors', 'summary: List every session error (edited)'));
      await expect.poll(() => text('/llms.txt'), POLL).toContain('List every session error (edited)');
      expect(await text('/llms.txt')).not.toContain('seen in Markdown');
    },
    SLOW,
  );

  it(
    'keeps serving the last good build while a file is broken, and picks up the fix',
    async () => {
      await openOperation();
      const failed = nextLog(/^✖ the spec does not bundle/);
      save('get:\n  summary: [unclosed\n');
      expect(await failed).toMatch(/paths\/session-errors\.yaml/);
      await dev.idle();
      expect(await served()).toContain('List every session error (edited)');
      expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

      save(original.replace('summary: List all session errors', 'summary: List session errors, fixed'));
      await expect.poll(served, POLL).toContain('List session errors, fixed');
      await expect.poll(title, POLL).toBe('List session errors, fixed');
    },
    SLOW,
  );

  it(
    'never sticks: edit, break, restore by replacing the file, edit again — 6 times in a row, each edit served',
    async () => {
      // The sequence of issue 21: the restore replaces the file by a new one (as `git checkout` and
      // editors' atomic saves do), the next edit writes it in place. Waits are for the served page or a log line.
      const replace = (text: string, i: number) => {
        if (i % 2) {
          writeFileSync(`${operationFile}.tmp`, text);
          renameSync(`${operationFile}.tmp`, operationFile);
        } else {
          unlinkSync(operationFile);
          writeFileSync(operationFile, text);
        }
      };
      const withSummary = (summary: string) => original.replace('summary: List all session errors', `summary: ${summary}`);
      for (let i = 0; i < 6; i++) {
        save(withSummary(`First edit ${i}`));
        await expect.poll(served, POLL).toContain(`First edit ${i}`);
        const failed = nextLog(/^✖ the spec does not bundle/);
        save('get:\n  summary: [unclosed\n');
        await failed;
        replace(withSummary(`Restored ${i}`), i);
        await expect.poll(served, POLL).toContain(`Restored ${i}`);
        save(withSummary(`Second edit ${i}`));
        await expect.poll(served, POLL).toContain(`Second edit ${i}`);
      }
    },
    SLOW * 3,
  );

  it(
    'prints lint findings and keeps the loop running',
    async () => {
      const findings = nextLog(/redocly lint/);
      save(original.replace('  summary: List all session errors\n', ''));
      expect(await findings).toMatch(/⚠ redocly lint: \d+ finding\(s\):[\s\S]*session-errors\.yaml:\d+:\d+ \w+ operation-summary/);
      save(original);
      await expect.poll(served, POLL).toContain('List all session errors');
    },
    SLOW,
  );

  it(
    'restarts the mock on the new spec',
    async () => {
      const example = join(specRoot, 'components', 'examples', 'ListSessionErrorsResponseExample.yaml');
      const restarted = nextLog(/mock serves the new spec/);
      writeFileSync(example, readFileSync(example, 'utf8').replace('Connection timed out after 30012 ms', 'Edited example message'));
      expect(await restarted).toMatch(/^✔ mock serves the new spec/);
      await dev.idle();
      const response = await fetch(`${dev.mockUrl}/session-errors`, { headers: { Authorization: 'Bearer test' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Edited example message');
    },
    SLOW,
  );
});

describe('commandStep', () => {
  it('prints the output of a follow-up command line by line and reports its exit code', async () => {
    const printed: string[] = [];
    const step = commandStep({
      name: 'types',
      command: process.execPath,
      args: ['-e', 'console.log("one"); console.error("two"); process.exit(3)'],
      log: (line) => printed.push(line),
    });
    await expect(step.run({ ok: true, spec: {}, json: '{}', yaml: '' })).rejects.toThrow('exited with code 3');
    expect(printed.sort()).toEqual(['  [types] one', '  [types] two']);
  });
});
