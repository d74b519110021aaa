// The package's public entry, imported by its name (the built dist/ through `exports`), used the way
// its README shows: in-process, a store from prepareStore served by createSandboxServer, with the
// grouping worker running while it listens. Internals stay out of the entry.
import * as sandboxPackage from '@session-obs/sandbox';
import { createSandboxServer, DEFAULT_TOKEN, prepareStore, StoreOpenError, type SandboxStore } from '@session-obs/sandbox';
import { describe, expect, it } from 'vitest';

const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

describe('@session-obs/sandbox', () => {
  it('exports what users call, and nothing else', () => {
    expect(Object.keys(sandboxPackage).sort()).toEqual([
      'DEFAULT_TOKEN',
      'StoreOpenError',
      'createSandboxServer',
      'prepareStore',
      'startSandbox',
    ]);
  });

  it('serves a prepared store in-process, grouping ingested errors while it listens', async () => {
    const { store, seeded } = await prepareStore({ db: ':memory:', seed: 5, sessions: 2, errors: 30, log: () => {}, stream: quiet });
    expect(seeded).toMatchObject({ sessions: 2, errors: 30 });
    const server = createSandboxServer({ store, groupingIntervalMs: 10 });
    const url = await server.listen(0);
    try {
      const auth = { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' };
      const error = { session_id: 'ses_public000001', type: 'message_processing_timeout', code: 'PUBLIC', message: 'in-process' };
      const ingest = await fetch(`${url}/_sandbox/errors`, { method: 'POST', headers: auth, body: JSON.stringify({ errors: [error] }) });
      expect(ingest.status).toBe(202);
      const { items } = (await ingest.json()) as { items: [{ id: string }] };
      const id = items[0].id;
      let status = 'processing';
      while (status === 'processing') {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const response = await fetch(`${url}/sessions/ses_public000001/errors/${id}`, { headers: auth });
        status = ((await response.json()) as { status: string }).status;
      }
      expect(status).toBe('processed');
      expect(await store.counts()).toMatchObject({ sessions: 3, session_errors: 31, processing: 0 });
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('refuses a store that prepareStore did not make', () => {
    const fake = {
      counts: () => ({
        sessions: 0,
        session_errors: 0,
        session_error_groups: 0,
        session_events: 0,
        observability_sessions: 0,
        processing: 0,
      }),
      close: () => {},
    };
    expect(() => createSandboxServer({ store: fake as unknown as SandboxStore })).toThrow(
      new TypeError('createSandboxServer: `store` must be the store prepareStore() returned.'),
    );
  });

  it('prepareStore throws a StoreOpenError naming the path', async () => {
    await expect(prepareStore({ db: '/', seed: 1, sessions: 1, errors: 1, log: () => {} })).rejects.toThrow(StoreOpenError);
  });
});
