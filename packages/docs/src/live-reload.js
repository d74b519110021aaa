// @ts-check
// The dev loop's live reload: pages get a small script that listens on an EventSource at
// `__dev/reload` (relative, so a sub-path works too) and reloads when the server says so.

const PATH = '/__dev/reload';

/** A live-reload channel: the script to add to pages, the request handler, `reload()` and `close()`. */
export function liveReload() {
  /** @type {Set<import('node:http').ServerResponse>} */
  const clients = new Set();
  return {
    script: `<script>new EventSource('${PATH.slice(1)}').addEventListener('reload', () => location.reload());</script>\n`,
    /** Answers the channel's requests; false for any other path. */
    handles(
      /** @type {string} */ path,
      /** @type {import('node:http').IncomingMessage} */ req,
      /** @type {import('node:http').ServerResponse} */ res,
    ) {
      if (path !== PATH) return false;
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return true;
    },
    /** Tells every open page to reload. */
    reload() {
      for (const res of clients) res.write('event: reload\ndata: now\n\n');
    },
    /** Ends every open channel (so the server can close). */
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
