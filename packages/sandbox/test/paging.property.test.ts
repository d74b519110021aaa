// Property: for random filters, limits and orders, walking every page forward (after=last id) and
// then backward (before=first id) yields each matching item exactly once, in order, with the
// has_more flags right at both ends. The oracle filters all rows in plain JavaScript.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@session-obs/spec/server';
import { memorySandbox, specProblems } from './helpers.js';

// Hundreds of requests per property: the timeout only catches a hang, whatever the machine's load.
const WALKS_TIMEOUT_MS = 300_000;

let sandbox: Awaited<ReturnType<typeof memorySandbox>>;
type Row = Record<string, string | null>;
let errors: Row[];
let groups: Array<{ id: string; type: string; provider_id: string | null; sessions: string[] }>;
let events: Row[];

beforeAll(async () => {
  sandbox = await memorySandbox({ seed: 3, sessions: 10, errors: 250 });
  errors = sandbox.db
    .prepare(
      'SELECT id, type, session_id, provider_run_id, provider_id, group_id, connection_id, session_provider_id, session_message_id FROM session_errors',
    )
    .all() as Row[];
  const members = sandbox.db.prepare('SELECT group_id, session_id FROM session_error_group_sessions').all() as Array<{
    group_id: string;
    session_id: string;
  }>;
  groups = (
    sandbox.db.prepare('SELECT id, type, provider_id FROM session_error_groups').all() as Array<{
      id: string;
      type: string;
      provider_id: string | null;
    }>
  ).map((g) => ({
    ...g,
    sessions: members.filter((m) => m.group_id === g.id).map((m) => m.session_id),
  }));
  events = sandbox.db.prepare('SELECT id, session_id, server_run_id, server_session_id FROM session_events').all() as Row[];
});
afterAll(() => sandbox.close());

interface Walk {
  path: string;
  specPath: string;
  query: Array<[string, string]>;
  expected: string[];
}

async function walk({ path, specPath, query }: Walk, limit: number, order: 'asc' | 'desc', useCursor: boolean) {
  const url = (extra: Array<[string, string]>) =>
    `${path}?${new URLSearchParams([...query, ['limit', String(limit)], ['order', order], ...extra])}`;
  const fetchPage = async (extra: Array<[string, string]>) => {
    const { status, body } = await sandbox.get(url(extra));
    expect(status, JSON.stringify(body)).toBe(200);
    expect(specProblems(specPath, 200, body)).toBe('');
    expect(body.items.length).toBeLessThanOrEqual(limit);
    return body as { items: Array<{ id: string }>; pagination: { has_more_before: boolean; has_more_after: boolean } };
  };
  const forward: string[] = [];
  let page = await fetchPage([]);
  expect(page.pagination.has_more_before).toBe(false);
  forward.push(...page.items.map((i) => i.id));
  while (page.pagination.has_more_after) {
    const last = page.items.at(-1)!.id;
    page = await fetchPage(useCursor ? [['cursor', encodeCursor('after', last)]] : [['after', last]]);
    expect(page.pagination.has_more_before).toBe(true);
    expect(page.items.length).toBeGreaterThan(0);
    forward.push(...page.items.map((i) => i.id));
  }
  // Backward from the last page's first item.
  const backward: string[] = [...page.items.map((i) => i.id)];
  while (page.pagination.has_more_before) {
    const first = page.items[0]!.id;
    page = await fetchPage(useCursor ? [['cursor', encodeCursor('before', first)]] : [['before', first]]);
    expect(page.pagination.has_more_after).toBe(true);
    backward.unshift(...page.items.map((i) => i.id));
  }
  return { forward, backward };
}

const sorted = (ids: string[], order: 'asc' | 'desc') => {
  const s = [...ids].sort();
  return order === 'asc' ? s : s.reverse();
};

/** Picks 1–3 values of a column (sometimes one that matches nothing), sent as repeated keys or `key[]=`. */
const filterOf = (name: string, values: string[]) =>
  fc
    .record({
      // `type` is an enum: an unknown value is a 400, not an empty match.
      values: fc.uniqueArray(
        name === 'type'
          ? fc.constantFrom(...values)
          : fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constant('zzz_nomatch') }),
        { minLength: 1, maxLength: 3 },
      ),
      brackets: fc.boolean(),
    })
    .map((f) => ({ name, ...f }));

/** The query pairs of some filters: each value as `name=v`, or `name[]=v` when the filter uses brackets. */
const queryOf = (filters: Array<{ name: string; values: string[]; brackets: boolean }>): Array<[string, string]> =>
  filters.flatMap((f) => f.values.map((v): [string, string] => [f.brackets ? `${f.name}[]` : f.name, v]));

