// The paging rules beyond each parameter's own schema, as the API states them: `after` and `before` not
// together; a `cursor` that decodes and comes alone. Both servers apply them after `parseParameters`.
import { decodeCursor } from './cursor.js';
import type { ParameterProblem } from './problems.js';

/** Where a list request starts, once its paging parameters are checked together. */
export interface PagingBounds {
  /** The cross-parameter problems (a 400 when any). */
  problems: ParameterProblem[];
  /** The id to page after (`after`, or a cursor's), when the request is valid. */
  after?: string;
  /** The id to page before (`before`, or a cursor's), when the request is valid. */
  before?: string;
}

const problem = (code: string, message: string, name: string, received?: string): ParameterProblem => ({
  in: 'query',
  code,
  keyword: 'custom',
  message,
  path: [name],
  ...(received !== undefined ? { received: received.slice(0, 256) } : {}),
});

/** Checks `after`, `before` and `cursor` of a list request's accepted query values together. */
export function pagingBounds(query: Record<string, unknown>): PagingBounds {
  const after = typeof query.after === 'string' ? query.after : undefined;
  const before = typeof query.before === 'string' ? query.before : undefined;
  const problems: ParameterProblem[] = [];
  if (after !== undefined && before !== undefined) {
    problems.push(problem('conflicting_cursors', 'Cannot use both after and before cursors', 'before'));
  }
  if (typeof query.cursor !== 'string') return problems.length ? { problems } : { problems, ...bounds(after, before) };
  const cursor = decodeCursor(query.cursor);
  if (!cursor) problems.push(problem('invalid_cursor', 'Invalid cursor format', 'cursor', query.cursor));
  else if (after !== undefined || before !== undefined) {
    problems.push(problem('conflicting_cursors', 'Cannot combine cursor with after or before', 'cursor'));
  }
  if (problems.length || !cursor) return { problems };
  return { problems, [cursor.direction]: cursor.id };
}

const bounds = (after: string | undefined, before: string | undefined) => ({
  ...(after !== undefined ? { after } : {}),
  ...(before !== undefined ? { before } : {}),
});
