// `import` refuses a line nested deeper than 64 levels, naming it, before anything of it is stored (its
// `data` or event body would otherwise overflow the stack when written as JSON).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importNdjson } from '../src/import.js';
import { LOCAL_TENANT } from '../src/store/contract.js';
import { openDatabase } from '../src/store/database.js';
import { SqliteStore } from '../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import', () => {
  it('names a line nested too deep; the lines before it are stored', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    try {
      const error = { session_id: 'ses_import000001', type: 'message_processing_timeout', code: 'X', message: 'm' };
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const file = join(dir, 'deep.ndjson');
      writeFileSync(file, `${JSON.stringify(error)}\n${JSON.stringify(error).slice(0, -1)},"data":{"x":${deep}}}\n`);
      await expect(importNdjson(store, LOCAL_TENANT, file, { batchSize: 1 })).rejects.toThrow(
        'line 2: the line nests arrays and objects more than 64 levels deep',
      );
      expect((await store.counts(LOCAL_TENANT)).session_errors).toBe(1);
    } finally {
      await store.close();
    }
  });
});
