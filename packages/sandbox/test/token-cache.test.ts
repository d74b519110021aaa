// The token cache in front of the PostgreSQL store's token lookup (src/store/token-cache.ts), with a
// lookup whose answers the test releases by hand, so that "in flight" is a state the test controls.
import { describe, expect, it } from 'vitest';
import { TokenCache, type Found } from '../src/store/token-cache.js';

/** A lookup that records its calls and answers each one when the test says so. */
function controlledLookup() {
  const calls: { token: string; now: number; answer: (found: Found<string> | undefined) => void; fail: (error: Error) => void }[] = [];
  const lookup = (token: string, now: number) =>
    new Promise<Found<string> | undefined>((answer, fail) => calls.push({ token, now, answer, fail }));
  return { calls, lookup };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const t0 = 1_000_000;

describe('TokenCache', () => {
  it('shares one lookup between concurrent requests for a token (no burst of identical queries)', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const waiting = Array.from({ length: 50 }, () => cache.get('tok', t0));
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ value: 'tenant-a', expiresAt: null });
    expect(await Promise.all(waiting)).toEqual(Array(50).fill('tenant-a'));
    expect(await cache.get('tok', t0 + 10)).toBe('tenant-a');
    expect(calls).toHaveLength(1);
  });

  it('serves an entry past half its age at once and refreshes it once in the background', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const first = cache.get('tok', t0);
    calls[0]!.answer({ value: 'tenant-a', expiresAt: null });
    await first;
    expect(await cache.get('tok', t0 + 499)).toBe('tenant-a');
    expect(calls).toHaveLength(1);
    // Past half the age: answered from the cache without waiting for the refresh it starts.
    expect(await Promise.all([cache.get('tok', t0 + 500), cache.get('tok', t0 + 600)])).toEqual(['tenant-a', 'tenant-a']);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.now).toBe(t0 + 500);
    calls[1]!.answer({ value: 'tenant-a', expiresAt: null });
    await tick();
    // The refreshed entry is young again: no lookup until it passes half its age.
    expect(await cache.get('tok', t0 + 999)).toBe('tenant-a');
    expect(calls).toHaveLength(2);
  });

  it('never serves an entry as old as the maximum age: the request waits for a fresh lookup', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const first = cache.get('tok', t0);
    calls[0]!.answer({ value: 'tenant-a', expiresAt: null });
    await first;
    let answered: string | undefined = 'pending';
    const late = cache.get('tok', t0 + 1000).then((value) => (answered = value));
    await tick();
    expect(answered).toBe('pending');
    calls[1]!.answer(undefined);
    await late;
    expect(answered).toBeUndefined();
  });

  it('does not cache an unknown token, and does not serve a token past its expiry', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const unknown = cache.get('nope', t0);
    calls[0]!.answer(undefined);
    expect(await unknown).toBeUndefined();
    const again = cache.get('nope', t0 + 1);
    expect(calls).toHaveLength(2);
    calls[1]!.answer(undefined);
    await again;

    const expiring = cache.get('tok', t0);
    calls[2]!.answer({ value: 'tenant-b', expiresAt: t0 + 100 });
    expect(await expiring).toBe('tenant-b');
    const after = cache.get('tok', t0 + 100);
    expect(calls).toHaveLength(4);
    calls[3]!.answer({ value: 'tenant-b', expiresAt: t0 + 100 });
    expect(await after).toBeUndefined();
  });

  it('forgets a tenant at once, and a lookup in flight when it was forgotten does not put it back', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const first = cache.get('tok', t0);
    calls[0]!.answer({ value: 'tenant-a', expiresAt: null });
    await first;
    const refreshing = cache.get('tok', t0 + 600); // starts a background refresh
    expect(await refreshing).toBe('tenant-a');
    cache.forget((tenant) => tenant === 'tenant-a');
    calls[1]!.answer({ value: 'tenant-a', expiresAt: null }); // read before the delete committed
    await tick();
    const next = cache.get('tok', t0 + 700);
    await tick();
    expect(calls).toHaveLength(3);
    calls[2]!.answer(undefined);
    expect(await next).toBeUndefined();
  });

  it('a request after a forget does not join a lookup that started before it (it may have read the deleted tenant)', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const before = cache.get('tok', t0);
    cache.forget((tenant) => tenant === 'tenant-a');
    const after = cache.get('tok', t0 + 1);
    expect(calls).toHaveLength(2);
    calls[0]!.answer({ value: 'tenant-a', expiresAt: null }); // read before the delete committed
    calls[1]!.answer(undefined); // read after
    expect(await before).toBe('tenant-a');
    expect(await after).toBeUndefined();
    // Neither put the forgotten tenant back: the next request looks the token up again.
    const next = cache.get('tok', t0 + 2);
    expect(calls).toHaveLength(3);
    calls[2]!.answer(undefined);
    expect(await next).toBeUndefined();
  });

  it('keeps serving an entry when its background refresh fails; a request that must wait gets the failure', async () => {
    const { calls, lookup } = controlledLookup();
    const cache = new TokenCache(lookup, 1000);
    const first = cache.get('tok', t0);
    calls[0]!.answer({ value: 'tenant-a', expiresAt: null });
    await first;
    expect(await cache.get('tok', t0 + 600)).toBe('tenant-a');
    calls[1]!.fail(new Error('database down'));
    await tick();
    expect(await cache.get('tok', t0 + 700)).toBe('tenant-a');
    calls[2]!.fail(new Error('database down'));
    await tick();
    const waiting = cache.get('tok', t0 + 1000);
    calls[3]!.fail(new Error('database down'));
    await expect(waiting).rejects.toThrow('database down');
  });
});
