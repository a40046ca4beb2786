// What every PostgreSQL store module shares: transactions (a method that writes
// more than one row is one transaction, as the Store interface promises),
// snapshots for reads of more than one table, and the conversions pg needs
// (it returns bigint and COUNT as strings, bytea as Node Buffers).
import type pg from 'pg';

/** Thrown inside a transaction to roll it back and still return a value (a refused write is a result, not an error). */
class RollbackWith<T> {
  constructor(readonly value: T) {}
}

/** Rolls the current transaction back; `inTransaction` returns `value`. */
export function rollback<T>(value: T): never {
  throw new RollbackWith(value);
}

async function withClient<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin).catch((error: Error) => {
      broken = error;
      throw error;
    });
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // A connection that cannot roll back must not go back to the pool mid-transaction.
        broken = rollbackError as Error;
      }
      if (e instanceof RollbackWith) return e.value as T;
      throw e;
    }
  } finally {
    client.release(broken);
  }
}

/** BEGIN … COMMIT around `work`, ROLLBACK when it throws (or calls `rollback`). */
export function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, 'BEGIN', work);
}

/** Several reads that must see one state of the database (a compaction between them would lose updates). */
export function inSnapshot<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
}

/** pg sends bigint and numeric (COUNT, SUM, bigserial) as strings. */
export const num = (value: string | number | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

/** A bytea as the Store's callers expect it: a plain Uint8Array over the same memory. */
export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** A Uint8Array as pg writes bytea. */
export const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** unique_violation */
export const isUniqueViolation = (e: unknown): boolean => (e as { code?: string } | null)?.code === '23505';

export type Queryable = pg.Pool | pg.PoolClient;
