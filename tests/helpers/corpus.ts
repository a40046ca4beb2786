// Test fixtures over the real bundled corpus. A template (database loaded from
// corpus/bundle plus its persisted search index) is built once per bundle
// version by the global setup and cached in the OS temp folder; each test file
// opens a private copy, so tests that write never disturb one another.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBundle } from '../../server/ingest/bundle.js';
import { ParagraphIndex } from '../../server/search/index.js';
import { INDEX_FORMAT } from '../../server/search/index-files.js';
import { openDb, type Db } from '../../server/store/db.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUNDLE_DIR = join(ROOT, 'corpus/bundle');
export const SHARED_DIR = resolve(ROOT, '../shared');
export const UNXML_DIR = join(SHARED_DIR, 'unxml');
export const hasShared = existsSync(UNXML_DIR);
if (!hasShared) console.warn(`[tests] ${UNXML_DIR} is absent: tests that read ../shared are skipped.`);

function bundleFingerprint(): string {
  const h = createHash('sha256');
  for (const name of readdirSync(BUNDLE_DIR).sort()) h.update(name).update(readFileSync(join(BUNDLE_DIR, name)));
  return h.digest('hex').slice(0, 16);
}

/** Folder holding precedent.db and index/ for the whole bundled corpus, built on first use. */
export function corpusTemplate(): string {
  const dir = join(tmpdir(), `precedent-test-corpus-${bundleFingerprint()}-i${INDEX_FORMAT}`);
  if (existsSync(join(dir, 'ready'))) return dir;
  const building = `${dir}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  const db = openDb(join(building, 'precedent.db'));
  loadBundle(db, BUNDLE_DIR);
  ParagraphIndex.open(db); // builds and persists index/ beside the database
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  cpSync(join(ROOT, 'package.json'), join(building, 'ready'));
  try {
    renameSync(building, dir);
  } catch {
    // Another process finished first: its template is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** A private, writable copy of the bundled corpus (database and index) for one test file. */
export function openCorpusCopy(): { db: Db; file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-test-'));
  cpSync(corpusTemplate(), dir, { recursive: true });
  const file = join(dir, 'precedent.db');
  return { db: openDb(file), file, dir };
}
