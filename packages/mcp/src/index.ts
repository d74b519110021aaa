// @session-obs/mcp: the Session Observability API as read-only MCP tools. Most users run the
// `session-obs-mcp` command; these exports let a program embed the server or generate tools from a spec.
export { generateTools, MANIFEST_BANNER, NEXT_PAGE_SCHEMA } from './generate/generate-tools.js';
export { toJsonSchema, toJsonSchemaWithDefs } from './generate/json-schema.js';
export { toolNameOf, argumentNames } from './generate/tool-names.js';
export type { ArgumentBinding, ObjectSchema, ToolDefinition, ToolManifest, ToolRoute } from './generate/manifest.js';
export { describeTarget, parseSettings, upstreamOptionNames, UsageError } from './runtime/config.js';
export type { McpSettings, Target } from './runtime/config.js';
export { ATTEMPT_TIMEOUT_MS, createUpstreamClients } from './runtime/upstream-clients.js';
export type { ClientTuning, UpstreamClient } from './runtime/upstream-clients.js';
export { createArgumentChecker } from './runtime/arguments.js';
export { CALL_DEADLINE_MS, callTool } from './runtime/call-tool.js';
export type { CallContext } from './runtime/call-tool.js';
export { createMcpServer, SERVER_INFO } from './runtime/mcp-server.js';
export { loadManifest } from './runtime/load-manifest.js';
export { serveHttp, MCP_PATH } from './runtime/serve-http.js';
export type { RunningHttp } from './runtime/serve-http.js';
export { errorResult, MAX_ANSWER_CHARS, nextPage, redact, redactValue, successResult } from './runtime/tool-results.js';
export type { ToolResult, ToolErrorBody } from './runtime/tool-results.js';
