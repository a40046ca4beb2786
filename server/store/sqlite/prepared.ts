// Prepared statements kept per connection. Compiling a statement costs more
// than running most of these queries, and it happened on the server's only
// thread for every request (about 5 % of its time under 100 drafters); the
// store's SQL is a fixed set of strings, so each is compiled once.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.js';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql` on `db`, compiled on first use. */
export function prepared(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
