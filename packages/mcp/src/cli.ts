#!/usr/bin/env node
// `session-obs-mcp`: the Session Observability API's tools over MCP, on stdio (default) or streamable
// HTTP (`--http <port>`). stdout carries only the protocol: every message of ours goes to stderr, and no
// credential is ever printed. A start that cannot work is one line on stderr: exit 2 for bad usage, 1 else.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { HELP } from './runtime/help.js';
import { describeTarget, parseSettings, specOption, UsageError } from './runtime/config.js';
import { createArgumentChecker } from './runtime/arguments.js';
import { loadManifest } from './runtime/load-manifest.js';
import { createMcpServer } from './runtime/mcp-server.js';
import { serveHttp } from './runtime/serve-http.js';
import { createUpstreamClients } from './runtime/upstream-clients.js';

/** Why the HTTP server cannot listen, in words. */
function listenProblem(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is in use: choose another with --http <port> (0 picks a free one).`;
  if (code === 'EACCES') return `no permission to listen on ${host}:${port}: choose a port above 1023.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on ${host}: no such address on this machine (--host).`;
  return `cannot listen on ${host}:${port}: ${(error as Error).message}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const manifest = loadManifest(specOption(argv));
  const settings = parseSettings(argv, process.env, manifest.upstreams);
  if (settings === 'help') {
    process.stderr.write(HELP);
    return;
  }
  const { clientFor, secrets } = createUpstreamClients(settings.target, manifest.upstreams, settings);
  const context = { checkArguments: createArgumentChecker(manifest.tools), clientFor, secrets };
  const where = describeTarget(settings.target);
  if (settings.httpPort === undefined) {
    const server = createMcpServer(manifest, context);
    await server.connect(new StdioServerTransport());
    // The client closing our stdin ends the session: exit, even when launched through npx or pnpm exec,
    // whose own process is the one a client stops.
    process.stdin.once('end', () => void server.close().finally(() => process.exit(0)));
    console.error(`✔ session-obs-mcp: ${manifest.tools.length} tools over stdio; ${where}`);
    return;
  }
  const { host, httpPort } = settings;
  const running = await serveHttp(() => createMcpServer(manifest, context), host, httpPort).catch((error: unknown) => {
    throw new Error(listenProblem(error, host, httpPort), { cause: error });
  });
  console.error(`✔ session-obs-mcp: ${manifest.tools.length} tools on ${running.url}; ${where}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // One line, never a stack trace: the message says what to change.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`✖ ${message.split('\n')[0]}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
