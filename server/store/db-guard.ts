// Guards the database file against silent loss of drafts: once a draft is
// saved, a marker file is written beside the database; a start that finds the
// marker but the database missing or empty refuses (SQLite would otherwise
// create a fresh database, load the bundled corpus into it, and every draft
// would be gone without a word), unless PRECEDENT_INIT=1 says to start over.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The marker beside the database: data/precedent.db → data/precedent.db.has-drafts. */
export function markerFile(dbFile: string): string {
  return `${dbFile}.has-drafts`;
}

const noted = new Set<string>();

/** Records that drafts are stored in this database (once per process: the marker only needs to exist). */
export function noteDraftsSaved(dbFile: string): void {
  if (dbFile === ':memory:' || dbFile === '' || noted.has(dbFile)) return;
  const marker = markerFile(dbFile);
  if (!existsSync(marker)) {
    writeFileSync(marker, `Drafts are stored in ${basename(dbFile)} (first noted ${new Date().toISOString()}). Precedent refuses to start if that file goes missing or empty; see README "Backups".\n`);
  }
  noted.add(dbFile);
}

/**
 * Null when the database may be opened; otherwise why not and what to do.
 * With `init` a missing or empty database is started over, and the marker removed.
 */
export function checkDatabaseFile(dbFile: string, init: boolean): string | null {
  if (dbFile === ':memory:') return null;
  const marker = markerFile(dbFile);
  if (!existsSync(marker)) return null;
  const state = !existsSync(dbFile) ? 'is missing' : statSync(dbFile).size === 0 ? 'is empty (0 bytes)' : null;
  if (!state) return null;
  if (init) {
    rmSync(marker, { force: true });
    console.warn(`PRECEDENT_INIT=1: ${dbFile} ${state} although drafts were saved in it; starting over with a new database.`);
    return null;
  }
  const since = readFileSync(marker, 'utf8').match(/first noted (\S+)\)/)?.[1];
  return [
    `Precedent will not start: the database ${dbFile} ${state}, but drafts were saved in it` +
      ` (${marker}${since ? `, first noted ${since}` : ''}).`,
    'Starting now would create a new database and those drafts would be lost.',
    `To recover: stop here, copy your latest backup (npm run backup writes data/backups/precedent-<timestamp>.db) to ${dbFile}, and start again.`,
    'To start over with no drafts instead: run with PRECEDENT_INIT=1.',
  ].join('\n');
}
