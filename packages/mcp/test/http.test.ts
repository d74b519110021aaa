// `--http`: the same tools over streamable HTTP, through the SDK's own HTTP client transport; bound to
// loopback, refusing a Host that is not its own (DNS rebinding), 404 off its path.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startChildServer, type RunningChild } from '@session-obs/devkit';
import { SANDBOX_TOKEN } from './fixtures.js';
import { BIN, cleanEnv, connectHttp } from './mcp-client.js';

let server: RunningChild | undefined;
let url = '';
const log: string[] = [];

beforeAll(async () => {
  server = await startChildServer({
    name: 'session-obs-mcp --http',
    args: [BIN, '--http', '0'],
    url: 'http://127.0.0.1 (free port)',
    readyLine: /✔ session-obs-mcp: \d+ tools on http:/,
    env: cleanEnv({ SESSION_OBS_BASE_URL: inject('sandboxUrl'), SESSION_OBS_TOKEN: SANDBOX_TOKEN }),
    onLog: (line) => log.push(line),
    readyTimeoutMs: 30_000,
  });
  url = /(http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(log.join('\n'))![1]!;
});
afterAll(async () => {
  await server?.stop();
});

describe('session-obs-mcp --http', () => {
  it('listens on loopback and serves the tools to the SDK HTTP client', async () => {
    const client = await connectHttp(url);
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(10);
      const result = (await client.callTool({ name: 'list_session_error_groups', arguments: { limit: 2 } })) as { structuredContent?: any };
      expect(result.structuredContent.items).toHaveLength(2);
      const missing = (await client.callTool({
        name: 'get_session_event',
        arguments: { session_id: inject('fixtures').session_id, session_event_id: 'sev_nope0000' },
      })) as {
        isError?: boolean;
        content: Array<{ text: string }>;
      };
      expect(missing.isError).toBe(true);
      expect(JSON.parse(missing.content[0]!.text).error.code).toBe('not_found');
    } finally {
      await client.close();
    }
  });

  it('refuses a request whose Host is not its own, and answers 404 off /mcp', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { ...headers, host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end(JSON.stringify(initialize));
    });
    expect(status).toBe(403);
    const off = await fetch(url.replace('/mcp', '/other'));
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(log.join('\n')).not.toContain(SANDBOX_TOKEN);
  });
});
