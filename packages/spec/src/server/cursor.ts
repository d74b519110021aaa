// The opaque paging cursor, in upstream's format: `cur_` + base62 of the UTF-8 JSON `["after"|"before", id]`.
// It stands for `after=<id>` or `before=<id>`; list responses carry none (the spec's `cursor` parameter says so).

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** What a cursor may name: an id as the API writes them. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Which side of the id a cursor pages to. */
export type CursorDirection = 'after' | 'before';

/** A decoded cursor. */
export interface Cursor {
  direction: CursorDirection;
  id: string;
}

/** Encodes a direction and an id as a `cur_…` token. */
export function encodeCursor(direction: CursorDirection, id: string): string {
  let number = BigInt(`0x${Buffer.from(JSON.stringify([direction, id]), 'utf8').toString('hex')}`);
  let digits = '';
  while (number > 0n) {
    digits = BASE62[Number(number % 62n)]! + digits;
    number /= 62n;
  }
  return `cur_${digits}`;
}

/** Decodes a `cur_…` token; undefined when it is not a well-formed cursor naming an id. */
export function decodeCursor(token: string): Cursor | undefined {
  if (!/^cur_[A-Za-z0-9]{1,700}$/.test(token)) return undefined;
  let number = 0n;
  for (const character of token.slice(4)) number = number * 62n + BigInt(BASE62.indexOf(character));
  const hex = number.toString(16);
  try {
    const value: unknown = JSON.parse(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [direction, id] = value as unknown[];
    if ((direction !== 'after' && direction !== 'before') || typeof id !== 'string' || !ID.test(id)) return undefined;
    return { direction, id };
  } catch {
    return undefined;
  }
}
