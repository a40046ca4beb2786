// Test fixtures over the real bundled corpus. A template (database loaded from
// corpus/bundle plus its persisted search index) is built once per bundle and
// index version and cached in node_modules/.cache/precedent-tests, outside the
// temp folder, so runs reuse it; each test file works on a private copy in the
// temp folder, removed after the file (corpus-copies.ts) or when the process
// exits (bench and eval scripts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../server/ingest/bundle.js';
import { ParagraphIndex } from '../../server/search/index.js';
import { INDEX_FORMAT } from '../../server/search/index-files.js';
import { openDb, type Db } from '../../server/store/db.js';
import { BUNDLE_DIR, ROOT } from './paths.js';

export const CACHE_DIR = join(ROOT, 'node_modules/.cache/precedent-tests');
/** A template nobody has used for this long (an older bundle or index format) is removed. */
const STALE_MS = 24 * 3600_000;

function bundleFingerprint(): string {
  const h = createHash('sha256');
  for (const name of readdirSync(BUNDLE_DIR).sort()) h.update(name).update(readFileSync(join(BUNDLE_DIR, name)));
  return h.digest('hex').slice(0, 16);
}

/** Removes templates of other bundle or index versions that no run has used for a day. */
function pruneTemplates(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    const dir = join(CACHE_DIR, name);
    if (dir === keep || !name.startsWith('corpus-')) continue;
    const ready = join(dir, 'ready');
    const used = existsSync(ready) ? statSync(ready).mtimeMs : statSync(dir).mtimeMs;
    if (Date.now() - used > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** Folder holding precedent.db and index/ for the whole bundled corpus, built on first use. */
export function corpusTemplate(): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = join(CACHE_DIR, `corpus-${bundleFingerprint()}-i${INDEX_FORMAT}`);
  const ready = join(dir, 'ready');
  if (existsSync(ready)) {
    const now = new Date();
    utimesSync(ready, now, now); // marks it in use, for pruneTemplates
    return dir;
  }
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
  pruneTemplates(dir);
  return dir;
}

const copies: string[] = [];

/** Removes the copies this process made (see corpus-copies.ts). */
export function removeCorpusCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A private copy of the template in a new temp folder (`prefix`…), which the caller removes. */
export function copyCorpusTemplate(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(corpusTemplate(), dir, { recursive: true });
  return dir;
}

/** A private, writable copy of the bundled corpus (database and index) for one test file, removed after it. */
export function openCorpusCopy(): { db: Db; file: string; dir: string } {
  const dir = copyCorpusTemplate('precedent-test-');
  if (copies.push(dir) === 1) process.once('exit', removeCorpusCopies);
  const file = join(dir, 'precedent.db');
  return { db: openDb(file), file, dir };
}
