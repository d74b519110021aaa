// PostgreSQL plans each list query once per connection, not once per request. A prepared statement
// gets custom plans for its first five executions; after that PostgreSQL keeps its generic plan only
// when that plan does not look costlier. A bound `LIMIT $n` made it look ~400× costlier (it assumes
// a tenth of the table), so every page was planned again: 700 µs of PostgreSQL CPU per list request
// instead of ~150 µs under `bench:replicas`. pg_prepared_statements counts both kinds of plan.
// The read lane (the default) goes further: its connections only ever use the generic plan
// (`plan_cache_mode = force_generic_plan`), so no list shape depends on PostgreSQL's cost comparison.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareStore } from '../src/prepare-store.js';
import { LOCAL_TENANT } from '../src/store/contract.js';
import type { FixtureIds } from '../src/store/fixtures.js';
import { PgStore } from '../src/store/postgres/store.js';
import { createTestDatabase } from './support/postgres.js';

const RUNS = 12;

describe.each([
  ['on the read lane', 1],
  ['on the pool', 0],
])('PostgreSQL list queries %s', (_where, readConnections) => {
  const lane = readConnections > 0;
  let store: PgStore;
  let fixtures: FixtureIds;

  beforeAll(async () => {
    const url = await createTestDatabase(inject('postgresUrl'), 'plans');
    const prepared = await prepareStore({ db: url, seed: 7, sessions: 20, errors: 5000, log: () => {} });
    await prepared.store.close();
    // One connection for reads, so every execution below lands in the session whose statements we inspect.
    store = await PgStore.open(url, { poolSize: 1, readConnections });
    fixtures = (await store.fixtureIds(LOCAL_TENANT))!;
  }, 120_000);
  afterAll(() => store?.close());

  const lists: [string, (s: PgStore) => Promise<unknown>][] = [
    ['errors, first page', (s) => s.listErrors(LOCAL_TENANT, {}, { limit: 20, order: 'desc' })],
    ['errors after a cursor', (s) => s.listErrors(LOCAL_TENANT, {}, { limit: 20, order: 'asc', after: fixtures.session_error_id })],
    ['errors of one type', (s) => s.listErrors(LOCAL_TENANT, { type: ['message_processing_timeout'] }, { limit: 20, order: 'desc' })],
    ["a session's errors", (s) => s.listErrors(LOCAL_TENANT, {}, { limit: 20, order: 'asc' }, fixtures.session_id)],
    ['groups', (s) => s.listGroups(LOCAL_TENANT, {}, { limit: 20, order: 'asc' })],
    ["a session's events", (s) => s.listEvents(LOCAL_TENANT, fixtures.session_id, {}, { limit: 20, order: 'asc' })],
  ];

  /** Executions of each prepared statement of the store's one connection, by kind of plan. */
  async function plans(): Promise<Map<string, { generic: number; custom: number }>> {
    const sql = 'SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements';
    type Plans = { statement: string; generic_plans: number; custom_plans: number };
    const readLane = store['lane'];
    const rows = readLane ? await readLane.query<Plans>({ text: sql, values: [] }) : (await store['pool'].query<Plans>(sql)).rows;
    return new Map(rows.map((r) => [r.statement, { generic: r.generic_plans, custom: r.custom_plans }]));
  }

  // Through the pool, PostgreSQL chooses: for the page after the first error, its custom plan (~8, plus
  // ~10 for planning, in its cost units) looks a little cheaper than the generic one (~18.5, which
  // assumes a third of the tenant's errors follow the cursor), so that page is planned on every request
  // there. On the lane it is not.
  const shapes = lane ? lists : lists.filter(([name]) => name !== 'errors after a cursor');

  // Pages whose best index depends on the values are never prepared: PostgreSQL plans them with their
  // values every time (a generic plan walked all 100,000 errors of a tenant for two unknown sessions).
  it.each([
    ['errors of two sessions', { session_id: ['ses_nobody00000001', 'ses_nobody00000002'] }],
    ['errors of two types', { type: ['message_processing_timeout', 'provider_error'] }],
    ['errors of one type in one session', { type: ['message_processing_timeout'], session_id: ['ses_nobody00000001'] }],
  ])('%s: planned with its values every time', async (_name, filters) => {
    const before = await plans();
    for (let i = 0; i < RUNS; i++) await store.listErrors(LOCAL_TENANT, filters, { limit: 20, order: 'desc' });
    const prepared = [...(await plans()).keys()].filter((statement) => !before.has(statement));
    expect(prepared).toEqual([]);
  });

  it.each(shapes)('%s: planned at most five times, then the generic plan is reused', async (_name, list) => {
    const before = await plans();
    for (let i = 0; i < RUNS; i++) await list(store);
    const ran = [...(await plans())].filter(([statement, n]) => {
      const was = before.get(statement) ?? { generic: 0, custom: 0 };
      return n.generic + n.custom - was.generic - was.custom >= RUNS;
    });
    expect(ran.length).toBeGreaterThan(0);
    for (const [statement, n] of ran) {
      // PostgreSQL's five trial custom plans at most, none on the lane; every later execution reuses the generic one.
      expect(n.custom, statement).toBeLessThanOrEqual(lane ? 0 : 5);
      expect(n.generic, statement).toBeGreaterThanOrEqual(lane ? RUNS : RUNS - 5);
    }
  });
});
