// Test fixtures over the real bundled corpus: a database loaded from
// corpus/bundle once per bundle version (cached in the OS temp folder), copied
// for each test file so tests that write never disturb one another.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBundle } from '../../server/ingest/bundle.js';
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

/** Path of a database holding the whole bundled corpus, built on first use. */
export function corpusTemplate(): string {
  const file = join(tmpdir(), `precedent-test-corpus-${bundleFingerprint()}.db`);
  if (!existsSync(file)) {
    const building = `${file}.${process.pid}.tmp`;
    const db = openDb(building);
    loadBundle(db, BUNDLE_DIR);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(building, file);
  }
  return file;
}

/** A private, writable copy of the bundled corpus for one test file. */
export function openCorpusCopy(): { db: Db; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-test-'));
  const file = join(dir, 'precedent.db');
  copyFileSync(corpusTemplate(), file);
  return { db: openDb(file), file };
}
