// Timeouts, the caller's aborts and connection failures, against a real local HTTP server. Timeouts and
// retry waits run on a TestClock: a test fires them when it means to, never by racing the wall clock.
import { execFile } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, TimeoutError, createClient } from '../src/index.js';
import { startFaultServer } from './fault-server.js';
import { PATH, TOKEN, clockedClient, group, params, realClient, rejection, useFaultServer } from './helpers.js';

const fault = useFaultServer();
/** Lets the promise callbacks already queued run (a response that arrived is handed on). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('timeouts', () => {
  it('times out each attempt after timeoutMs, retries, then throws TimeoutError', async () => {
    const { server } = fault;
    const { client, clock } = clockedClient(server, { timeoutMs: 100, maxRetries: 1 });
    server.script({ hang: true }, { hang: true });
    const call = rejection(client.GET(PATH, { params }));
    expect(await clock.nextTimer()).toBe(100);
    await server.arrival(1);
    clock.advance(100);
    clock.advance(await clock.nextTimer()); // the backoff before the retry
    expect(await clock.nextTimer()).toBe(100);
    await server.arrival(2);
    clock.advance(100);
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: 'TimeoutError', code: 'timeout' });
    expect((error as TimeoutError).status).toBeUndefined();
    expect((error as Error).message).toBe(`No response within 100 ms (${server.url}/session-error-groups/seg_1)`);
  });

  it('a per-request timeoutMs overrides the client default', async () => {
    const { server } = fault;
    const { client, clock } = clockedClient(server);
    server.script({ hang: true });
    const call = rejection(client.GET(PATH, { params, timeoutMs: 50, maxRetries: 0 }));
    expect(await clock.nextTimer()).toBe(50);
    await server.arrival(1);
    clock.advance(50);
    expect(await call).toBeInstanceOf(TimeoutError);
  });

  it('a timed-out attempt followed by a good one succeeds', async () => {
    const { server } = fault;
    const { client, clock } = clockedClient(server, { timeoutMs: 100 });
    server.script({ hang: true }, { body: group });
    const call = client.GET(PATH, { params });
    expect(await clock.nextTimer()).toBe(100);
    await server.arrival(1);
    clock.advance(100);
    clock.advance(await clock.nextTimer());
    expect((await call).data).toEqual(group);
    expect(server.received).toHaveLength(2);
  });

  it('times out only an attempt still waiting for headers: a body that comes slowly is read without a timer', async () => {
    const { server } = fault;
    let headersArrived!: () => void;
    const headers = new Promise<void>((resolve) => (headersArrived = resolve));
    const fetchSpy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      headersArrived();
      return response;
    };
    const { client, clock } = clockedClient(server, { timeoutMs: 200, maxRetries: 0, fetch: fetchSpy });
    server.script({ bodyDelayMs: 300, body: group }, { hang: true });
    const slowBody = client.GET(PATH, { params });
    await server.arrival(1); // the replies go in order of arrival
    const hung = rejection(client.GET(PATH, { params }));
    await headers;
    await settle();
    expect(clock.pending).toBe(1); // the slow body's attempt has its headers: only the hung attempt's timer is left
    clock.advance(200);
    expect(await hung).toBeInstanceOf(TimeoutError);
    expect((await slowBody).data).toEqual(group);
  });

  it('on the real clock, a request with no answer times out', async () => {
    const { server } = fault;
    server.script({ hang: true });
    expect(await rejection(realClient(server, { timeoutMs: 50, maxRetries: 0 }).GET(PATH, { params }))).toBeInstanceOf(TimeoutError);
  });

  it('an idle client holds no timer that keeps Node running', async () => {
    const { server } = fault;
    // A child process makes one request, then reports what still keeps its event loop alive and exits.
    const script = `
      const { createClient } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      const c = createClient({ baseUrl: ${JSON.stringify(server.url)}, token: 't' });
      const { response } = await c.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_1' } } });
      console.log(JSON.stringify({ status: response.status, resources: process.getActiveResourcesInfo() }));`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    const { status, resources } = JSON.parse(out) as { status: number; resources: string[] };
    expect(status).toBe(200);
    expect(resources).not.toContain('Timeout');
  });
});

describe("the caller's signal", () => {
  it('aborting during a request throws AbortError', async () => {
    const { server } = fault;
    server.script({ hang: true });
    const controller = new AbortController();
    void server.arrival(1).then(() => controller.abort());
    const error = await rejection(realClient(server).GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).name).toBe('AbortError');
    expect(server.received).toHaveLength(1);
  });

  it('aborts a request that a middleware replaced', async () => {
    const { server } = fault;
    server.script({ hang: true });
    const client = realClient(server, { maxRetries: 0 });
    client.use({ onRequest: ({ request }) => new Request(request, { headers: { 'x-extra': '1' } }) });
    const controller = new AbortController();
    void server.arrival(1).then(() => controller.abort());
    const error = await rejection(client.GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.received[0]!.headers['x-extra']).toBe('1');
  });

  it('aborting during a retry wait ends the wait at once with AbortError', async () => {
    const { server } = fault;
    const { client, clock } = clockedClient(server, { timeoutMs: 0 });
    server.script({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const call = rejection(client.GET(PATH, { params, signal: controller.signal }));
    expect(await clock.nextTimer()).toBe(5000);
    controller.abort(new Error('user left'));
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(clock.pending).toBe(0);
    expect(server.received).toHaveLength(1);
  });

  it('an abort between a retryable response and its retry wait throws AbortError without starting the wait', async () => {
    const { server } = fault;
    server.script({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    // Aborts as the 503 arrives, before the transport has read its body and would start the 5 s wait.
    const abortOn503: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 503) controller.abort(new Error('user left'));
      return response;
    };
    const { client, clock } = clockedClient(server, { timeoutMs: 0, fetch: abortOn503 });
    const error = await rejection(client.GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(clock.timersSet).toBe(0);
    expect(server.received).toHaveLength(1);
  });

  it('aborting while the body is still arriving throws AbortError: the read ends with the call', async () => {
    const { server } = fault;
    server.script({ cut: 'stall', body: group });
    const controller = new AbortController();
    // Aborts once the headers are in and the body has stalled half-way.
    const abortAfterHeaders: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      setImmediate(() => controller.abort(new Error('user left')));
      return response;
    };
    const { client } = clockedClient(server, { fetch: abortAfterHeaders });
    const error = await rejection(client.GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(server.received).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { server } = fault;
    const error = await rejection(realClient(server).GET(PATH, { params, signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.received).toHaveLength(0);
  });

  it("leaves nothing on the caller's signal once its calls are done and their Requests collected", async () => {
    const { server } = fault;
    // The Request openapi-fetch builds follows the caller's signal through a listener that the runtime
    // (undici) drops when the Request is garbage-collected, as with openapi-fetch or fetch alone; the
    // client listens on the Request's own signal (so an abort still ends a body being read), never on the
    // caller's. So once the calls' Requests are collected, the signal is bare, however many calls used it.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const controller = new AbortController();
    server.script({ body: group }, { status: 503, headers: { 'retry-after': '0' } }, { body: group });
    const client = realClient(server);
    for (let i = 0; i < 2; i++) await client.GET(PATH, { params, signal: controller.signal });
    expect(server.received).toHaveLength(3);
    for (let round = 0; round < 50 && getEventListeners(controller.signal, 'abort').length > 0; round++) {
      gc();
      await settle();
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('connection failures', () => {
  it('a refused connection is retried, then a ConnectionError', async () => {
    const closed = await startFaultServer();
    await closed.close();
    const client = createClient({ baseUrl: closed.url, token: TOKEN, maxRetries: 2, retry: { initialDelayMs: 5 } });
    const error = await rejection(client.GET(PATH, { params }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ kind: 'ConnectionError', code: 'connection_error' });
    expect((error as ConnectionError).status).toBeUndefined();
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('a connection lost while the body is read is a ConnectionError naming the call (not retried: the response was handed on)', async () => {
    const { server } = fault;
    server.script({ cut: 'reset', body: group });
    const error = await rejection(realClient(server).GET(PATH, { params }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'connection_error', status: undefined });
    expect((error as Error).message).toMatch(
      /^Connection lost while reading the response: .+ \(http:\/\/127\.0\.0\.1:\d+\/session-error-groups\/seg_1\)$/,
    );
    expect(server.received).toHaveLength(1);
  });

  it('a dropped socket is retried like any network error', async () => {
    const { server } = fault;
    server.script({ drop: true }, { body: group });
    expect((await realClient(server).GET(PATH, { params })).data).toEqual(group);
    expect(server.received).toHaveLength(2);
  });
});
