// The text of `session-obs-mcp --help` (printed on stderr: stdout belongs to the protocol).

/** Usage, options and environment variables. */
export const HELP = `session-obs-mcp — the Session Observability API as read-only MCP tools (one per operation)

Usage:
  session-obs-mcp [options]              MCP over stdio (what an MCP client's "command" runs)
  session-obs-mcp --http <port> [...]    MCP over streamable HTTP at http://127.0.0.1:<port>/mcp

One server for every tool (a mock or the sandbox):
  --base-url <url>        [SESSION_OBS_BASE_URL] e.g. http://127.0.0.1:4020
  --token <token>         [SESSION_OBS_TOKEN]    its bearer token

Production: each API with its own credential (tools of an API without one answer missing_credential):
  --metorial-token <t>    [METORIAL_TOKEN]       session errors, error groups and events (api.metorial.com)
  --devrev-token <t>      [DEVREV_TOKEN]         observability sessions (api.devrev.ai)
  --metorial-base-url <u> [METORIAL_BASE_URL]    another URL for that API (default: the spec's production server)
  --devrev-base-url <u>   [DEVREV_BASE_URL]

Other options:
  --http <port>           serve streamable HTTP instead of stdio (0 picks a free port)
  --host <addr>           [SESSION_OBS_MCP_HOST] address for --http, default 127.0.0.1 (loopback only)
  --spec <openapi.json>   generate the tools from this OpenAPI document instead of the built-in ones
  --timeout-ms <n>        per-attempt timeout of each API request (default 15000; a call ends by 50 s)
  --max-retries <n>       retries of 429, 5xx and network errors (default 2)
  -h, --help              this text

Tokens are never printed, logged or returned in a tool's answer.
`;
