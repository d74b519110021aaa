// Grouping with several store instances (on PostgreSQL: separate pools, as separate replicas have)
// grouping one database at the same time as errors are ingested: every error grouped exactly once,
// each group's occurrence_count equal to its members, per tenant; the same suite on both engines.
import { describe, expect, it } from 'vitest';
import { openEngine, type EngineStore } from '../src/prepare-store.js';
import { LOCAL_TENANT } from '../src/store/contract.js';
import { prepareLocalTenant } from '../src/store/seed-runs.js';
import type { NewErrorRow } from '../src/store/writes.js';
import { ENGINES } from './support/engines.js';

const TEMPLATES = ['Tool call "t" timed out after N ms', 'Upstream answered HTTP N', 'Connection to 10.0.0.N:443 refused'];

function rows(tenantTag: string, batch: number): NewErrorRow[] {
  return Array.from({ length: 50 }, (_, i) => ({
    id: `ser_zz${tenantTag}${String(batch * 50 + i).padStart(8, '0')}`,
    session_id: `ses_${tenantTag}000000${batch % 4}`,
    type: 'message_processing_timeout',
    code: 'CONCURRENT',
    message: TEMPLATES[i % 3]!.replace('N', String(100 + i)),
    data: '{}',
    provider_run_id: null,
    provider_id: null,
    connection_id: null,
    session_provider_id: null,
    session_message_id: null,
    created_at: '2026-01-01T00:00:00.000Z',
  }));
}

describe.each(ENGINES)('grouping on $name with three store instances at once', (engine) => {
  it('groups every error exactly once, with exact counts per tenant', async () => {
    const location = await engine.newLocation();
    const stores: EngineStore[] = await Promise.all([openEngine(location), openEngine(location), openEngine(location)]);
    try {
      await prepareLocalTenant(stores[0]!, undefined);
      const other = await stores[0]!.createTenant({
        createdBy: 'test',
        seed: { seed: 1, sessions: 1, errors: 0 },
        limits: { perAddressPerHour: 10, total: 10, rowsPerTenant: 100_000, idleSeconds: 600 },
      });
      if ('refused' in other) throw new Error('refused');
      const tenants = [
        { id: LOCAL_TENANT, tag: 'aa' },
        { id: other.id, tag: 'bb' },
      ];
      // Ingest and grouping interleave: 12 ingest batches spread over the instances, three workers grouping meanwhile.
      let ingesting = true;
      const ingests = Promise.all(
        Array.from({ length: 12 }, (_, b) => stores[b % 3]!.ingestErrors(tenants[b % 2]!.id, rows(tenants[b % 2]!.tag, b))),
      ).finally(() => (ingesting = false));
      const worker = async (store: EngineStore) => {
        let grouped = 0;
        while (ingesting) grouped += await store.groupPending();
        return grouped + (await store.groupAllPending());
      };
      const [, ...grouped] = await Promise.all([ingests, ...stores.map(worker)]);
      expect(grouped.reduce((a, b) => a + b, 0)).toBe(600);
      for (const tenant of tenants) {
        expect(await stores[1]!.counts(tenant.id)).toMatchObject({ session_errors: 300, processing: 0 });
        const groups = await engine.query(
          location,
          engine.name === 'sqlite'
            ? 'SELECT g.occurrence_count AS c, (SELECT count(*) FROM session_errors e WHERE e.tenant_id = g.tenant_id AND e.group_id = g.id) AS n FROM session_error_groups g WHERE g.tenant_id = ?'
            : 'SELECT g.occurrence_count AS c, (SELECT count(*) FROM session_errors e WHERE e.tenant_id = g.tenant_id AND e.group_id = g.id) AS n FROM session_error_groups g WHERE g.tenant_id = $1',
          [tenant.id],
        );
        expect(groups).toHaveLength(3);
        for (const group of groups) expect(Number(group.c)).toBe(Number(group.n));
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
