// Layout facts of the built site at 1280 px and 390 px, measured in Chromium (element boxes, line boxes,
// scroll widths), with a screenshot of each view in artifacts/: identifiers in tables stay whole, code
// block controls sit beside the code and not on it, headings break between words only, the project
// logo shows, the page links nowhere that does not exist, and the Changelog page it links to opens, reads
// at both widths and leads back.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { serveDocs } from '../src/serve.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** The only off-site link the page may carry (Redoc's credit). */
const EXTERNAL_LINKS = ['https://redocly.com/redoc/'];
const WIDTHS = [1280, 390] as const;

let server: Awaited<ReturnType<typeof serveDocs>>;
let browser: Browser;
const pages = new Map<number, Page>();

beforeAll(async () => {
  server = await serveDocs({ port: 0 });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  mkdirSync(artifacts, { recursive: true });
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    pages.set(width, await context.newPage());
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a route of the site and waits for Redoc to hydrate it. */
async function open(width: number, route: string) {
  const page = pages.get(width)!;
  await page.goto(`${server.url}/${route}`);
  await page.locator('[data-component-name="Markdown/Markdown"]').first().waitFor();
  await page.waitForFunction(() =>
    Object.keys(document.querySelector('[data-testid="page-actions"]') ?? {}).some((key) => key.startsWith('__reactFiber')),
  );
  return page;
}

/**
 * Words of the visible elements matching `selector` split across lines (`text: word`). A word is a run of
 * letters, digits and underscores, so `rate_limit_exceeded` must stay on one line while `Retry-After` may
 * wrap after its hyphen, as text does.
 */
const brokenWords = (page: Page, selector: string) =>
  page.evaluate((query) => {
    const broken: string[] = [];
    for (const element of document.querySelectorAll(query)) {
      if ((element as HTMLElement).offsetParent === null) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/[\p{L}\p{N}_]+/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          if (range.getClientRects().length > 1) broken.push(`${element.textContent}: ${match[0]}`);
        }
      }
    }
    return broken;
  }, selector);

describe.each(WIDTHS)('the site at %i px', (width) => {
  it('keeps identifiers in tables whole, and the page as wide as the screen', async () => {
    const page = await open(width, '#/');
    const cells = page.locator('#redoc [data-component-name="Markdown/Markdown"] td code');
    expect(await cells.allInnerTexts()).toContain('rate_limit_exceeded');
    expect(await brokenWords(page, '#redoc [data-component-name="Markdown/Markdown"] td code')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.locator('td code', { hasText: 'rate_limit_exceeded' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}polish-error-table-${width}.png` });
  });

  it('breaks the title and headings between words only', async () => {
    for (const route of ['#/', '#/session-error-groups/getsessionerrorgroupforsession']) {
      const page = await open(width, route);
      expect(await brokenWords(page, '#redoc h1, #redoc h2'), route).toEqual([]);
      const title = await page
        .locator('#redoc h1, #redoc h2')
        .first()
        .evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
      expect(title.scroll).toBeLessThanOrEqual(title.client);
    }
    const page = await open(width, '#/');
    await page.screenshot({ path: `${artifacts}polish-title-${width}.png` });
  });

  it('puts code block controls beside the code, never on it', async () => {
    const page = await open(width, '#/session-errors/listsessionerrors');
    await page.locator('[data-component-name="CodeBlock/CodeBlockControls"]').first().waitFor();
    const overlaps = await page.evaluate(() =>
      [...document.querySelectorAll('[data-component-name="CodeBlock/CodeBlock"]')].flatMap((block) => {
        const controls = block.querySelector('[data-component-name="CodeBlock/CodeBlockControls"]')?.getBoundingClientRect();
        const code = block.querySelector('pre code, pre')?.getBoundingClientRect();
        if (!controls || !code || controls.width === 0 || code.height === 0) return [];
        const apart =
          controls.bottom <= code.top || code.bottom <= controls.top || controls.right <= code.left || code.right <= controls.left;
        return apart ? [] : [`${block.textContent?.slice(0, 40)}: controls ${JSON.stringify(controls)} over code ${JSON.stringify(code)}`];
      }),
    );
    expect(await page.locator('[data-component-name="CodeBlock/CodeBlock"]').count()).toBeGreaterThan(1);
    expect(overlaps).toEqual([]);
    await page.locator('[data-component-name="CodeBlock/CodeBlock"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}polish-code-block-${width}.png` });
  });

  it('shows the project logo, and links nowhere it should not', async () => {
    const page = await open(width, '#/');
    const logo = page.locator('img[alt="Session Observability API logo"]');
    expect(await logo.getAttribute('src')).toBe('logo.svg');
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    if (width === 1280) expect(await logo.isVisible()).toBe(true);
    const external = await page.evaluate(() =>
      [...document.querySelectorAll('a[href^="http"]')].map((link) => (link as HTMLAnchorElement).href),
    );
    expect([...new Set(external)].filter((href) => !href.startsWith(server.url))).toEqual(EXTERNAL_LINKS);
    await page.screenshot({ path: `${artifacts}polish-overview-${width}.png` });
  });

  it('opens the Changelog from the overview: releases listed, as wide as the screen, a link back', async () => {
    const page = await open(width, '#/');
    await page.locator('#redoc a[href="changelog.html"]').first().click();
    await page.waitForURL(`${server.url}/changelog.html`);
    expect(await page.locator('h1').innerText()).toMatch(/^Changelog/);
    const releases = await page.locator('section h2').allInnerTexts();
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.at(-1)).toMatch(/^\d+\.\d+\.\d+/);
    expect(await brokenWords(page, 'h1, h2')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${artifacts}polish-changelog-${width}.png`, fullPage: true });
    await page.locator('a[href="index.html"]').first().click();
    await page.locator('[data-component-name="Markdown/Markdown"]').first().waitFor();
    expect(page.url()).toBe(`${server.url}/index.html`);
  });
});
