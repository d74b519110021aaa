// The built command over stdio, driven by the official MCP SDK client, against a real sandbox: one tool
// per operation, each called with valid arguments (structured content checked against its output schema,
// by the SDK and again here), API errors as tool errors, bad arguments refused by name, bounded paging.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { encodeCursor } from '@session-obs/spec/server';
import type { ToolDefinition, ToolManifest } from '../src/index.js';
import { argumentsFor, SANDBOX_TOKEN } from './fixtures.js';
import { connectStdio, type Connected } from './mcp-client.js';
import builtManifest from '../dist/tools.json' with { type: 'json' };

const manifest = builtManifest as unknown as ToolManifest;
const fixtures = inject('fixtures');
const byName = new Map(manifest.tools.map((tool) => [tool.name, tool]));
const tool = (name: string): ToolDefinition => byName.get(name)!;
let mcp: Connected;

type CallResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, any> };
const call = async (name: string, args: Record<string, unknown>) => (await mcp.client.callTool({ name, arguments: args })) as CallResult;
const errorOf = (result: CallResult) =>
  JSON.parse(result.content[0]!.text!).error as { code: string; message: string; status?: number; errors?: any[] };

beforeAll(async () => {
  mcp = await connectStdio({ SESSION_OBS_BASE_URL: inject('sandboxUrl'), SESSION_OBS_TOKEN: SANDBOX_TOKEN });
});
afterAll(async () => {
  await mcp?.close();
});

