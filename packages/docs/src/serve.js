// @ts-check
// The docs server (`pnpm start`, `pnpm dev`, `pnpm --filter @session-obs/docs start`): the built site
// served like a real one — compressed (the build's `.br`/`.gz`), with ETags and 304s, content-hashed
// files cached for a year, a CSP computed from the page and the servers it may call, no framing, no
// referrer, and on loopback only for a loopback `Host`. Beside local servers it adds the Try it
// console's settings to pages and shows the local servers' actual URLs; for `pnpm dev`, live reload.
import { createServer } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostLines, requestedHost } from '@session-obs/spec/server';
import { liveReload as createLiveReload } from './live-reload.js';
import { scriptJson } from './page.js';
import { BASE_HEADERS, pageHeaders } from './serve/csp.js';
import { chooseEncoding, COMPRESSIBLE } from './serve/encoding.js';
import { hostProblem, servedHosts } from './serve/host-check.js';
import { rewriteUrls, serverRewrites } from './serve/local-urls.js';
import { SAMPLE_BASE_URL } from './samples.js';
import { siteFiles } from './serve/site-files.js';
import { specServersIn } from './serve/spec-servers.js';

export { contentType } from './serve/content-type.js';

/** Folder `pnpm docs:build` writes the site to. */
export const siteDir = fileURLToPath(new URL('../dist/', import.meta.url));

/** `html` with `additions` inserted before its last `</body>`. */
function beforeBodyEnd(/** @type {string} */ html, /** @type {string} */ additions) {
  const end = html.lastIndexOf('</body>');
  return end === -1 ? html + additions : html.slice(0, end) + additions + html.slice(end);
}

/** Where the docs text (overview, samples) says the local servers run by default. */
const DEFAULT_LOCAL_URLS = { 'Local Prism mock': SAMPLE_BASE_URL, 'Local sandbox': 'http://127.0.0.1:4020' };

/**
 * The default local URLs of the text (`pnpm mock` on 4010, `pnpm sandbox` on 4020) re-pointed at the
 * servers actually running.
 * @param {import('./try-it/model.js').LocalConfig} consoleConfig
 * @returns {Array<[string, string]>}
 */
function sampleRewrites(consoleConfig) {
  /** @type {Array<[string, string]>} */
  const pairs = [];
  for (const [description, from] of Object.entries(DEFAULT_LOCAL_URLS)) {
    const running = consoleConfig.servers.find((server) => server.description === description);
    if (running && running.url.replace(/\/$/, '') !== from) pairs.push([from, running.url.replace(/\/$/, '')]);
  }
  return pairs;
}

/**
 * The served spec with the local servers it runs beside appended to its `servers` (the published spec
 * lists production only; the docs add their local entries where they run).
 * @param {string} text
 * @param {import('./try-it/model.js').LocalConfig} consoleConfig
 */
function withLocalServers(text, consoleConfig) {
  const spec = JSON.parse(text);
  const known = new Set((spec.servers ?? []).map((/** @type {{ url: string }} */ server) => server.url));
  const local = consoleConfig.servers.filter((server) => server.description?.startsWith('Local') && !known.has(server.url));
  return JSON.stringify({ ...spec, servers: [...(spec.servers ?? []), ...local] });
}

/**
 * What the server changes in the site's text files, and the API servers its pages may call.
 * @param {string} root
 * @param {import('./try-it/model.js').LocalConfig | undefined} consoleConfig
 * @param {string} additions
 */
function siteView(root, consoleConfig, additions) {
  const specFile = join(root, 'openapi.json');
  const rewrites = () =>
    consoleConfig ? [...serverRewrites(specServersIn(specFile), consoleConfig.servers), ...sampleRewrites(consoleConfig)] : [];
  return {
    /** @type {(file: string, text: string) => string} */
    transform(file, text) {
      const changed = rewriteUrls(text, rewrites());
      if (file === specFile && consoleConfig) return withLocalServers(changed, consoleConfig);
      return file.endsWith('.html') && additions ? beforeBodyEnd(changed, additions) : changed;
    },
    /** The URLs the console may call: the configured servers, else every server the spec names. */
    connectTo: () => [...(consoleConfig?.servers ?? []), ...specServersIn(specFile)].map((server) => rewriteUrls(server.url, rewrites())),
  };
}

