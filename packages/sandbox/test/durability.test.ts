// Data survives a restart; SIGKILL mid-import loses nothing acknowledged and never corrupts the
// store; SIGKILL of the server loses no acknowledged (202) ingest.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, startSandbox } from '../src/start-sandbox.js';
import { openDatabase } from '../src/store/database.js';
import { TOKEN } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const auth = { Authorization: `Bearer ${TOKEN}` };

/** Integrity check and error count of a database file. */
function check(db: string) {
  const store = openDatabase(db);
  try {
    const integrity = store.pragma('integrity_check', { simple: true });
    const errors = (store.prepare('SELECT count(*) AS n FROM session_errors').get() as { n: number }).n;
    return { integrity, errors };
  } finally {
    store.close();
  }
}

describe('durability', () => {
  it('keeps seeded and ingested data across a restart, without seeding again', async () => {
    const db = join(dir, 'restart.db');
    const first = await startSandbox({ db, tokens: [TOKEN], sessions: 5, errors: 200 });
    const fixtures = (await (await fetch(`${first.url}/_sandbox/fixtures`, { headers: auth })).json()) as { session_id: string };
    const ingest = await fetch(`${first.url}/_sandbox/errors`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        errors: [{ session_id: fixtures.session_id, type: 'message_processing_system_error', code: 'RESTART', message: 'survives' }],
      }),
    });
    const { items } = (await ingest.json()) as { items: Array<{ id: string }> };
    await first.stop();

    const lines: string[] = [];
    const second = await startSandbox({ db, tokens: [TOKEN], sessions: 5, errors: 200, onLog: (l) => lines.push(l) });
    try {
      expect(lines.some((l) => l.includes('seeding'))).toBe(false);
      const response = await fetch(`${second.url}/sessions/${fixtures.session_id}/errors/${items[0]!.id}`, { headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ message: 'survives', status: 'processed' });
      const health = (await (await fetch(`${second.url}/_sandbox/health`)).json()) as { counts: { session_errors: number } };
      expect(health.counts.session_errors).toBe(201);
    } finally {
      await second.stop();
    }
  });

  // Imports 100,000 lines (and most of them again): the timeout only catches a hang, whatever the machine's load.
  it(
    'SIGKILL mid-import: every acknowledged batch is stored, no half batch, no corruption; a re-run completes',
    { timeout: 300_000 },
    async () => {
      const db = join(dir, 'import.db');
      const file = join(dir, 'big.ndjson');
      const total = 100_000;
      const out = createWriteStream(file);
      for (let i = 0; i < total; i++) {
        const line = {
          id: `ser_imp${String(i).padStart(9, '0')}`,
          session_id: `ses_imp${String(i % 50).padStart(6, '0')}`,
          type: 'message_processing_provider_error',
          code: 'UPSTREAM_HTTP_ERROR',
          message: `Upstream answered HTTP 502 for request req_${i}aaaaaaa`,
          data: { i },
        };
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');

      const child = spawn(process.execPath, [cliPath, 'import', file, '--db', db, '--batch', '1000'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let acknowledged = 0;
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          for (const m of chunk.matchAll(/acknowledged (\d+) lines/g)) acknowledged = Math.max(acknowledged, Number(m[1]));
          if (acknowledged >= 5000 && child.exitCode === null) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.once('exit', () => resolve());
        child.once('error', reject);
      });
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      expect(child.signalCode).toBe('SIGKILL');

      const after = check(db);
      expect(after.integrity).toBe('ok');
      expect(after.errors).toBeGreaterThanOrEqual(acknowledged);
      expect(after.errors % 1000).toBe(0);
      expect(after.errors).toBeLessThan(total);

      const rerun = spawn(process.execPath, [cliPath, 'import', file, '--db', db, '--batch', '5000'], { stdio: 'ignore' });
      const [code] = await once(rerun, 'exit');
      expect(code).toBe(0);
      const done = check(db);
      expect(done.integrity).toBe('ok');
      expect(done.errors).toBe(total);
    },
  );

  it('SIGKILL of the server loses no acknowledged ingest', async () => {
    const db = join(dir, 'kill.db');
    const sandbox = await startSandbox({ db, tokens: [TOKEN], sessions: 2, errors: 20 });
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${sandbox.url}/_sandbox/errors`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              errors: Array.from({ length: 10 }, (_, k) => ({
                session_id: `ses_kill0000${w}`,
                type: 'message_processing_timeout',
                code: 'KILL',
                message: `n ${i} ${k}`,
              })),
            }),
          });
          if (response.status === 202)
            acknowledged.push(...((await response.json()) as { items: Array<{ id: string }> }).items.map((x) => x.id));
        } catch {
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 700));
    process.kill(-sandbox.process.pid!, 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    await sandbox.stop();
    expect(acknowledged.length).toBeGreaterThan(0);
    const store = openDatabase(db);
    try {
      expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
      const has = store.prepare('SELECT 1 FROM session_errors WHERE id = ?');
      const missing = acknowledged.filter((id) => has.get(id) === undefined);
      expect(missing).toEqual([]);
    } finally {
      store.close();
    }
  });
});
