// What both engines share about tenants: token and id generation, the token's stored form (its
// SHA-256, never the token), and the SQL of the limits, which run inside the engine's lock.
import { createHash, randomBytes } from 'node:crypto';

/** The stored form of a bearer token: hex SHA-256. A database dump holds no token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` random base62 characters from the system's CSPRNG. */
function randomBase62(length: number): string {
  const bytes = randomBytes(length * 2);
  let text = '';
  // 248 = 4 × 62: bytes at or above it are skipped, so every character is equally likely.
  for (const byte of bytes) if (byte < 248 && text.length < length) text += ALPHABET[byte % 62];
  return text.length === length ? text : text + randomBase62(length - text.length);
}

/** A new self-service token: `sbx_` and 32 random base62 characters (~190 bits). */
export function newToken(): string {
  return `sbx_${randomBase62(32)}`;
}

/** A new tenant id (never shown to users: API objects carry no tenant). */
export function newTenantId(): string {
  return `ten_${randomBase62(16)}`;
}

/**
 * Tenants one address created within the hour before `?` (ms), deleted ones included (a deleted
 * tenant's row stays for that hour, so deleting does not make room), and the self-service tenants that exist.
 */
export const TENANT_COUNTS_SQL = `SELECT
  (SELECT count(*) FROM tenants WHERE kind = 'key' AND created_by = ? AND created_at > ?) AS by_address,
  (SELECT min(created_at) FROM tenants WHERE kind = 'key' AND created_by = ? AND created_at > ?) AS oldest,
  (SELECT count(*) FROM tenants WHERE kind = 'key' AND deleted_at IS NULL) AS total`;

/** Expired self-service tenants still to delete. */
export const EXPIRED_TENANTS_SQL = "SELECT id FROM tenants WHERE kind = 'key' AND deleted_at IS NULL AND expires_at <= ?";

/** A tenant row that is not deleted: writes of a tenant check it in the same transaction, so none lands after a delete. */
export const LIVE = 'deleted_at IS NULL';

/** The rate-limit bucket of an accepted token: keyed by its hash (the database never holds a token). */
export const tokenBucketKey = (token: string): string => `token:${hashToken(token)}`;

/**
 * Rate-limit buckets to forget: untouched since `?` (refilled to full by now, so forgetting one is
 * keeping it full), or of a token no tenant holds any more (a deleted tenant's, a token no longer configured).
 */
export const PRUNE_RATE_BUCKETS_SQL = `DELETE FROM rate_limit_buckets WHERE updated_ms < ?
  OR (key LIKE 'token:%' AND NOT EXISTS (SELECT 1 FROM tenant_tokens t WHERE t.token_hash = substr(rate_limit_buckets.key, 7)))`;

/** Rows of deleted tenants that no longer count for the per-address limit. */
export const FORGET_DELETED_SQL = 'DELETE FROM tenants WHERE deleted_at IS NOT NULL AND created_at <= ?';

/** Which limit (if any) refuses one more tenant from an address, given the counts of {@link TENANT_COUNTS_SQL}. */
export function tenantRefusal(
  counts: { by_address: number; oldest: number | null; total: number },
  limits: { perAddressPerHour: number; total: number },
  now: number,
): { refused: 'address_limit' | 'total_limit'; retryAfterSeconds: number } | undefined {
  if (Number(counts.by_address) >= limits.perAddressPerHour) {
    const freeAt = Number(counts.oldest ?? now) + 3_600_000;
    return { refused: 'address_limit', retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
  }
  if (Number(counts.total) >= limits.total) return { refused: 'total_limit', retryAfterSeconds: 60 };
  return undefined;
}

/** Refill a token bucket and take one token: the new level and whether the take was allowed. */
export function refillAndTake(
  tokens: number,
  elapsedMs: number,
  capacity: number,
  refillPerSecond: number,
): { tokens: number; allowed: boolean } {
  const level = Math.min(capacity, tokens + (Math.max(0, elapsedMs) / 1000) * refillPerSecond);
  return level >= 1 ? { tokens: level - 1, allowed: true } : { tokens: level, allowed: false };
}

/** Touching a tenant's `last_seen_at` more often than this gains nothing (idle expiries are minutes). */
export const TOUCH_EVERY_MS = 30_000;
