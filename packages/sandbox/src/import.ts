// `import`: loads scenario data from an NDJSON file. Each line is validated as it is read; lines are
// committed in batches, one transaction each, and "acknowledged N" is reported only after its COMMIT,
// so a crash (even SIGKILL) loses no acknowledged line and leaves no half batch. Lines with ids are
// idempotent: re-running an interrupted import skips what is already stored.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createSpecValidator, formatErrors } from '@session-obs/spec';
import { MAX_NESTING, nestedDeeperThan } from './nesting-depth.js';
import { checkIngestError, createErrorIds, errorRow, type IngestError } from './ingest.js';
import type { SandboxStore } from './store/contract.js';
import type { ImportRecord } from './store/writes.js';

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

type SpecValidator = ReturnType<typeof createSpecValidator>;

/** The record to store for one parsed line; throws with the reason when the line is invalid. */
function recordOf(value: Record<string, any>, newId: () => string, spec: () => SpecValidator): ImportRecord {
  if (nestedDeeperThan(value, MAX_NESTING)) throw new Error(`the line nests arrays and objects more than ${MAX_NESTING} levels deep`);
  const kind: unknown = value.kind ?? 'error';
  if (kind === 'error') {
    const { kind: _kind, ...error } = value;
    const problem = checkIngestError(error);
    if (problem) throw new Error(problem);
    return { kind, row: errorRow(error as IngestError, newId, true) };
  }
  if (kind === 'event') {
    const event = value.event;
    const result = spec().validateComponent('SessionEvent', event);
    if (!result.valid) throw new Error(`invalid session.event: ${formatErrors(result.errors)}`);
    const run = event.server_run ?? event.server_run_error?.server_run;
    return {
      kind,
      row: {
        id: event.id,
        session_id: event.session_id,
        type: event.type,
        server_run_id: run?.id ?? null,
        server_session_id: run?.server_session?.id ?? null,
        body: JSON.stringify(event),
        created_at: event.created_at,
      },
    };
  }
  if (kind === 'observability_session') {
    const result = spec().validateComponent('ObservabilitySession', value.session);
    if (!result.valid) throw new Error(`invalid observability session: ${formatErrors(result.errors)}`);
    const row = {
      platform: value.platform,
      version_key: value.version_key,
      session_id: value.session.session_id,
      body: JSON.stringify(value.session),
    };
    return { kind, row };
  }
  throw new Error(`unknown kind "${String(kind)}"`);
}

/** Imports an NDJSON file into a tenant of the store. Throws (naming the line) on the first invalid line; earlier batches stay committed. */
export async function importNdjson(
  store: SandboxStore,
  tenantId: string,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const newId = createErrorIds();
  let specValidator: SpecValidator | undefined;
  const spec = () => (specValidator ??= createSpecValidator());
  const result: ImportResult = { lines: 0, errors: 0, events: 0, observabilitySessions: 0 };
  let batch: ImportRecord[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await store.importBatch(tenantId, batch);
    for (const record of batch) {
      if (record.kind === 'error') result.errors++;
      else if (record.kind === 'event') result.events++;
      else result.observabilitySessions++;
    }
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
    try {
      batch.push(recordOf(value as Record<string, any>, newId, spec));
    } catch (error) {
      throw new Error(`line ${n}: ${(error as Error).message}`, { cause: error });
    }
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return result;
}
