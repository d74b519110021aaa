#!/usr/bin/env node
// What a tool call costs over calling the API directly: the same request (one error by id, then one page of
// 20 errors) through @session-obs/client alone (the baseline) and through session-obs-mcp over stdio with the
// official SDK client, against one real sandbox, in alternating rounds so drift on a shared machine hits both.
// Also the start of the command (spawn to connected) and tools/list. Needs `pnpm build`.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { createClient } from '@session-obs/client';
import { startSandbox } from '@session-obs/sandbox';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CALLS = Number(process.env.BENCH_RUNS ?? 40);
const TOKEN = 'bench-token';
const BIN = fileURLToPath(new URL('../bin/session-obs-mcp.js', import.meta.url));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(2)} ms`;

/** Mean time of one call over `CALLS` calls of `call`. */
async function perCall(call) {
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  return (performance.now() - started) / CALLS;
}

/** Spawns the command and connects; returns the client and the time it took. */
async function connect(url) {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN],
    env: { ...process.env, SESSION_OBS_BASE_URL: url, SESSION_OBS_TOKEN: TOKEN },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  return { client, startMs: performance.now() - started };
}

const sandbox = await startSandbox({ tokens: [TOKEN], seed: 3, sessions: 20, errors: 2000 });
try {
  const fixtures = await (await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  const direct = createClient({ baseUrl: sandbox.url, token: TOKEN });
  const starts = [];
  let mcp;
  for (let i = 0; i < 5; i++) {
    const connected = await connect(sandbox.url);
    starts.push(connected.startMs);
    if (mcp) await connected.client.close();
    else mcp = connected.client;
  }
  // tools/list as the server answers it (a raw request), and as the SDK client's listTools() does it
  // (it also compiles every output schema to validate later answers).
  const timed = async (run) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  const rawListMs = await timed(() => mcp.request({ method: 'tools/list' }, ListToolsResultSchema));
  const listMs = await timed(() => mcp.listTools());
  const listBytes = JSON.stringify((await mcp.listTools()).tools).length;
  const one = { session_id: fixtures.session_id, session_error_id: fixtures.session_error_id };
  const cases = {
    'one error by id': {
      direct: () => direct.unwrap(direct.GET('/sessions/{session_id}/errors/{session_error_id}', { params: { path: one } })),
      mcp: () => mcp.callTool({ name: 'get_session_error', arguments: one }),
    },
    'a page of 20 errors': {
      direct: () => direct.unwrap(direct.GET('/session-errors', { params: { query: { limit: 20 } } })),
      mcp: () => mcp.callTool({ name: 'list_session_errors', arguments: { limit: 20 } }),
    },
  };
  const rows = [];
  for (const [name, { direct: viaClient, mcp: viaMcp }] of Object.entries(cases)) {
    await perCall(viaClient); // warm-up
    await perCall(viaMcp);
    const clientTimes = [];
    const mcpTimes = [];
    for (let round = 0; round < ROUNDS; round++) {
      clientTimes.push(await perCall(viaClient));
      mcpTimes.push(await perCall(viaMcp));
    }
    rows.push([name, median(clientTimes), median(mcpTimes)]);
  }
  await mcp.close();
  console.log(`rounds ${ROUNDS} × ${CALLS} calls per side, medians of the rounds' means`);
  console.log('| call | @session-obs/client alone | through session-obs-mcp (stdio, SDK client) | added per call |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, viaClient, viaMcp] of rows) console.log(`| ${name} | ${ms(viaClient)} | ${ms(viaMcp)} | ${ms(viaMcp - viaClient)} |`);
  console.log(`start (spawn to connected), median of 5: ${ms(median(starts))}`);
  console.log(
    `tools/list (${Math.round(listBytes / 1024)} kB of tools), medians of 5: the server's answer ${ms(rawListMs)}; the SDK client's listTools() ${ms(listMs)}`,
  );
} finally {
  await sandbox.stop();
}
