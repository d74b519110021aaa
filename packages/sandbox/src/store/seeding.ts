// The seed's writes, for either engine: rows are collected in memory and written by the engine in one
// transaction per `checkpoint()` (every 10,000 errors), errors grouped as they are collected by the
// same fingerprint the grouping worker uses. Counts of groups accumulate in memory and are written
// once per transaction (one upsert per touched group instead of two statements per error).
import { fingerprint } from '../fingerprint.js';
import { makeId, type Rng } from '../ids.js';
import type { SessionErrorGroupRow, SessionErrorRow } from './rows.js';
import type { NewEventRow, NewObservabilityRow } from './writes.js';

/** The columns of a stored error that grouping reads. */
export type GroupableError = Pick<
  SessionErrorRow,
  'id' | 'session_id' | 'type' | 'code' | 'message' | 'data' | 'provider_run_id' | 'provider_id' | 'created_at'
>;

/** A seeded session error: stored `processed`, in the group {@link SeedWriter.groupOf} gave it. */
export interface SeededErrorRow extends GroupableError {
  connection_id: string | null;
  session_provider_id: string | null;
  session_message_id: string | null;
  group_id: string;
}

/** A group's row and how many errors it gained in this batch (added to its stored count). */
export type SeedGroupRow = Omit<SessionErrorGroupRow, 'occurrence_count'> & { added: number };

/** One transaction's worth of seed rows. */
export interface SeedBatch {
  sessions: { id: string; created_at: string }[];
  events: NewEventRow[];
  observability: NewObservabilityRow[];
  errors: SeededErrorRow[];
  groups: SeedGroupRow[];
  members: { session_id: string; group_id: string }[];
}

/** Writes a batch for a tenant in one transaction (and adds its rows to the tenant's row count). */
export type SeedBatchWriter = (tenantId: string, batch: SeedBatch) => Promise<void>;

const emptyBatch = (): SeedBatch => ({ sessions: [], events: [], observability: [], errors: [], groups: [], members: [] });

/** Collects one seed run of a tenant; ends with {@link SeedWriter.end}. */
export class SeedWriter {
  private batch = emptyBatch();
  private readonly groups = new Map<string, SeedGroupRow>();
  private readonly members = new Set<string>();

  constructor(
    private readonly write: SeedBatchWriter,
    private readonly tenantId: string,
    private readonly rng: Rng,
  ) {}

  /** Stores a session. */
  session(id: string, createdAt: string): void {
    this.batch.sessions.push({ id, created_at: createdAt });
  }

  /** Stores an event. */
  event(row: NewEventRow): void {
    this.batch.events.push(row);
  }

  /** Stores an observability session. */
  observabilitySession(row: NewObservabilityRow): void {
    this.batch.observability.push(row);
  }

  /** The group of an error about to be stored (first occurrence: a new group keeping this error's message and data). */
  groupOf(error: GroupableError): string {
    const fp = fingerprint(error);
    const key = `${error.type}\u0000${fp}`;
    let group = this.groups.get(key);
    if (!group) {
      const id = makeId('seg', Date.parse(error.created_at) || Date.now(), this.rng);
      group = {
        id,
        type: error.type,
        fingerprint: fp,
        code: error.code,
        message: error.message,
        data: error.data,
        provider_id: error.provider_id,
        added: 0,
        created_at: error.created_at,
      };
      this.groups.set(key, group);
    }
    group.added++;
    const member = `${error.session_id}\u0000${group.id}`;
    if (!this.members.has(member)) {
      this.members.add(member);
      this.batch.members.push({ session_id: error.session_id, group_id: group.id });
    }
    return group.id;
  }

  /** Stores an error in its group. */
  error(row: SeededErrorRow): void {
    this.batch.errors.push(row);
  }

  /** Writes what is collected so far (with the groups' counts) in one transaction. */
  async checkpoint(): Promise<void> {
    const batch = this.batch;
    this.batch = emptyBatch();
    for (const group of this.groups.values()) {
      if (group.added === 0) continue;
      batch.groups.push({ ...group });
      group.added = 0;
    }
    await this.write(this.tenantId, batch);
  }

  /** Writes the rest; returns the number of groups the seed made. */
  async end(): Promise<number> {
    await this.checkpoint();
    return this.groups.size;
  }
}
