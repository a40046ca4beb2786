// Opens the embedded SQLite database and brings its schema up to date. Every
// store module registers its schema here; nothing outside server/store speaks SQL.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CORPUS_SCHEMA } from './corpus.js';
import { DRAFTS_SCHEMA } from './drafts-schema.js';

export type Db = Database.Database;

const SCHEMAS = [CORPUS_SCHEMA, DRAFTS_SCHEMA];

/** Opens (creating if needed) the database at `file`; ':memory:' for tests. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  for (const sql of SCHEMAS) db.exec(sql);
  return db;
}
