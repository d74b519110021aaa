// The MCP server installed by name from the registry, as an MCP client meets it: the official SDK client
// spawns `npx session-obs-mcp` / `pnpm exec session-obs-mcp` in the consumer's project, pointed at the
// project's installed sandbox. One tool per operation of the spec; every tool answers valid arguments with
// structured content that validates against its output schema; an unknown id is a `not_found` tool error;
// `order: "sideways"` is refused naming `order`; the token shows up nowhere.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { connectInstalledMcp, type InstalledMcp } from '../src/installed-mcp.js';
import { SANDBOX_TOKEN, startInstalledSandbox, type InstalledServer } from '../src/installed-servers.js';

type Fixtures = Record<string, unknown> & { session_id: string; observability: Record<string, unknown> };
type ToolAnswer = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

/** Valid arguments for a listed tool: each required one from the fixture of that name (the observability tool's from its own block). */
function argumentsFor(inputSchema: { required?: string[] }, fixtures: Fixtures): Record<string, unknown> {
  const required = inputSchema.required ?? [];
  const source = required.includes('version_key') ? fixtures.observability : fixtures;
  return Object.fromEntries(required.map((name) => [name, source[name]]));
}

const errorOf = (answer: ToolAnswer) => (JSON.parse(answer.content[0]!.text!) as { error: { code: string; message: string } }).error;

describe.each(inject('projects'))('session-obs-mcp installed with $manager', (project) => {
  let sandbox: InstalledServer;
  let mcp: InstalledMcp;
  let fixtures: Fixtures;
  beforeAll(async () => {
    sandbox = await startInstalledSandbox(project, ['--db', ':memory:', '--seed', '5', '--sessions', '6', '--errors', '120']);
    fixtures = (await (
      await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } })
    ).json()) as Fixtures;
    mcp = await connectInstalledMcp(project, { SESSION_OBS_BASE_URL: sandbox.url, SESSION_OBS_TOKEN: SANDBOX_TOKEN });
  });
  afterAll(async () => {
    await mcp?.close();
    await sandbox?.stop();
  });

  it('lists one read-only tool per operation of the spec', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools).toHaveLength(listOperations(loadSpec()).filter((entry) => entry.method === 'get').length);
    for (const tool of tools) expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, openWorldHint: true });
  });

  it('answers every tool with structured content valid against its output schema', async () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const { tools } = await mcp.client.listTools();
    for (const tool of tools) {
      const answer = (await mcp.client.callTool({ name: tool.name, arguments: argumentsFor(tool.inputSchema, fixtures) })) as ToolAnswer;
      expect(answer.isError, `${tool.name}: ${answer.content[0]?.text}`).toBeFalsy();
      const validate = ajv.compile(tool.outputSchema!);
      expect(validate(answer.structuredContent), `${tool.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('gives a not_found tool error for an unknown id and refuses order "sideways" naming order', async () => {
    const missing = (await mcp.client.callTool({
      name: 'get_session_error_group',
      arguments: { session_error_group_id: 'seg_unknown00000' },
    })) as ToolAnswer;
    expect(missing.isError).toBe(true);
    expect(errorOf(missing).code).toBe('not_found');
    const sideways = (await mcp.client.callTool({ name: 'list_session_errors', arguments: { order: 'sideways' } })) as ToolAnswer;
    expect(sideways.isError).toBe(true);
    expect(errorOf(sideways)).toMatchObject({ code: 'invalid_arguments', message: expect.stringContaining('`order`') });
    expect(mcp.errors).toEqual([]);
    expect(mcp.stderr()).not.toContain(SANDBOX_TOKEN);
    expect(JSON.stringify([missing, sideways])).not.toContain(SANDBOX_TOKEN);
  });
});
