// `import`: loads scenario data from an NDJSON file. Lines are committed in batches; each batch is
// one transaction, and "acknowledged N" is printed only after its COMMIT, so a crash (even
// SIGKILL) loses no acknowledged line and leaves no half batch. Lines with ids are idempotent:
// re-running an interrupted import skips what is already stored.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Database } from 'better-sqlite3';
import { checkIngestError, Writer, type IngestError } from './ingest.js';

export interface ImportOptions {
  /** Lines per transaction. Default 1000. */
  batchSize?: number;
  /** Called after each committed batch with the total of acknowledged lines. */
  onAcknowledged?: (lines: number) => void;
}

export interface ImportResult {
  lines: number;
  errors: number;
  events: number;
  observabilitySessions: number;
}

/** Imports an NDJSON file into the store. Throws (naming the line) on the first invalid line; earlier batches stay committed. */
export async function importNdjson(db: Database, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const writer = new Writer(db);
  const batchSize = options.batchSize ?? 1000;
  const result: ImportResult = { lines: 0, errors: 0, events: 0, observabilitySessions: 0 };
  let batch: Array<{ n: number; value: any }> = [];
  const commit = db.transaction((items: typeof batch) => {
    for (const { n, value } of items) {
      const kind = value.kind ?? 'error';
      try {
        if (kind === 'error') {
          const { kind: _kind, ...error } = value;
          const problem = checkIngestError(error);
          if (problem) throw new Error(problem);
          writer.error(error as IngestError, true);
          result.errors++;
        } else if (kind === 'event') {
          writer.event(value.event);
          result.events++;
        } else if (kind === 'observability_session') {
          writer.observabilitySession(value.platform, value.version_key, value.session);
          result.observabilitySessions++;
        } else {
          throw new Error(`unknown kind "${String(kind)}"`);
        }
      } catch (error) {
        throw new Error(`line ${n}: ${(error as Error).message}`, { cause: error });
      }
    }
  });
  const flush = () => {
    if (!batch.length) return;
    commit.immediate(batch);
    result.lines += batch.length;
    batch = [];
    options.onAcknowledged?.(result.lines);
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(`line ${n}: not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`line ${n}: not a JSON object`);
    batch.push({ n, value });
    if (batch.length >= batchSize) flush();
  }
  flush();
  return result;
}
