import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets, parseRateLimit } from '../src/http/rate-limit.js';
import { memorySandbox, specProblems } from './helpers.js';

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
