// The official MCP SDK client, connected to the built `session-obs-mcp` command over stdio (spawned by
// the SDK's StdioClientTransport, through @session-obs/devkit/mcp) or over streamable HTTP; everything the
// server writes to stderr kept.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { connectStdioMcp, type ConnectedMcp } from '@session-obs/devkit/mcp';

/** The package's command, as npm links it. */
export const BIN = fileURLToPath(new URL('../bin/session-obs-mcp.js', import.meta.url));

/** A connected client and what the server printed on stderr; `errors` are protocol errors the client saw. */
export type Connected = ConnectedMcp;

/** Environment without the variables the server reads, so the machine's own never leak into a test. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(SESSION_OBS_|METORIAL_|DEVREV_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Spawns `node bin/session-obs-mcp.js <args>` through the SDK's stdio transport and connects. */
export function connectStdio(env: Record<string, string>, args: string[] = []): Promise<Connected> {
  return connectStdioMcp({ command: process.execPath, args: [BIN, ...args], env: cleanEnv(env), clientName: 'session-obs-mcp-tests' });
}

/** Connects to a streamable HTTP endpoint (`http://127.0.0.1:<port>/mcp`). */
export async function connectHttp(url: string): Promise<Client> {
  const client = new Client({ name: 'session-obs-mcp-tests', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}
