// The opaque paging cursor: `cur_` + base62 of the UTF-8 JSON `["after"|"before", id]` (upstream's format).
import { BASE62 } from './ids.js';

export type CursorDirection = 'after' | 'before';
export interface Cursor {
  direction: CursorDirection;
  id: string;
}

/** Encodes a direction and an id as a `cur_…` token. */
export function encodeCursor(direction: CursorDirection, id: string): string {
  const bytes = Buffer.from(JSON.stringify([direction, id]), 'utf8');
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return `cur_${out}`;
}

/** Decodes a `cur_…` token; undefined when it is not a cursor this server made. */
export function decodeCursor(token: string): Cursor | undefined {
  if (!/^cur_[A-Za-z0-9]{1,700}$/.test(token)) return undefined;
  let n = 0n;
  for (const ch of token.slice(4)) n = n * 62n + BigInt(BASE62.indexOf(ch));
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  try {
    const value: unknown = JSON.parse(Buffer.from(hex, 'hex').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [direction, id] = value as unknown[];
    if ((direction !== 'after' && direction !== 'before') || typeof id !== 'string' || id === '') return undefined;
    return { direction, id };
  } catch {
    return undefined;
  }
}
