// Accepted tokens kept for a moment, so that most requests need no query to authenticate. An entry is
// served only while it is younger than `maxAgeMs` (the bound on how long a replica may accept a token
// another replica has deleted). Two things keep a busy token off the request path:
// - concurrent lookups of one token share one query (without that, each request in flight when an
//   entry ages out sends its own: a burst of identical queries, and of idle-expiry updates, every second);
// - an entry past half its age is refreshed in the background while it is still served.

/** What a lookup found: the value to serve, and when the token stops being valid (null: never). */
export interface Found<T> {
  value: T;
  expiresAt: number | null;
}

interface Entry<T> extends Found<T> {
  /** When the lookup that produced it started. */
  at: number;
}

export class TokenCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  // A lookup in flight is joined only by requests of its generation: one that started before a forget may
  // have read what was just forgotten.
  private readonly inFlight = new Map<string, { generation: number; pending: Promise<Found<T> | undefined> }>();
  // Bumped by forget/clear: a lookup that started before must not put back what was just forgotten.
  private generation = 0;

  constructor(
    private readonly lookup: (token: string, now: number) => Promise<Found<T> | undefined>,
    private readonly maxAgeMs = 1000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The token's value (undefined: not accepted), from the cache when it may be served. */
  async get(token: string, now = Date.now()): Promise<T | undefined> {
    const entry = this.entries.get(token);
    if (entry && now - entry.at < this.maxAgeMs && (entry.expiresAt === null || entry.expiresAt > now)) {
      // A failed refresh changes nothing: the entry ages out, and the next request waits for a lookup.
      if (now - entry.at >= this.maxAgeMs / 2) this.load(token, now).catch(() => {});
      return entry.value;
    }
    return (await this.load(token, now))?.value;
  }

  /** Forgets every entry whose value matches (e.g. a deleted tenant's tokens); lookups in flight are not joined any more. */
  forget(matches: (value: T) => boolean): void {
    this.generation++;
    for (const [token, entry] of this.entries) if (matches(entry.value)) this.entries.delete(token);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private load(token: string, now: number): Promise<Found<T> | undefined> {
    const generation = this.generation;
    const joined = this.inFlight.get(token);
    if (joined?.generation === generation) return joined.pending;
    const pending: Promise<Found<T> | undefined> = this.lookup(token, now)
      .then((found) => {
        const valid = found && (found.expiresAt === null || found.expiresAt > now) ? found : undefined;
        if (generation === this.generation) {
          if (!valid) this.entries.delete(token);
          else {
            if (this.entries.size >= this.maxEntries && !this.entries.has(token)) this.entries.clear();
            this.entries.set(token, { ...valid, at: now });
          }
        }
        return valid;
      })
      .finally(() => {
        if (this.inFlight.get(token)?.pending === pending) this.inFlight.delete(token);
      });
    this.inFlight.set(token, { generation, pending });
    return pending;
  }
}
