// `--http <port>`: the tools over MCP's streamable HTTP transport at `/mcp`, stateless (a new server and
// transport per request, as the SDK's stateless example does). Bound to loopback by default, and only
// requests whose Host names this server are answered (DNS rebinding reaches loopback too).
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** The path MCP clients post to. */
export const MCP_PATH = '/mcp';

/** A running HTTP endpoint. */
export interface RunningHttp {
  url: string;
  close(): Promise<void>;
}

/** The Host values this server answers to: the address it listens on, and loopback names when that is loopback. */
function allowedHosts(host: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const names = loopback.includes(host) || host === '::1' ? loopback : [host.includes(':') ? `[${host}]` : host];
  return names.map((name) => `${name}:${port}`);
}

/** A JSON error answer for requests that are not MCP's. */
function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code, message } }));
}

/** Listens on `host:port` (0: a free port) and serves a fresh MCP server per request at `/mcp`. */
export async function serveHttp(createMcp: () => Server, host: string, port: number): Promise<RunningHttp> {
  let hosts: string[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== MCP_PATH) {
      sendError(response, 404, 'not_found', `MCP is served at ${MCP_PATH}.`);
      return;
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableDnsRebindingProtection: true,
      allowedHosts: hosts,
    });
    const server = createMcp();
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response);
  };
  const http: HttpServer = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'internal_error', (error as Error).message);
      else response.end();
    });
  });
  // Longer than any client's idle keep-alive (undici: 4 s; proxies: 60 s), so a client never sends on a
  // connection this server is closing ("other side closed" on a POST, which is not retried).
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve());
  });
  const actual = (http.address() as { port: number }).port;
  hosts = allowedHosts(host, actual);
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${actual}${MCP_PATH}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
