// The MCP server: the SDK's low-level `Server` (tools as raw JSON Schema, no zod), with `tools/list`
// answering the manifest's tools and `tools/call` running them through the upstream clients.
import { createRequire } from 'node:module';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolDefinition, ToolManifest } from '../generate/manifest.js';
import { callTool, type CallContext } from './call-tool.js';
import { errorResult } from './tool-results.js';

/** The server's name and version in the MCP handshake. */
export const SERVER_INFO = {
  name: 'session-obs-mcp',
  // The package reads its own manifest by name: right from the sources and from the build alike.
  version: (createRequire(import.meta.url)('@session-obs/mcp/package.json') as { version: string }).version,
};

/** A tool as `tools/list` shows it: everything but the route. */
function listed({ route: _route, ...tool }: ToolDefinition): Tool {
  return tool as Tool;
}

/** A new MCP server over `manifest`'s tools; connect it to a transport (stdio, streamable HTTP). */
export function createMcpServer(manifest: ToolManifest, context: CallContext): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: {} },
    instructions: `Read-only tools of the ${manifest.api.title} ${manifest.api.version}: one per operation. List tools return one page and \`next_page\`, the arguments for the next one.`,
  });
  const byName = new Map(manifest.tools.map((tool) => [tool.name, tool]));
  const tools = manifest.tools.map(listed);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      const names = [...byName.keys()].join(', ');
      return errorResult(
        { code: 'unknown_tool', message: `no tool named ${request.params.name}; the tools are ${names}.` },
        context.secrets,
      );
    }
    return callTool(tool, request.params.arguments, context);
  });
  return server;
}
