// Keyset paging over an id-ordered source: every page is one range scan of an `(filter, id)` index
// or of the table itself, plus at most one `LIMIT 1` probe for the flag on the cursor's side.
import type { Database, Statement } from 'better-sqlite3';

export interface Source {
  /** FROM clause (tables and joins). */
  from: string;
  /** The id column that orders the source, e.g. `e.id`. */
  id: string;
  /** The one selected expression: the item's JSON text. */
  select: string;
}

/** One WHERE condition with its parameters. */
export interface Condition {
  sql: string;
  params: unknown[];
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

/** `column = ?` or `column IN (?, ?, …)`: items matching any of the values. */
export function anyOf(column: string, values: readonly string[]): Condition {
  if (values.length === 1) return { sql: `${column} = ?`, params: [values[0]] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** Runs keyset-paged queries, caching one prepared statement per distinct SQL text. */
export class KeysetPager {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // pluck: each row is its one column's value (the JSON text, or 1 for a probe), not an object.
      statement = this.db.prepare(sql).pluck();
      if (this.statements.size > 2000) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * One page in the chosen order. `after=X`: the items following X in that order; `before=X`: the
   * items just before X. `hasMoreBefore`/`hasMoreAfter` say whether matching items exist on either
   * side of the page (the cursor item itself, when it matches, counts as being on its side).
   */
  page(source: Source, conditions: Condition[], request: PageRequest): Page {
    const asc = request.order === 'asc';
    const cursor = request.before ?? request.after;
    const backward = request.before !== undefined;
    const where = conditions.map((c) => c.sql);
    const params = conditions.flatMap((c) => c.params);
    // Scan direction: forward in the chosen order, or backward from `before`.
    const scanAsc = backward ? !asc : asc;
    if (cursor !== undefined) where.push(`${source.id} ${scanAsc ? '>' : '<'} ?`);
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const sql = `SELECT ${source.select} FROM ${source.from}${whereSql} ORDER BY ${source.id} ${scanAsc ? 'ASC' : 'DESC'} LIMIT ?`;
    const args = cursor !== undefined ? [...params, cursor, request.limit + 1] : [...params, request.limit + 1];
    const rows = this.prepare(sql).all(...args) as string[];
    const more = rows.length > request.limit;
    if (more) rows.length = request.limit;
    if (backward) rows.reverse();
    if (cursor === undefined) return { rows, hasMoreBefore: false, hasMoreAfter: more };

    // The other side of the cursor: is there a matching item at or beyond it?
    const probeWhere = conditions.map((c) => c.sql);
    probeWhere.push(`${source.id} ${scanAsc ? '<=' : '>='} ?`);
    const probeSql = `SELECT 1 FROM ${source.from} WHERE ${probeWhere.join(' AND ')} LIMIT 1`;
    const other = this.prepare(probeSql).get(...params, cursor) !== undefined;
    return backward ? { rows, hasMoreBefore: more, hasMoreAfter: other } : { rows, hasMoreBefore: other, hasMoreAfter: more };
  }
}
