// Ingest → processing → grouping worker → processed, and exact counts under concurrent writers
// (many ingest requests at once, plus an `import` process writing to the same database file).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGroupingWorker } from '../src/grouping-worker.js';
import { cliPath, startSandbox } from '../src/start-sandbox.js';
import { openDatabase } from '../src/store/database.js';
import { memorySandbox, specProblems, TOKEN } from './helpers.js';

const post = (url: string, errors: object[]) =>
  fetch(`${url}/_sandbox/errors`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ errors }),
  });

describe('an ingested error goes from processing to processed', () => {
  it('is processing until the worker groups it, then joins the group of its normalised message', async () => {
    const sandbox = await memorySandbox({ sessions: 2, errors: 10 });
    try {
      const make = (ms: number) => ({
        session_id: 'ses_ingest000001',
        type: 'message_processing_timeout',
        code: 'TOOL_CALL_TIMEOUT',
        message: `Tool call "x" timed out after ${ms} ms`,
        provider_run_id: 'prn_ingest000001',
        data: { ms },
      });
      const response = await post(sandbox.url, [make(30012), make(29870)]);
      expect(response.status).toBe(202);
      const { items } = (await response.json()) as { items: Array<{ id: string; status: string }> };
      expect(items.map((i) => i.status)).toEqual(['processing', 'processing']);
      const before = await sandbox.get(`/sessions/ses_ingest000001/errors/${items[0]!.id}`);
      expect(before.body).toMatchObject({ status: 'processing', group_id: null, similar_error_count: 0 });
      expect(specProblems('/sessions/{session_id}/errors/{session_error_id}', 200, before.body)).toBe('');

      const worker = startGroupingWorker(sandbox.store, { intervalMs: 20 });
      let after = before;
      for (let i = 0; i < 100 && after.body.status !== 'processed'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = await sandbox.get(`/sessions/ses_ingest000001/errors/${items[0]!.id}`);
      }
      worker.stop();
      expect(after.body).toMatchObject({ status: 'processed', similar_error_count: 2 });
      const second = await sandbox.get(`/sessions/ses_ingest000001/errors/${items[1]!.id}`);
      expect(second.body.group_id).toBe(after.body.group_id);
      const group = await sandbox.get(`/sessions/ses_ingest000001/error-groups/${after.body.group_id}`);
      expect(group.body).toMatchObject({ occurrence_count: 2, message: 'Tool call "x" timed out after 30012 ms', data: { ms: 30012 } });
    } finally {
      await sandbox.close();
    }
  });

  it('rejects an invalid ingest body with invalid_data', async () => {
    const sandbox = await memorySandbox({ sessions: 1, errors: 1 });
    try {
      const response = await post(sandbox.url, [{ session_id: 'ses_x', type: 'nope' }]);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'invalid_data' });
    } finally {
      await sandbox.close();
    }
  });
});

describe('counts stay exact under concurrent writers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-concurrency-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('occurrence_count and similar_error_count equal the real number of members', async () => {
    const db = join(dir, 'store.db');
    const sandbox = await startSandbox({ db, tokens: [TOKEN], sessions: 3, errors: 50, groupingIntervalMs: 5 });
    try {
      const templates = [
        'Connection to api.example.com:443 timed out after N seconds',
        'Upstream answered HTTP N for request req_RANDOM',
        'Tool call "t" timed out after N ms',
      ];
      const error = (i: number) => ({
        session_id: `ses_conc00000${i % 3}`,
        type: 'message_processing_timeout',
        code: 'CONCURRENT',
        message: templates[i % 3]!.replace('N', String(1000 + i)).replace('RANDOM', `${i}abcdefgh`),
        provider_run_id: 'prn_conc000000001',
      });
      const lines = Array.from({ length: 600 }, (_, i) =>
        JSON.stringify({ ...error(i), id: `ser_zzimport${String(i).padStart(6, '0')}` }),
      ).join('\n');
      writeFileSync(join(dir, 'lines.ndjson'), lines);
      const importer = new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [cliPath, 'import', join(dir, 'lines.ndjson'), '--db', db, '--batch', '50'], {
          stdio: 'ignore',
        });
        child.once('exit', resolve);
      });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, r) =>
          post(
            sandbox.url,
            Array.from({ length: 30 }, (_, i) => error(r * 30 + i)),
          ),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
      expect(await importer).toBe(0);
      const run = await fetch(`${sandbox.url}/_sandbox/grouping/run`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(run.status).toBe(200);

      const store = openDatabase(db);
      try {
        const rows = store
          .prepare("SELECT group_id, count(*) AS n FROM session_errors WHERE code = 'CONCURRENT' GROUP BY group_id")
          .all() as Array<{ group_id: string | null; n: number }>;
        expect(rows).toHaveLength(3);
        expect(rows.every((r) => r.group_id !== null)).toBe(true);
        expect(rows.reduce((s, r) => s + r.n, 0)).toBe(1200);
        for (const row of rows) {
          const { occurrence_count } = store
            .prepare('SELECT occurrence_count FROM session_error_groups WHERE id = ?')
            .get(row.group_id) as { occurrence_count: number };
          expect(occurrence_count).toBe(row.n);
        }
        const pending = store.prepare("SELECT count(*) AS n FROM session_errors WHERE status = 'processing'").get() as { n: number };
        expect(pending.n).toBe(0);
      } finally {
        store.close();
      }
      // And through the API: similar_error_count equals the group's count.
      const list = await fetch(`${sandbox.url}/sessions/ses_conc000000/errors?limit=5`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      const body = (await list.json()) as { items: Array<{ group_id: string; similar_error_count: number }> };
      for (const item of body.items) {
        const group = await fetch(`${sandbox.url}/session-error-groups/${item.group_id}`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        });
        expect(((await group.json()) as { occurrence_count: number }).occurrence_count).toBe(item.similar_error_count);
      }
    } finally {
      await sandbox.stop();
    }
  });
});
