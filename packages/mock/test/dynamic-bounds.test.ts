// `Prefer: dynamic=true` cannot stall the mock: Prism's generator filled arrays up to the schema's maxItems
// (an events page of ~5 MB, seconds of synchronous CPU per try, up to 10 tries), so a plain request behind
// three dynamic ones waited 8 s. The server runs in this process, so this event loop's delay is the server's.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_MAX_ITEMS } from '../src/bounded-schemas.js';
import { createMockServer, defaultSpecPath, type MockServer } from '../src/index.js';
import { AUTH, get, specProblems } from './helpers.js';

let mock: MockServer;
let base: string;
beforeAll(async () => {
  mock = await createMockServer({ specPath: defaultSpecPath(), log: () => {} });
  base = await mock.listen(0, '127.0.0.1');
});
afterAll(() => mock?.close());

const EVENTS = '/sessions/ses_a/events';
const DYNAMIC = { ...AUTH, Prefer: 'dynamic=true' };

/** The length of the longest array anywhere in a value. */
function longestArray(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}

describe('Prefer: dynamic=true', () => {
  it('generates bodies whose arrays hold at most a few items, still valid against the spec', async () => {
    const example = JSON.stringify((await get(base, EVENTS)).body);
    let generated = 0;
    for (let i = 0; i < 5; i++) {
      const { status, body } = await get(base, EVENTS, DYNAMIC);
      expect(status).toBe(200);
      if (JSON.stringify(body) !== example) generated++;
      expect(longestArray(body)).toBeLessThanOrEqual(GENERATED_MAX_ITEMS);
      expect(specProblems('/sessions/{session_id}/events', 200, body)).toBe('');
    }
    // Generated, not the example the mock falls back to when the generator cannot make a valid body.
    expect(generated).toBeGreaterThan(0);
  });

  it('does not hold the event loop: three dynamic requests and a plain one', async () => {
    await get(base, EVENTS, DYNAMIC); // warm up (Prism compiles on first use)
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const [plain] = await Promise.all([get(base, '/session-errors'), ...[1, 2, 3].map(() => get(base, EVENTS, DYNAMIC))]);
    delay.disable();
    expect(plain.status).toBe(200);
    // Unbounded, one try blocked for seconds; a generous margin for a loaded machine.
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });
});
