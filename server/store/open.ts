// Which store the server (and the users CLI) works over: PostgreSQL when
// DATABASE_URL names one (shared by every instance), else SQLite in the same
// file as the corpus. A PostgreSQL that cannot be reached stops the start with
// the reason, the URL's password hidden.
import type { Db } from './db.js';
import { openPostgresStore, type PostgresOptions } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

/** The URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unreadable DATABASE_URL)';
  }
}

export async function openStore(db: Db, databaseUrl: string | undefined, postgres: PostgresOptions = {}): Promise<Store> {
  if (!databaseUrl) return openSqliteStore(db);
  try {
    return await openPostgresStore(databaseUrl, postgres);
  } catch (err) {
    throw new Error(`cannot open the PostgreSQL store at ${redactedUrl(databaseUrl)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
