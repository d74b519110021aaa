// The paging rules beyond each parameter's own schema, as the API states them: `after` and `before` not
// together; a `cursor` that decodes and comes alone. Both servers apply them to what `parseParameters` read.
import { decodeCursor } from './cursor.js';
import type { ParameterProblem } from './problems.js';

/** Where a list request starts, once its paging parameters are checked together. */
export interface PagingBounds {
  /** Every problem of the request (a 400 when any): the parameters' own, then the paging rules'. */
  problems: ParameterProblem[];
  /** The id to page after (`after`, or a cursor's), when the request is valid. */
  after?: string;
  /** The id to page before (`before`, or a cursor's), when the request is valid. */
  before?: string;
}

const problem = (code: string, message: string, name: string, extra: Partial<ParameterProblem> = {}): ParameterProblem => ({
  in: 'query',
  code,
  keyword: 'custom',
  message,
  path: [name],
  ...extra,
});

/** Upstream's one answer to any cursor it cannot use, whatever is wrong with it (its shape or its content). */
const invalidCursor = (received: string | undefined): ParameterProblem =>
  problem('invalid_cursor', 'Invalid cursor format', 'cursor', {
    expected: 'a cur_… token',
    ...(received !== undefined ? { received: received.slice(0, 256) } : {}),
  });

/** Checks `after`, `before` and `cursor` of a parsed list request together. */
export function pagingBounds(parsed: { query: Record<string, unknown>; problems: readonly ParameterProblem[] }): PagingBounds {
  const { query } = parsed;
  const problems = parsed.problems.map((found) =>
    found.in === 'query' && found.path[0] === 'cursor' ? invalidCursor(found.received) : found,
  );
  const after = typeof query.after === 'string' ? query.after : undefined;
  const before = typeof query.before === 'string' ? query.before : undefined;
  if (after !== undefined && before !== undefined) {
    problems.push(problem('conflicting_cursors', 'Cannot use both after and before cursors', 'before'));
  }
  const cursor = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
  if (typeof query.cursor === 'string' && !cursor) problems.push(invalidCursor(query.cursor));
  else if (cursor && (after !== undefined || before !== undefined)) {
    problems.push(problem('conflicting_cursors', 'Cannot combine cursor with after or before', 'cursor'));
  }
  if (problems.length) return { problems };
  if (cursor) return { problems, [cursor.direction]: cursor.id };
  return { problems, ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}) };
}
