// An answer of a later minor version of the API (an added enum value, a longer string, a bigger number,
// a longer page) is still a tool answer for the official SDK client, which checks structured content
// against the tool's output schema and would otherwise throw on the whole call.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SANDBOX_TOKEN } from './fixtures.js';
import { connectStdio, type Connected } from './mcp-client.js';

let server: Server;
let mcp: Connected;
let answer: { items: Array<Record<string, unknown>>; pagination: Record<string, unknown> };

beforeAll(async () => {
  // A real page from the sandbox, then changed the ways a minor version may change it.
  const response = await fetch(`${inject('sandboxUrl')}/session-errors?limit=1`, { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } });
  const page = (await response.json()) as typeof answer;
  const item = { ...page.items[0]!, status: 'archived', code: 'C'.repeat(300), group_id: 'seg:new/format', similar_error_count: 2 ** 40 };
  answer = { ...page, items: Array.from({ length: 101 }, () => item), pagination: { has_more_before: false, has_more_after: false } };
  server = createServer((_request, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  mcp = await connectStdio({ SESSION_OBS_BASE_URL: `http://127.0.0.1:${port}`, SESSION_OBS_TOKEN: SANDBOX_TOKEN });
});
afterAll(async () => {
  await mcp?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('an answer the built-in spec does not foresee', () => {
  it('reaches the SDK client whole: an added enum value, a longer string, a bigger number, more items', async () => {
    await mcp.client.listTools(); // the SDK client checks answers only against the schemas it has listed
    const result = await mcp.client.callTool({ name: 'list_session_errors', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ ...answer, next_page: null });
    expect(mcp.errors).toEqual([]);
  });
});
