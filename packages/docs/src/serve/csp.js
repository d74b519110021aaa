// @ts-check
// The Content-Security-Policy and the other security headers of a docs page, computed from the page
// itself and the servers it may call: scripts only from our origin or inline with a matching hash (no
// `unsafe-eval`), connections only to our origin and the configured API servers, no framing.
import { createHash } from 'node:crypto';

/** Script types a browser runs; any other `type` (our JSON blocks) is data the CSP does not govern. */
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module)$/i;
const SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/** `'sha256-…'` sources for every inline script of `html` that a browser would run. */
export function inlineScriptHashes(/** @type {string} */ html) {
  const hashes = new Set();
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (!EXECUTABLE.test(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** The origin (`scheme://host:port`) of each absolute http(s) URL, without duplicates. */
export function originsOf(/** @type {string[]} */ urls) {
  const origins = new Set();
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') origins.add(parsed.origin);
    } catch {
      // a relative or templated server URL: it is our own origin or cannot be called as written
    }
  }
  return [...origins];
}

/**
 * The policy for a page: `scriptHashes` of its inline scripts, `connectTo` the API server URLs its
 * console may call. Redoc styles with inline `<style>` elements and attributes, hence `'unsafe-inline'` for styles only.
 * @param {{ scriptHashes: string[], connectTo: string[] }} options
 */
export function contentSecurityPolicy({ scriptHashes, connectTo }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${originsOf(connectTo).join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of the docs server carries, whatever its type. */
export const BASE_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});

/**
 * The headers of an HTML page: the base ones and its CSP.
 * @param {string} html
 * @param {string[]} connectTo
 * @returns {Record<string, string>}
 */
export function pageHeaders(html, connectTo) {
  return { ...BASE_HEADERS, 'Content-Security-Policy': contentSecurityPolicy({ scriptHashes: inlineScriptHashes(html), connectTo }) };
}
