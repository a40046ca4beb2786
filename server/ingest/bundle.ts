// The compact corpus shipped in corpus/bundle: parsed documents as Brotli-compressed JSON,
// so a fresh clone serves the whole corpus without the raw sources. Loading is
// idempotent and skipped entirely when the bundle has not changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { ParsedDocument } from '../../core/model.js';
import { getMeta, setMeta, upsertDocument } from '../store/corpus.js';
import type { Db } from '../store/db.js';

/** Brotli packs this text-heavy JSON about a fifth smaller than gzip -9. */
export const BUNDLE_SUFFIX = '.json.br';

export interface BundleEntry {
  sourceHash: string;
  document: ParsedDocument;
}

export interface BundleFile {
  format: 'precedent-bundle';
  version: 1;
  entries: BundleEntry[];
}

export function writeBundleFile(file: string, entries: BundleEntry[]): number {
  const body: BundleFile = { format: 'precedent-bundle', version: 1, entries };
  const data = brotliCompressSync(JSON.stringify(body), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
  });
  writeFileSync(file, data);
  return data.length;
}

function bundleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(BUNDLE_SUFFIX))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Loads every bundle file of `dir` into the database. Returns how many
 * documents were added or replaced; 0 when the bundle was already loaded.
 */
export function loadBundle(db: Db, dir: string): { loaded: number; skipped: boolean } {
  const files = bundleFiles(dir);
  const fingerprint = createHash('sha256');
  const contents = files.map((f) => {
    const data = readFileSync(f);
    fingerprint.update(data);
    return { file: f, data };
  });
  const digest = fingerprint.digest('hex');
  if (getMeta(db, 'bundle_fingerprint') === digest) return { loaded: 0, skipped: true };
  let loaded = 0;
  const loadAll = db.transaction(() => {
    for (const { file, data } of contents) {
      const body = JSON.parse(brotliDecompressSync(data).toString('utf8')) as BundleFile;
      if (body.format !== 'precedent-bundle') throw new Error(`${file}: not a Precedent bundle`);
      for (const entry of body.entries) {
        if (upsertDocument(db, entry.document, entry.sourceHash).status !== 'unchanged') loaded++;
      }
    }
    setMeta(db, 'bundle_fingerprint', digest);
  });
  loadAll();
  return { loaded, skipped: false };
}
