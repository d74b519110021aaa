// A small static file server for the built docs: correct content types, no directory escapes. Beside
// local servers (`pnpm start`, `pnpm dev`) it adds the Try it console's local settings to the page, and
// for `pnpm dev` a live-reload channel that reloads open pages after a rebuild.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveReload as createLiveReload } from './live-reload.js';
import { scriptJson } from './page.js';

/** Folder `pnpm docs:build` writes the site to. */
export const siteDir = fileURLToPath(new URL('../dist/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** Content type of a file by its extension. */
export function contentType(file) {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `html` with `additions` inserted before its last `</body>`. */
function beforeBodyEnd(html, additions) {
  const end = html.lastIndexOf('</body>');
  return end === -1 ? html + additions : html.slice(0, end) + additions + html.slice(end);
}

/**
 * Serves `dir` on `host:port` (port 0 picks a free one). Resolves with `{ url, port, reload, close }` once
 * listening. `consoleConfig` (the Try it settings of src/try-it-config.js) is added to every HTML page;
 * `liveReload: true` adds a script that reloads the page when `reload()` is called.
 */
export function serveDocs({ dir = siteDir, port = 8080, host = '127.0.0.1', consoleConfig, liveReload = false } = {}) {
  const root = resolve(dir);
  const live = liveReload ? createLiveReload() : undefined;
  const additions =
    (consoleConfig ? `<script type="application/json" id="try-it-config">${scriptJson(consoleConfig)}</script>\n` : '') +
    (live?.script ?? '');
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed\n');
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request\n');
      return;
    }
    if (live?.handles(path, req, res)) return;
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden\n');
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const headers = { 'Content-Type': contentType(file), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
      if (additions && extname(file) === '.html') {
        const page = beforeBodyEnd(await readFile(file, 'utf8'), additions);
        res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(page) });
        res.end(req.method === 'HEAD' ? undefined : page);
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': info.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actual}`,
        port: actual,
        reload: () => live?.reload(),
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
