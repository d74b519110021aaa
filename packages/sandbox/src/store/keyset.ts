// Keyset paging over an id-ordered source, as SQL both engines run: every page is one range scan of a
// `(tenant, filter, id)` index or of the table itself, plus at most one `LIMIT 1` probe for the flag on
// the cursor's side. Placeholders are `?`; the PostgreSQL engine numbers them.

export interface Source {
  /** FROM clause (tables and joins). */
  from: string;
  /** The id column that orders the source, e.g. `e.id`. */
  id: string;
  /** The selected expression: the item's JSON text, built in the query (in each engine's dialect). */
  select: string;
}

/** One WHERE condition with its parameters. */
export interface Condition {
  sql: string;
  params: unknown[];
  /** It matches any of several values (`IN (…)`): how many rows it selects depends on which. */
  several?: boolean;
}

export interface PageRequest {
  limit: number;
  order: 'asc' | 'desc';
  after?: string;
  before?: string;
}

export interface Page {
  /** The items' JSON texts, in the requested order. */
  rows: string[];
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
}

/** A page as queries: the scan (limit + 1 rows) and, with a cursor, the probe of the cursor's other side. */
export interface PagePlan {
  scan: Condition;
  probe?: Condition;
  limit: number;
  backward: boolean;
  /**
   * The best plan is the same whatever the values: the tenant and at most one other condition, none
   * with several values, so the one `(tenant, column, id)` index (or the table) serves it. Otherwise
   * which index serves best depends on the values, and PostgreSQL must plan it with them.
   */
  samePlanForAnyValues: boolean;
}

/** `column = ?` or `column IN (?, ?, …)`: items matching any of the values. */
export function anyOf(column: string, values: readonly string[]): Condition {
  if (values.length === 1) return { sql: `${column} = ?`, params: [values[0]] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values], several: true };
}

/**
 * The queries of one page in the chosen order. `after=X`: the items following X in that order;
 * `before=X`: the items just before X. The probe says whether a matching item exists at or beyond
 * the cursor (the cursor item itself, when it matches, counts as being on its side).
 */
export function planPage(source: Source, conditions: Condition[], request: PageRequest): PagePlan {
  const asc = request.order === 'asc';
  const cursor = request.before ?? request.after;
  const backward = request.before !== undefined;
  const where = conditions.map((c) => c.sql);
  const params = conditions.flatMap((c) => c.params);
  // Scan direction: forward in the chosen order, or backward from `before`.
  const scanAsc = backward ? !asc : asc;
  if (cursor !== undefined) where.push(`${source.id} ${scanAsc ? '>' : '<'} ?`);
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  // The limit is written into the SQL, not bound: with `LIMIT $n` PostgreSQL's generic plan assumes
  // a tenth of the table, looks far costlier than a custom plan, and so every execution is planned
  // again (measured: 700 µs of PostgreSQL CPU per list page instead of 150). A checked integer is
  // safe to inline, and at most 100 texts per list shape are prepared.
  if (!Number.isSafeInteger(request.limit) || request.limit < 1)
    throw new RangeError(`page limit must be a positive integer, got ${request.limit}`);
  const sql = `SELECT ${source.select} FROM ${source.from}${whereSql} ORDER BY ${source.id} ${scanAsc ? 'ASC' : 'DESC'} LIMIT ${request.limit + 1}`;
  const args = cursor !== undefined ? [...params, cursor] : params;
  const samePlanForAnyValues = conditions.length <= 2 && !conditions.some((c) => c.several);
  const plan: PagePlan = { scan: { sql, params: args }, limit: request.limit, backward, samePlanForAnyValues };
  if (cursor === undefined) return plan;
  const probeWhere = conditions.map((c) => c.sql);
  probeWhere.push(`${source.id} ${scanAsc ? '<=' : '>='} ?`);
  plan.probe = { sql: `SELECT 1 FROM ${source.from} WHERE ${probeWhere.join(' AND ')} LIMIT 1`, params: [...params, cursor] };
  return plan;
}

/** The page from the scan's rows (JSON texts, limit + 1 at most) and the probe's answer. */
export function finishPage(plan: PagePlan, rows: string[], probeFound: boolean): Page {
  const more = rows.length > plan.limit;
  if (more) rows.length = plan.limit;
  if (plan.backward) rows.reverse();
  if (!plan.probe) return { rows, hasMoreBefore: false, hasMoreAfter: more };
  return plan.backward ? { rows, hasMoreBefore: more, hasMoreAfter: probeFound } : { rows, hasMoreBefore: probeFound, hasMoreAfter: more };
}
