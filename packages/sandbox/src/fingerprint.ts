// The grouping fingerprint. Upstream hashes the exact message, so "timed out after 30012 ms" and
// "timed out after 29870 ms" land in different groups; we replace the variable parts first.
import { createHash } from 'node:crypto';

/**
 * Normalisation rules, applied in order (earlier rules win, so a UUID is never seen as numbers).
 * Each rule replaces a variable part of a message with a placeholder.
 */
export const NORMALISATION_RULES: ReadonlyArray<{ name: string; pattern: RegExp; replacement: string }> = [
  { name: 'timestamp', pattern: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, replacement: '<ts>' },
  { name: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, replacement: '<uuid>' },
  { name: 'quoted', pattern: /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g, replacement: '<str>' },
  { name: 'url', pattern: /\bhttps?:\/\/[^\s"'<>]*[^\s"'<>.,:;)]/g, replacement: '<url>' },
  { name: 'ip', pattern: /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, replacement: '<ip>' },
  { name: 'prefixed id', pattern: /\b[a-z]{2,6}_[A-Za-z0-9]{6,}\b/g, replacement: '<id>' },
  { name: 'hex', pattern: /\b0x[0-9a-f]+\b|\b[0-9a-f]{12,}\b/gi, replacement: '<hex>' },
  { name: 'number', pattern: /[+-]?\b\d+(?:[.,]\d+)*\b/g, replacement: '<n>' },
];

/** Replaces the variable parts of a message (timestamps, UUIDs, quoted values, URLs, ids, numbers). */
export function normaliseMessage(message: string): string {
  let out = message;
  for (const rule of NORMALISATION_RULES) out = out.replace(rule.pattern, rule.replacement);
  return out.replace(/\s+/g, ' ').trim();
}

export interface FingerprintInput {
  type: string;
  provider_run_id: string | null;
  code: string;
  message: string;
}

/** sha256 (hex) of the canonical JSON `[type, provider_run_id, code, normalised message]`. */
export function fingerprint(error: FingerprintInput): string {
  const canonical = JSON.stringify([error.type, error.provider_run_id ?? null, error.code, normaliseMessage(error.message)]);
  return createHash('sha256').update(canonical).digest('hex');
}
