// An MCP server as an MCP client runs it: the official SDK client's stdio transport spawns the command,
// keeps what the server writes to stderr, and records the protocol errors the client sees (a stray
// stdout line is one). `@session-obs/devkit/mcp`, so only the tests that speak MCP load the SDK.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** What to spawn: the command an MCP client's configuration names, with its whole environment. */
export interface StdioServerCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /** The client's name in the MCP handshake. */
  clientName: string;
}

/** A connected SDK client, what the server printed on stderr, and the protocol errors the client saw. */
export interface ConnectedMcp {
  client: Client;
  stderr: () => string;
  errors: Error[];
  close(): Promise<void>;
}

/** Spawns the server through the SDK's stdio transport and connects; the server dies with this process. */
export async function connectStdioMcp(server: StdioServerCommand): Promise<ConnectedMcp> {
  const { command, args, env, cwd, clientName } = server;
  const transport = new StdioClientTransport({ command, args, env, ...(cwd ? { cwd } : {}), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: clientName, version: '1.0.0' });
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