const distinct = (rows: Row[], column: string) => [...new Set(rows.map((r) => r[column]).filter((v): v is string => v !== null))];

describe('keyset paging walks every matching item exactly once, in order', () => {
  const settings = fc.record({
    limit: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 100 })),
    order: fc.constantFrom('asc' as const, 'desc' as const),
    useCursor: fc.boolean(),
  });

  it(
    'GET /session-errors and /sessions/{id}/errors with random filters',
    async () => {
      const columns: Record<string, string> = {
        type: 'type',
        session_id: 'session_id',
        provider_run_id: 'provider_run_id',
        provider_id: 'provider_id',
        session_error_group_id: 'group_id',
        session_connection_id: 'connection_id',
      };
      const filterArb = fc
        .subarray(Object.keys(columns), { maxLength: 2 })
        .chain((names) => fc.tuple(...names.map((n) => filterOf(n, distinct(errors, columns[n]!)))));
      await fc.assert(
        fc.asyncProperty(
          filterArb,
          settings,
          fc.option(fc.constantFrom(...distinct(errors, 'session_id')), { nil: undefined }),
          async (filters, s, scope) => {
            const query = queryOf(filters);
            const expected = errors
              .filter((e) => (scope ? e.session_id === scope : true))
              .filter((e) => filters.every((f) => f.values.includes(e[columns[f.name]!] as string)))
              .map((e) => e.id!);
            const target = scope
              ? { path: `/sessions/${scope}/errors`, specPath: '/sessions/{session_id}/errors' }
              : { path: '/session-errors', specPath: '/session-errors' };
            const { forward, backward } = await walk({ ...target, query, expected }, s.limit, s.order, s.useCursor);
            expect(forward).toEqual(sorted(expected, s.order));
            expect(backward).toEqual(sorted(expected, s.order));
          },
        ),
        { numRuns: 40 },
      );
    },
    WALKS_TIMEOUT_MS,
  );

  it(
    'GET /session-error-groups and /sessions/{id}/error-groups with random filters',
    async () => {
      const sessions = distinct(errors, 'session_id');
      const filterArb = fc.tuple(
        fc.option(filterOf('type', [...new Set(groups.map((g) => g.type))]), { nil: undefined }),
        fc.option(filterOf('provider_id', [...new Set(groups.flatMap((g) => (g.provider_id ? [g.provider_id] : [])))]), { nil: undefined }),
        fc.option(filterOf('session_id', sessions), { nil: undefined }),
      );
      await fc.assert(
        fc.asyncProperty(filterArb, settings, fc.option(fc.constantFrom(...sessions), { nil: undefined }), async (maybe, s, scope) => {
          const filters = maybe.filter((f) => f !== undefined);
          const query = queryOf(filters);
          const expected = groups
            .filter((g) => (scope ? g.sessions.includes(scope) : true))
            .filter((g) =>
              filters.every((f) =>
                f.name === 'session_id'
                  ? g.sessions.some((x) => f.values.includes(x))
                  : f.values.includes(g[f.name as 'type' | 'provider_id'] as string),
              ),
            )
            .map((g) => g.id);
          const target = scope
            ? { path: `/sessions/${scope}/error-groups`, specPath: '/sessions/{session_id}/error-groups' }
            : { path: '/session-error-groups', specPath: '/session-error-groups' };
          const { forward, backward } = await walk({ ...target, query, expected }, s.limit, s.order, s.useCursor);
          expect(forward).toEqual(sorted(expected, s.order));
          expect(backward).toEqual(sorted(expected, s.order));
        }),
        { numRuns: 40 },
      );
    },
    WALKS_TIMEOUT_MS,
  );

  it(
    'GET /sessions/{id}/events with random filters',
    async () => {
      const sessions = distinct(events, 'session_id');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...sessions),
          fc.option(filterOf('server_run_id', distinct(events, 'server_run_id')), { nil: undefined }),
          fc.integer({ min: 1, max: 10 }),
          fc.constantFrom('asc' as const, 'desc' as const),
          async (scope, filter, limit, order) => {
            const query = queryOf(filter ? [filter] : []);
            const expected = events
              .filter((e) => e.session_id === scope && (!filter || filter.values.includes(e.server_run_id!)))
              .map((e) => e.id!);
            const { forward, backward } = await walk(
              { path: `/sessions/${scope}/events`, specPath: '/sessions/{session_id}/events', query, expected },
              limit,
              order,
              false,
            );
            expect(forward).toEqual(sorted(expected, order));
            expect(backward).toEqual(sorted(expected, order));
          },
        ),
        { numRuns: 30 },
      );
    },
    WALKS_TIMEOUT_MS,
  );

  it('no response failed spec validation', () => {
    expect(sandbox.problems).toEqual([]);
  });
});