describe('tools/list', () => {
  it('lists one read-only tool per operation of the spec, with the generated schemas', async () => {
    const { tools } = await mcp.client.listTools();
    const operations = listOperations(loadSpec()).filter((entry) => entry.method === 'get');
    expect(tools).toHaveLength(operations.length);
    expect(tools.map((t) => t.name)).toEqual(manifest.tools.map((t) => t.name));
    for (const listed of tools) {
      expect(listed.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
      expect(listed.inputSchema).toEqual(tool(listed.name).inputSchema);
      expect(listed.outputSchema).toEqual(tool(listed.name).outputSchema);
      expect(listed).not.toHaveProperty('route');
    }
    const list = tools.find((t) => t.name === 'list_session_errors_for_session')!;
    expect(list.description).toMatch(/^List session errors\n\nReturns a paginated list/);
    expect(list.inputSchema.required).toEqual(['session_id']);
    expect(list.inputSchema.properties).toMatchObject({
      order: { enum: ['asc', 'desc'] },
      limit: { type: 'integer', minimum: 1, maximum: 100 },
      query_session_id: { description: expect.stringContaining('query parameter `session_id`') },
    });
  });
});

describe('tools/call', () => {
  it('answers every tool with valid arguments, its structured content valid against its output schema', async () => {
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    for (const definition of manifest.tools) {
      const result = await call(definition.name, argumentsFor(definition, fixtures));
      expect(result.isError, `${definition.name}: ${result.content[0]?.text}`).toBeFalsy();
      const validate = ajv.compile(definition.outputSchema!);
      expect(validate(result.structuredContent), `${definition.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(JSON.parse(result.content[0]!.text!)).toEqual(result.structuredContent);
    }
  });

  it('gives the API object the id names', async () => {
    const result = await call('get_session_error', { session_id: fixtures.session_id, session_error_id: fixtures.session_error_id });
    expect(result.structuredContent).toMatchObject({
      object: 'session.error',
      id: fixtures.session_error_id,
      session_id: fixtures.session_id,
    });
  });

  it('turns an unknown id into a tool error with the API code not_found', async () => {
    const result = await call('get_session_error_group', { session_error_group_id: 'seg_doesNotExist000' });
    expect(result.isError).toBe(true);
    expect(errorOf(result)).toMatchObject({ code: 'not_found', status: 404, message: expect.stringContaining('not_found') });
    const elsewhere = await call('get_session_error', {
      session_id: fixtures.session_id,
      session_error_id: fixtures.other_session_error_id,
    });
    expect(errorOf(elsewhere).code).toBe('not_found');
  });

  it('passes the API invalid_data through, with its per-parameter errors', async () => {
    const result = await call('list_session_errors', { after: fixtures.session_error_id, before: fixtures.session_error_id });
    expect(result.isError).toBe(true);
    expect(errorOf(result)).toMatchObject({ code: 'invalid_data', status: 400 });
  });

  it('takes a one-or-many filter as a single value or a list, and sends either as the list', async () => {
    const single = await call('list_session_errors', { session_id: fixtures.session_id, limit: 3 });
    expect(single.isError, single.content[0]?.text).toBeFalsy();
    expect(single.structuredContent!.items.length).toBeGreaterThan(0);
    for (const item of single.structuredContent!.items) expect(item.session_id).toBe(fixtures.session_id);
    const list = await call('list_session_errors', { session_id: [fixtures.session_id], limit: 3 });
    expect(single.structuredContent).toEqual(list.structuredContent);
    // A bad single value is refused for what is wrong with it, not also for not being a list.
    expect(errorOf(await call('list_session_errors', { type: 'nope' })).errors).toEqual([
      { parameter: 'type', message: expect.stringMatching(/^must be one of "message_processing_timeout", /) },
    ]);
  });

  it('refuses arguments that break the input schema, naming the parameter, and sends nothing', async () => {
    const sideways = await call('list_session_errors', { order: 'sideways' });
    expect(sideways.isError).toBe(true);
    expect(errorOf(sideways)).toMatchObject({
      code: 'invalid_arguments',
      message: expect.stringContaining('`order` must be one of "asc", "desc"'),
      errors: [{ parameter: 'order', message: 'must be one of "asc", "desc"' }],
    });
    expect(errorOf(await call('list_session_errors', { limit: 101 })).errors).toEqual([{ parameter: 'limit', message: 'must be <= 100' }]);
    expect(errorOf(await call('get_session_error', { session_id: fixtures.session_id })).errors).toEqual([
      { parameter: 'session_error_id', message: 'is required' },
    ]);
    expect(errorOf(await call('get_session_error_group', { session_error_group_id: 'seg_x', colour: 'red' })).errors).toEqual([
      { parameter: 'colour', message: 'is not a parameter of this tool' },
    ]);
    const unknown = await call('delete_everything', {});
    expect(unknown.isError).toBe(true);
    expect(errorOf(unknown).code).toBe('unknown_tool');
  });

  it('returns one page and the arguments for the next; following them never repeats an item', async () => {
    const first = await call('list_session_errors_for_session', { session_id: fixtures.session_id, limit: 2 });
    const page = first.structuredContent!;
    expect(page.items).toHaveLength(2);
    expect(page.pagination.has_more_after).toBe(true);
    expect(page.next_page).toEqual({ after: page.items[1].id });
    const second = (await call('list_session_errors_for_session', { session_id: fixtures.session_id, limit: 2, ...page.next_page }))
      .structuredContent!;
    expect(second.items[0].id > page.items[1].id).toBe(true);
    const back = (await call('list_session_errors_for_session', { session_id: fixtures.session_id, limit: 2, before: second.items[0].id }))
      .structuredContent!;
    expect(back.items.map((item: { id: string }) => item.id)).toEqual(page.items.map((item: { id: string }) => item.id));
    expect(back.next_page).toBeNull();
    // A cursor standing for the same `before` walks the same way: the same page, and no `next_page` forward.
    const cursor = encodeCursor('before', second.items[0].id);
    const backByCursor = (await call('list_session_errors_for_session', { session_id: fixtures.session_id, limit: 2, cursor }))
      .structuredContent!;
    expect(backByCursor.items).toEqual(back.items);
    expect(backByCursor.next_page).toBeNull();
    const last = (await call('list_session_errors', { id: [fixtures.session_error_id] })).structuredContent!;
    expect(last.items).toHaveLength(1);
    expect(last.next_page).toBeNull();
  });
});

describe('what the server writes', () => {
  it('keeps stdout to the protocol and the token out of every answer and log line', async () => {
    const answers = await Promise.all([
      call('list_session_errors', { limit: 1 }),
      call('get_session_error_group', { session_error_group_id: 'seg_doesNotExist000' }),
      call('list_session_errors', { order: 'sideways' }),
    ]);
    expect(mcp.errors).toEqual([]);
    expect(mcp.stderr()).toMatch(/✔ session-obs-mcp: 10 tools over stdio; every tool → http:\/\/127\.0\.0\.1:\d+/);
    for (const text of [mcp.stderr(), JSON.stringify(answers)]) expect(text).not.toContain(SANDBOX_TOKEN);
  });
});
