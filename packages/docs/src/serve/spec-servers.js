// @ts-check
// The servers a spec names, at every level (root, path item, operation): what the docs' console and
// samples may call, so what the page's CSP lets it connect to.
import { readFileSync } from 'node:fs';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Every `servers` entry of `spec`, root first, without duplicate URLs.
 * @param {any} spec
 * @returns {Array<{ url: string, description?: string }>}
 */
export function specServers(spec) {
  const all = [...(spec?.servers ?? [])];
  for (const item of Object.values(spec?.paths ?? {})) {
    all.push(...(item?.servers ?? []));
    for (const method of METHODS) all.push(...(item?.[method]?.servers ?? []));
  }
  const seen = new Set();
  return all.filter((server) => typeof server?.url === 'string' && !seen.has(server.url) && seen.add(server.url));
}

/** The servers of the spec file at `path` (the site's `openapi.json`); none when it is missing or unreadable. */
export function specServersIn(/** @type {string} */ path) {
  try {
    return specServers(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return [];
  }
}
