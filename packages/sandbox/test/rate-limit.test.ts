import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets, parseRateLimit } from '../src/http/rate-limit.js';
import { memorySandbox, specProblems, TOKEN } from './helpers.js';

describe('TokenBuckets', () => {
  it('refuses when empty, refills at the configured rate, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, () => now);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a')).toMatchObject({ allowed: true, remaining: 0, limit: 2 });
    expect(buckets.take('a')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('b').allowed).toBe(true);
    now = 1000;
    expect(buckets.take('a').allowed).toBe(true);
  });

  it('makes room without resetting a drained bucket: a flood of addresses never refills a token', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 0.001 }, () => now);
    buckets.take('token:a');
    buckets.take('token:a');
    expect(buckets.take('token:a').allowed).toBe(false);
    for (let i = 0; i < 25_000; i++) buckets.take(`anonymous:10.0.${i >> 8}.${i & 255}`);
    expect(buckets.take('token:a').allowed).toBe(false);
    // Buckets full again are dropped first, and lose nothing: a token unused for long starts full anyway.
    now = 10_000_000;
    expect(buckets.take('token:a').allowed).toBe(true);
  });

  it('is off without options', () => {
    const buckets = new TokenBuckets(undefined);
    for (let i = 0; i < 10_000; i++) expect(buckets.take('a').allowed).toBe(true);
  });

  it('parses <capacity>[:<per-second>]', () => {
    expect(parseRateLimit('20:10')).toEqual({ capacity: 20, refillPerSecond: 10 });
    expect(parseRateLimit('5')).toEqual({ capacity: 5, refillPerSecond: 5 });
    expect(() => parseRateLimit('x')).toThrow();
  });
});

describe('rate limiting over HTTP', () => {
  let sandbox: Awaited<ReturnType<typeof memorySandbox>>;
  let now = 0;
  beforeAll(async () => {
    sandbox = await memorySandbox({ sessions: 2, errors: 20, rateLimit: { capacity: 3, refillPerSecond: 0.5 }, now: () => now });
  });
  afterAll(() => sandbox.close());

  it('answers 429 with Retry-After and RateLimit-* once the bucket is empty, then recovers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await sandbox.get('/session-errors?limit=1')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const { response, body } = await sandbox.get('/session-errors');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('ratelimit-limit')).toBe('3');
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(body.code).toBe('rate_limit_exceeded');
    expect(specProblems('/session-errors', 429, body)).toBe('');
    const obs = await sandbox.get('/observability.sessions.get?platform=ios&session_id=a&version_key=b');
    expect(obs.status).toBe(429);
    expect(obs.body).toMatchObject({ type: 'too_many_requests', retry_after: 2 });
    now += 2000;
    expect((await sandbox.get('/session-errors?limit=1')).status).toBe(200);
  });
});

describe('the /_sandbox/ routes and callers without an accepted token share the buckets', () => {
  let sandbox: Awaited<ReturnType<typeof memorySandbox>>;
  let now = 0;
  beforeAll(async () => {
    sandbox = await memorySandbox({ sessions: 2, errors: 20, rateLimit: { capacity: 3, refillPerSecond: 0.5 }, now: () => now });
  });
  afterAll(() => sandbox.close());
  const send = (method: string, path: string, token?: string, body?: string) =>
    fetch(sandbox.url + path, { method, body, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const limits = (response: Response) =>
    ['ratelimit-limit', 'ratelimit-remaining', 'retry-after'].map((name) => response.headers.get(name));
  const ingest = JSON.stringify({ errors: [{ session_id: 'ses_a', type: 'message_processing_timeout', code: 'X', message: 'm' }] });

  it('takes from the token’s bucket on the routes that need a token, with its real headers, and answers 429 when it is empty', async () => {
    now += 60_000;
    const answers: Response[] = [];
    answers.push(await send('POST', '/_sandbox/errors', TOKEN, ingest));
    answers.push(await send('GET', '/_sandbox/fixtures', TOKEN));
    answers.push(await send('POST', '/_sandbox/grouping/run', TOKEN));
    expect(answers.map((response) => response.status)).toEqual([202, 200, 200]);
    expect(answers.map(limits)).toEqual([
      ['3', '2', null],
      ['3', '1', null],
      ['3', '0', null],
    ]);
    for (const [method, path] of [
      ['POST', '/_sandbox/errors'],
      ['POST', '/_sandbox/reset'],
      ['DELETE', '/_sandbox/tenant'],
    ] as const) {
      const refused = await send(method, path, TOKEN, method === 'POST' ? ingest : undefined);
      expect(refused.status).toBe(429);
      expect(limits(refused)).toEqual(['3', '0', '2']);
      expect(await refused.json()).toMatchObject({ object: 'error', status: 429, code: 'rate_limit_exceeded' });
    }
    // One bucket per token, whichever routes it is spent on.
    expect((await sandbox.get('/session-errors?limit=1')).status).toBe(429);
    // Health and readiness are not counted.
    expect((await send('GET', '/_sandbox/health', TOKEN)).status).toBe(200);
    expect((await send('GET', '/_sandbox/ready')).status).toBe(200);
  });

  it('charges requests without an accepted token to their address’s bucket: 401 while it lasts, then 429', async () => {
    now += 60_000;
    const statuses: number[] = [];
    for (const token of [undefined, 'wrong-token', undefined]) statuses.push((await send('GET', '/session-errors', token)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await send('GET', '/session-errors', 'wrong-token');
    expect(refused.status).toBe(429);
    expect(limits(refused)).toEqual(['3', '0', '2']);
    const body = await refused.json();
    expect(body.code).toBe('rate_limit_exceeded');
    expect(specProblems('/session-errors', 429, body)).toBe('');
    const observability = await send('GET', '/observability.sessions.get?platform=ios&session_id=a&version_key=b');
    expect(observability.status).toBe(429);
    expect(await observability.json()).toMatchObject({ type: 'too_many_requests', retry_after: 2 });
    expect((await send('POST', '/_sandbox/reset', 'wrong-token')).status).toBe(429);
    // The token's own bucket is untouched by them.
    expect((await sandbox.get('/session-errors?limit=1')).status).toBe(200);
    now += 2000;
    expect((await send('GET', '/session-errors')).status).toBe(401);
  });
});
