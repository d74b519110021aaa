// The paging rules beyond each parameter's own schema, as the API states them: `after` and `before` not
// together, a `cursor` that decodes (`cur_` + base62 of the JSON `["after" | "before", id]`) and comes
// alone. The sandbox applies the same rules (its handlers and cursor codec); they belong next to
// `parseParameters` in @session-obs/spec, for both servers to share.
import type { ParameterProblem } from '@session-obs/spec';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Decodes a `cur_…` token to its direction and id; undefined when it is not one. */
export function decodeCursor(token: string): { direction: 'after' | 'before'; id: string } | undefined {
  if (!/^cur_[A-Za-z0-9]{1,700}$/.test(token)) return undefined;
  let number = 0n;
  for (const character of token.slice(4)) number = number * 62n + BigInt(BASE62.indexOf(character));
  const hex = number.toString(16);
  try {
    const value: unknown = JSON.parse(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [direction, id] = value as unknown[];
    if ((direction !== 'after' && direction !== 'before') || typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return undefined;
    return { direction, id };
  } catch {
    return undefined;
  }
}

/** The cross-parameter problems of a list request's valid query values (those `parseParameters` accepted). */
export function pagingProblems(query: Record<string, unknown>): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const { after, before, cursor } = query;
  if (after !== undefined && before !== undefined) {
    problems.push({
      in: 'query',
      code: 'conflicting_cursors',
      keyword: 'custom',
      message: 'Cannot use both after and before cursors',
      path: ['before'],
    });
  }
  if (typeof cursor === 'string') {
    if (!decodeCursor(cursor)) {
      problems.push({
        in: 'query',
        code: 'invalid_cursor',
        keyword: 'custom',
        message: 'Invalid cursor format',
        path: ['cursor'],
        received: cursor.slice(0, 256),
      });
    } else if (after !== undefined || before !== undefined) {
      problems.push({
        in: 'query',
        code: 'conflicting_cursors',
        keyword: 'custom',
        message: 'Cannot combine cursor with after or before',
        path: ['cursor'],
      });
    }
  }
  return problems;
}
