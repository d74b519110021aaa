// @ts-check
// `dist/_headers`: the headers our docs server sends, for a static host that reads this format
// (Netlify, Cloudflare Pages): the same CSP per page (hashes of its inline scripts, connections to the
// spec's servers), no framing, no referrer, nosniff, and content-hashed files cached for a year.
// For nginx, the README shows the same headers as `add_header` lines.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_HEADERS, pageHeaders } from '../serve/csp.js';
import { HASHED_NAME } from '../serve/site-files.js';
import { specServersIn } from '../serve/spec-servers.js';

/** One `_headers` rule: a path pattern and its header lines. */
const rule = (/** @type {string} */ path, /** @type {Record<string, string>} */ headers) =>
  [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');

/** The `_headers` text for the built site in `dist`. */
export function staticHeaders(/** @type {string} */ dist) {
  const connectTo = specServersIn(join(dist, 'openapi.json')).map((server) => server.url);
  const rules = [rule('/*', { ...BASE_HEADERS })];
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.html')).sort()) {
    const headers = { 'Content-Security-Policy': pageHeaders(readFileSync(join(dist, file), 'utf8'), connectTo)['Content-Security-Policy'] ?? '' };
    if (file === 'index.html') rules.push(rule('/', headers));
    rules.push(rule(`/${file}`, headers));
  }
  const hashed = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => HASHED_NAME.test(name));
  for (const file of hashed.sort()) rules.push(rule(`/${file}`, { 'Cache-Control': 'public, max-age=31536000, immutable' }));
  return `# Written by packages/docs/scripts/build.mjs: the headers of our docs server for a static host. Do not edit.\n${rules.join('\n')}\n`;
}
