// The installed MCP server as an MCP client runs it: the official SDK client's stdio transport spawns
// `npx session-obs-mcp` (npm) or `pnpm exec session-obs-mcp` (pnpm) in the consumer's project.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ScratchProject } from './scratch-project.js';

/** A connected SDK client, what the server printed on stderr, and the protocol errors the client saw. */
export interface InstalledMcp {
  client: Client;
  stderr: () => string;
  errors: Error[];
  close(): Promise<void>;
}

/** The command an MCP client's configuration names for the installed server. */
export function mcpCommand(manager: ScratchProject['manager']): { command: string; args: string[] } {
  return manager === 'npm' ? { command: 'npx', args: ['session-obs-mcp'] } : { command: 'pnpm', args: ['exec', 'session-obs-mcp'] };
}

/** Spawns the installed `session-obs-mcp` in the project with `env` added, and connects the SDK client to it. */
export async function connectInstalledMcp(project: ScratchProject, env: Record<string, string>): Promise<InstalledMcp> {
  const { command, args } = mcpCommand(project.manager);
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...project.env, ...env })) if (value !== undefined) merged[name] = value;
  const transport = new StdioClientTransport({ command, args, cwd: project.dir, env: merged, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'session-obs-release-tests', version: '1.0.0' });
  const errors: Error[] = [];
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  // Stopped with this process too, should a run be interrupted before it closes the client.
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
