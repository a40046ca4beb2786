// A consistent copy of the live database, taken while the server runs:
// SQLite's online backup (better-sqlite3's db.backup()) copies page by page and
// restarts when a writer changes a page meanwhile, so the copy is one moment's
// state, drafts and corpus together, never a file caught mid-write.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** data/precedent.db → data/backups/precedent-2026-11-26T07-05-00Z.db */
export function backupFileFor(dbFile: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  return join(dirname(dbFile), 'backups', `precedent-${stamp}.db`);
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
