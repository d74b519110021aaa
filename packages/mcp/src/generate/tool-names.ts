// Tool and argument names. MCP tool names allow letters, digits, `_`, `-` and `.` (1 to 128 characters);
// snake_case is what MCP clients and models see most.

/** `listSessionErrorsForSession` → `list_session_errors_for_session`; anything else allowed is kept, the rest becomes `_`. */
export function toolNameOf(operationId: string): string {
  const snake = operationId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (snake || 'operation').slice(0, 128);
}

/**
 * The argument name of each parameter: its own name, unless a parameter of another location has the
 * same name (a path `session_id` and a query filter `session_id`): then the non-path one is `<in>_<name>`.
 */
export function argumentNames(parameters: ReadonlyArray<{ name: string; in: string }>): string[] {
  const count = new Map<string, number>();
  for (const { name } of parameters) count.set(name, (count.get(name) ?? 0) + 1);
  return parameters.map(({ name, in: location }) => (count.get(name)! > 1 && location !== 'path' ? `${location}_${name}` : name));
}
