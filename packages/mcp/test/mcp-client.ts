// The official MCP SDK client, connected to the built `session-obs-mcp` command over stdio (spawned by
// the SDK's StdioClientTransport) or over streamable HTTP; everything the server writes to stderr kept.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** The package's command, as npm links it. */
export const BIN = fileURLToPath(new URL('../bin/session-obs-mcp.js', import.meta.url));

/** A connected client and what the server printed on stderr; `errors` are protocol errors the client saw (a stray stdout line is one). */
export interface Connected {
  client: Client;
  stderr: () => string;
  errors: Error[];
  close(): Promise<void>;
}

/** Environment without the variables the server reads, so the machine's own never leak into a test. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(SESSION_OBS_|METORIAL_|DEVREV_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Spawns `node bin/session-obs-mcp.js <args>` through the SDK's stdio transport and connects. */
export async function connectStdio(env: Record<string, string>, args: string[] = []): Promise<Connected> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], env: cleanEnv(env), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'session-obs-mcp-tests', version: '1.0.0' });
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  // Killed with this process too, should a test be interrupted before it closes the client.
  const pid = transport.pid;
  const kill = () => {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', kill);
  return {
    client,
    stderr: () => stderr,
    errors,
    close: async () => {
      await client.close();
      process.off('exit', kill);
    },
  };
}

/** Connects to a streamable HTTP endpoint (`http://127.0.0.1:<port>/mcp`). */
export async function connectHttp(url: string): Promise<Client> {
  const client = new Client({ name: 'session-obs-mcp-tests', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}
