// @ts-check
// A docs server beside the local mock and sandbox shows the URLs they actually run on: every URL of a
// spec server entry that the console settings point elsewhere (other ports) is rewritten in the pages
// and the spec the server sends (Redoc's server list, the overview, the samples).

/**
 * `[from, to]` pairs: for each server of `specServers` whose description matches a configured server
 * with another URL (src/try-it-config.js keeps the description when it re-points an entry).
 * @param {Array<{ url: string, description?: string }>} specServers
 * @param {Array<{ url: string, description?: string }>} configured
 * @returns {Array<[string, string]>}
 */
export function serverRewrites(specServers, configured) {
  const pairs = [];
  for (const server of specServers) {
    const match = configured.find((entry) => entry.description && entry.description === server.description);
    if (match && match.url !== server.url) pairs.push([server.url.replace(/\/$/, ''), match.url.replace(/\/$/, '')]);
  }
  return /** @type {Array<[string, string]>} */ (pairs);
}

/** `text` with every `from` URL that is not part of a longer host or port replaced by its `to`. */
export function rewriteUrls(/** @type {string} */ text, /** @type {Array<[string, string]>} */ rewrites) {
  let out = text;
  for (const [from, to] of rewrites) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`${escaped}(?![\\w.:-])`, 'g'), to);
  }
  return out;
}
