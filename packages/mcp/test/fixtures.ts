// The sandbox's token in these tests (distinctive, so a leak is easy to find) and valid arguments for any tool.
import type { ToolDefinition } from '../src/index.js';

/** The bearer token the sandbox accepts in these tests. */
export const SANDBOX_TOKEN = 'metorial_sk_mcp_test_5ecret_never_shown';

/** The ids `/_sandbox/fixtures` returns: one existing object of each kind. */
export interface Fixtures {
  [name: string]: unknown;
  session_id: string;
  session_error_id: string;
  session_error_group_id: string;
  session_event_id: string;
  other_session_error_id: string;
  observability: { platform: string; session_id: string; version_key: string };
}

/** Valid arguments for a tool: each required argument from the fixture of its parameter's name (observability ones from its own block). */
export function argumentsFor(tool: ToolDefinition, fixtures: Fixtures): Record<string, unknown> {
  const source = (tool.route.upstream === 'devrev' ? fixtures.observability : fixtures) as Record<string, unknown>;
  const required = new Set(tool.inputSchema.required ?? []);
  const args: Record<string, unknown> = {};
  for (const { argument, name } of tool.route.arguments) {
    if (!required.has(argument)) continue;
    if (source[name] === undefined) throw new Error(`no fixture for ${tool.name}.${argument}`);
    args[argument] = source[name];
  }
  if (tool.route.list) args.limit = 3;
  return args;
}
