// A consistent copy of the live database, taken while the server runs:
// SQLite's online backup (better-sqlite3's db.backup()) copies page by page and
// restarts when a writer changes a page meanwhile, so the copy is one moment's
// state, drafts and corpus together, never a file caught mid-write. With the
// store in PostgreSQL, pg_dump takes the same kind of copy of it (one
// transaction's snapshot), in its custom format for pg_restore.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** data/precedent.db → data/backups/precedent-2026-11-26T07-05-00Z.db (.pgdump for PostgreSQL) */
export function backupFileFor(dbFile: string, at = new Date(), extension = 'db'): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  return join(dirname(dbFile), 'backups', `precedent-${stamp}.${extension}`);
}

/** pg_dump of the PostgreSQL store at `url` to `target` (custom format: restore with pg_restore); its size in bytes. */
export async function backupPostgres(url: string, target: string): Promise<number> {
  mkdirSync(dirname(target), { recursive: true });
  try {
    await promisify(execFile)('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${url}`]);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    throw new Error(e.code === 'ENOENT' ? 'pg_dump not found: install PostgreSQL\'s client tools (Debian: postgresql-client)' : (e.stderr?.trim() || e.message));
  }
  return statSync(target).size;
}

/** Copies `dbFile` to `target` (its folder created); the size of the copy in bytes. */
export async function backupDatabase(dbFile: string, target: string): Promise<number> {
  if (!existsSync(dbFile) || statSync(dbFile).size === 0) throw new Error(`${dbFile} is missing or empty: nothing to back up`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return statSync(target).size;
}
