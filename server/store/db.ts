// Opens the embedded SQLite database and brings its schema up to date. Every
// store module registers its schema here; nothing outside server/store speaks SQL.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ACCOUNTS_SCHEMA } from './sqlite/accounts.js';
import { AUDIT_SCHEMA } from './sqlite/audit.js';
import { CORPUS_SCHEMA } from './corpus.js';
import { DRAFTS_SCHEMA, migrateDrafts } from './sqlite/drafts-schema.js';
import { LIVE_SCHEMA, migrateLive } from './sqlite/live.js';
import { NEGOTIATION_SCHEMA } from './sqlite/negotiation.js';

export type Db = Database.Database;

// Accounts before drafts: drafts reference delegations and users; live documents and proposals reference drafts.
const SCHEMAS = [CORPUS_SCHEMA, ACCOUNTS_SCHEMA, AUDIT_SCHEMA, DRAFTS_SCHEMA, LIVE_SCHEMA, NEGOTIATION_SCHEMA];

/** Opens (creating if needed) the database at `file`; ':memory:' for tests. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged save is on disk, even if the machine (not only the process) dies. The
  // server's store keeps that promise another way, off the event loop (sqlite/wal-sync.ts).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  for (const sql of SCHEMAS) db.exec(sql);
  migrateDrafts(db);
  migrateLive(db);
  return db;
}
