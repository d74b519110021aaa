// The installed MCP server as an MCP client runs it: the official SDK client's stdio transport spawns
// `npx -y @session-obs/mcp` (npm: the README's mcpServers entry, word for word) or `pnpm exec session-obs-mcp`
// (pnpm) in the consumer's project (@session-obs/devkit/mcp connects it).
import { connectStdioMcp, type ConnectedMcp } from '@session-obs/devkit/mcp';
import type { ScratchProject } from './scratch-project.js';

/** A connected SDK client, what the server printed on stderr, and the protocol errors the client saw. */
export type InstalledMcp = ConnectedMcp;

/** The command an MCP client's configuration names for the installed server. */
export function mcpCommand(manager: ScratchProject['manager']): { command: string; args: string[] } {
  return manager === 'npm' ? { command: 'npx', args: ['-y', '@session-obs/mcp'] } : { command: 'pnpm', args: ['exec', 'session-obs-mcp'] };
}

/** Spawns the installed `session-obs-mcp` in the project with `env` added, and connects the SDK client to it. */
export function connectInstalledMcp(project: ScratchProject, env: Record<string, string>): Promise<InstalledMcp> {
  const { command, args } = mcpCommand(project.manager);
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...project.env, ...env })) if (value !== undefined) merged[name] = value;
  return connectStdioMcp({ command, args, cwd: project.dir, env: merged, clientName: 'session-obs-release-tests' });
}