/**
 * A one-line plain-text error answer: `status code: message`.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {Record<string, string>} [extra]
 */
function fail(res, status, code, message, extra = {}) {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(`${status} ${code}: ${message}\n`);
}

/**
 * Sends `file`: 304 when the client's ETag matches, else the body, compressed when the client accepts it.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('./serve/site-files.js').SiteFile} file
 * @param {Record<string, string>} headers
 */
async function sendFile(req, res, file, headers) {
  const all = {
    ...headers,
    'Content-Type': file.type,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: file.etag,
    Vary: 'Accept-Encoding',
  };
  const etags = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (etags.includes(file.etag) || etags.includes('*')) {
    res.writeHead(304, all).end();
    return;
  }
  const encoding = COMPRESSIBLE.test(file.type) && file.body.length > 1024 ? chooseEncoding(req.headers['accept-encoding']) : undefined;
  const body = encoding ? await file.encoded(encoding) : file.body;
  res.writeHead(200, { ...all, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves `dir` on `host:port` (port 0 picks a free one). Resolves with `{ url, port, reload, close }` once
 * listening. `consoleConfig` (the Try it settings of src/try-it-config.js) is added to every HTML page;
 * `liveReload: true` adds a script that reloads the page when `reload()` is called.
 * @param {{ dir?: string, port?: number, host?: string, consoleConfig?: import('./try-it/model.js').LocalConfig, liveReload?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, reload(): void, close(): Promise<void> }>}
 */
export function serveDocs({ dir = siteDir, port = 8080, host = '127.0.0.1', consoleConfig, liveReload = false } = {}) {
  const root = resolve(dir);
  const live = liveReload ? createLiveReload() : undefined;
  const additions =
    (consoleConfig ? `<script type="application/json" id="try-it-config">${scriptJson(consoleConfig)}</script>\n` : '') +
    (live?.script ?? '');
  const view = siteView(root, consoleConfig, additions);
  const files = siteFiles(view.transform);
  /** @type {Set<string> | undefined} */
  let hosts;

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<void>}
   */
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return fail(res, 405, 'method_not_allowed', `${req.method} is not served; use GET or HEAD.`, { Allow: 'GET, HEAD' });
    if (hostLines(req.rawHeaders) > 1) return fail(res, 400, 'bad_request', 'the request has more than one Host header.');
    // HTTP/1.1 requires Host (Node's own 400 for its absence, which has no body, is turned off below).
    if (req.headers.host === undefined && req.httpVersion !== '1.0')
      return fail(res, 400, 'bad_request', 'the request has no Host header.');
    const refused = hostProblem(requestedHost(req.url, req.headers.host), hosts);
    if (refused) return fail(res, 421, 'unknown_host', refused);
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return fail(res, 400, 'bad_path', 'the request path is not a valid URL path.');
    }
    if (live?.handles(path, req, res)) return;
    const target = normalize(join(root, path));
    if (target !== root && !target.startsWith(root + sep)) return fail(res, 403, 'outside_site', 'the path leaves the site.');
    const file = await files.get(target).catch(() => files.get(join(target, 'index.html')).catch(() => undefined));
    if (!file) return fail(res, 404, 'not_found', `${path} is not part of the site.`);
    const headers = file.type.startsWith('text/html') ? pageHeaders(file.body.toString('utf8'), view.connectTo()) : BASE_HEADERS;
    await sendFile(req, res, file, headers);
  }

  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((/** @type {unknown} */ error) => {
      if (!res.headersSent) fail(res, 500, 'internal', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      hosts = servedHosts(host, actual);
      resolvePromise({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
        port: actual,
        reload: () => {
          files.clear();
          live?.reload();
        },
        // Browsers keep sockets open (keep-alive, preconnects that never send a request and would
        // hold close() until the headers timeout): stopping the server drops them all.
        close: () =>
          new Promise((done) => {
            live?.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
