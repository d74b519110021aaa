// Two replicas on one PostgreSQL under load, with a fault: 200 tenants created through the API, then
// reads and ingest from all of them at once through both replicas for LOAD_SECONDS (default 30), and
// one replica killed with SIGKILL a third of the way in. Afterwards: no answer ever held another
// tenant's item, every ingest answered 202 is stored and grouped exactly once, and the surviving
// replica answered no 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { TOKEN } from './helpers.js';
import { ENGINES } from './support/engines.js';

const postgres = ENGINES.find((engine) => engine.name === 'postgres')!;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const TENANTS = 200;
const WORKERS = 24;
// The least work a run does, however long it takes (see the test).
const MIN_REQUESTS = 1000;
const MIN_ACCEPTED = 100;

interface Tenant {
  index: number;
  token: string;
  /** Sessions this tenant may show: its seeded ones and the one it ingests into. */
  sessions: Set<string>;
  errorIds: string[];
}

interface Tally {
  requests: number;
  foreign: string[];
  accepted: Map<string, number>;
  survivorStatuses: Map<number, number>;
}

const ingestSession = (index: number) => `ses_load${String(index).padStart(6, '0')}`;

async function createTenant(url: string, index: number): Promise<Tenant> {
  const response = await fetch(`${url}/_sandbox/tenants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ seed: index, sessions: 2, errors: 10 }),
  });
  expect(response.status).toBe(201);
  const { token } = (await response.json()) as { token: string };
  const list = (await (await fetch(`${url}/session-errors?limit=100`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    items: { id: string; session_id: string }[];
  };
  const sessions = new Set(list.items.map((item) => item.session_id));
  sessions.add(ingestSession(index));
  return { index, token, sessions, errorIds: list.items.map((item) => item.id) };
}

/** One request of a random kind for a random tenant; checks every item it gets back belongs to that tenant. */
async function oneRequest(url: string, tenant: Tenant, tally: Tally, survivor: boolean): Promise<void> {
  const auth = { Authorization: `Bearer ${tenant.token}` };
  const kind = Math.random();
  let response: Response;
  if (kind < 0.3) {
    const body = {
      errors: [
        {
          session_id: ingestSession(tenant.index),
          type: 'message_processing_timeout',
          code: 'LOAD',
          message: `tenant ${tenant.index} timed out after ${Math.floor(Math.random() * 1e4)} ms`,
        },
      ],
    };
    response = await fetch(`${url}/_sandbox/errors`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } else if (kind < 0.7) {
    response = await fetch(`${url}/session-errors?limit=20&order=desc`, { headers: auth });
  } else {
    const id = tenant.errorIds[Math.floor(Math.random() * tenant.errorIds.length)]!;
    response = await fetch(`${url}/session-errors?id=${id}`, { headers: auth });
  }
  const text = await response.text();
  tally.requests++;
  if (survivor) tally.survivorStatuses.set(response.status, (tally.survivorStatuses.get(response.status) ?? 0) + 1);
  if (response.status >= 300) return;
  const items = (JSON.parse(text) as { items: { id: string; session_id: string; message: string }[] }).items;
  for (const item of items) {
    const ingested = item.session_id === ingestSession(tenant.index) && item.message.startsWith(`tenant ${tenant.index} `);
    if (!tenant.sessions.has(item.session_id) || (item.session_id.startsWith('ses_load') && !ingested)) tally.foreign.push(item.id);
  }
  if (response.status === 202) for (const item of items) tally.accepted.set(item.id, tenant.index);
}

describe('two replicas on one PostgreSQL, under load, one killed', () => {
  let database: string;
  let replicas: RunningSandbox[];
  beforeAll(async () => {
    database = await postgres.newLocation();
    const args = ['--database', database, '--tenants-per-hour', '1000', '--max-tenants', '1000', '--pool-size', '8'];
    const start = (more: string[]) =>
      startSandbox({ tokens: [TOKEN], sessions: 2, errors: 20, groupingIntervalMs: 50, args: [...args, ...more] });
    // The survivor reads over the pipelined read lane (the default), the victim through its pool: both ways under the same load.
    replicas = await Promise.all([start([]), start(['--read-connections', '0'])]);
  });
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.stop()));
  });

  it(
    `serves ${TENANTS} tenants for ${SECONDS} s: nothing crosses tenants, every 202 is grouped once, the survivor answers no 5xx`,
    { timeout: (SECONDS + 150) * 1000 },
    async () => {
      const tenants: Tenant[] = [];
      for (let i = 0; i < TENANTS; i += 10) {
        tenants.push(...(await Promise.all(Array.from({ length: 10 }, (_, k) => createTenant(replicas[(i + k) % 2]!.url, i + k)))));
      }
      expect(new Set(tenants.map((tenant) => tenant.token)).size).toBe(TENANTS);
      const tally: Tally = { requests: 0, foreign: [], accepted: new Map(), survivorStatuses: new Map() };
      const [survivor, victim] = replicas as [RunningSandbox, RunningSandbox];
      let victimAlive = true;
      const ends = Date.now() + SECONDS * 1000;
      const killer = setTimeout(
        () => {
          victimAlive = false;
          process.kill(-victim.process.pid!, 'SIGKILL');
        },
        (SECONDS * 1000) / 3,
      );
      // At least SECONDS of load and at least MIN_REQUESTS answers (of them MIN_ACCEPTED ingests), however
      // slow a loaded machine makes each request: the assertions below depend on the work done, not the time.
      const enough = () => tally.requests >= MIN_REQUESTS && tally.accepted.size >= MIN_ACCEPTED;
      const worker = async (w: number) => {
        for (let n = 0; Date.now() < ends || !enough(); n++) {
          const toVictim = victimAlive && (w + n) % 2 === 1;
          const tenant = tenants[Math.floor(Math.random() * tenants.length)]!;
          // A request to the killed replica may fail mid-flight: not answered, so not counted.
          await oneRequest(toVictim ? victim.url : survivor.url, tenant, tally, !toVictim).catch(() => {});
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
      clearTimeout(killer);

      expect(tally.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
      expect(tally.foreign).toEqual([]);
      expect([...tally.survivorStatuses.keys()].filter((status) => status >= 500)).toEqual([]);
      // The survivor's worker groups what the victim left pending.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [row] = await postgres.query(database, "SELECT count(*)::int AS n FROM session_errors WHERE status = 'processing'");
        if (row!.n === 0 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const accepted = [...tally.accepted.keys()];
      expect(accepted.length).toBeGreaterThanOrEqual(MIN_ACCEPTED);
      const stored = await postgres.query(
        database,
        "SELECT id, status, group_id FROM session_errors WHERE id = ANY($1::text[]) AND code = 'LOAD'",
        [accepted],
      );
      expect(stored).toHaveLength(accepted.length);
      expect(stored.filter((row) => row.status !== 'processed' || row.group_id === null)).toEqual([]);
      const miscounted = await postgres.query(
        database,
        `SELECT g.tenant_id, g.id FROM session_error_groups g
       WHERE g.occurrence_count <> (SELECT count(*) FROM session_errors e WHERE e.tenant_id = g.tenant_id AND e.group_id = g.id)`,
      );
      expect(miscounted).toEqual([]);
    },
  );
});
