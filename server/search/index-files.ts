// Where and how the search index persists: a folder beside the database
// (data/index/ beside data/precedent.db) with each language's files, the
// document list and a manifest. The manifest is removed first and written
// last, so a crash mid-save leaves the previous index readable or none at all.
// The manifest records every file's checksum (checked-files.ts): a file altered
// or truncated since is detected when it is read, and that part rebuilt.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGUAGES, type Language } from '../../core/model.js';
import type { ZhMode } from './analyse.js';
import { readChecked, writeAtomic, type Checksums } from './checked-files.js';
import type { IndexedDocument } from './indexed.js';
import type { LanguageIndex } from './language-index.js';

/** Bump when the analyser or the persisted layout changes: persisted indexes are then rebuilt. */
// 7: each language gains `.shingles` (shingle-index.ts).
// 8: MiniSearch in binary (`.minisearch`, not `.minisearch.json`), `.df.json` with the stop
//    terms, `.offsets` in bytes; Chinese terms default to segmenter words (the manifest's zhMode).
// 9: each language gains `.phrase` and `.phrase-offsets`, phrase search's normalised texts (phrase-texts.ts).
// 10: the manifest's checksums are CRC-32 and length, not sha256 (checked-files.ts checksum()).
export const INDEX_FORMAT = 10;

/** Where the index lives for a database file: data/precedent.db → data/index/. */
export function indexDirFor(dbFile: string): string | null {
  return dbFile === ':memory:' ? null : join(dirname(dbFile), 'index');
}

/** Where a language's files are: `<prefix>.minisearch`, `.df.json`, `.shingles`, `.paragraphs`, `.offsets`, `.phrase`, `.phrase-offsets`. */
export function languagePrefix(dir: string, lang: Language): string {
  return join(dir, lang);
}

/** What a language's save() writes. */
const LANGUAGE_FILES = ['.minisearch', '.df.json', '.shingles', '.paragraphs', '.offsets', '.phrase', '.phrase-offsets'];

/**
 * Where a language rebuilt in a build thread is written until it replaces the
 * damaged one: a folder of its own, so that its files keep the names (and so
 * the checksum keys) they will have in the index.
 */
export function rebuildPrefix(dir: string, lang: Language): string {
  return join(dir, 'rebuilt', lang);
}

/** Moves a language's files from one prefix to another, each by a rename (atomic). */
export function moveLanguageFiles(from: string, to: string): void {
  for (const ext of LANGUAGE_FILES) renameSync(`${from}${ext}`, `${to}${ext}`);
}

interface Manifest {
  format: number;
  zhMode: ZhMode;
  corpusVersion: number;
  languages: Language[];
  /** The checksum of every file of the index but the manifest. */
  checksums: Checksums;
}

/** An index as it is written, and what reading the folder gives back (languages are loaded later, one by one). */
export interface PersistedIndex {
  zhMode: ZhMode;
  corpusVersion: number;
  /** Languages that have an index, loaded or not. */
  languages: Language[];
  documents: IndexedDocument[];
  /**
   * The checksum of each file, by file name: read from the manifest, and updated by
   * writeIndexFiles for the files it rewrites (a language left on disk keeps
   * the checksums it was written with, so damage to it is never blessed).
   */
  checksums: Checksums;
}

/**
 * Writes the index: the languages changed since loaded (a language still on
 * disk, or loaded and unchanged, stays as it is), the documents, then the manifest.
 */
export function writeIndexFiles(dir: string, index: PersistedIndex, loaded: ReadonlyMap<Language, LanguageIndex>): void {
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'manifest.json'), { force: true });
  const sums = index.checksums;
  for (const [lang, li] of loaded) if (li.dirty) li.save(languagePrefix(dir, lang), sums);
  writeAtomic(join(dir, 'documents.json'), JSON.stringify(index.documents), sums);
  const manifest: Manifest = { format: INDEX_FORMAT, zhMode: index.zhMode, corpusVersion: index.corpusVersion, languages: index.languages, checksums: sums };
  writeAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/**
 * Reads the manifest and the document list: null when there is no index or it
 * was made by another analyser; throws when the folder is damaged.
 */
export function readIndexFiles(dir: string, zhMode: ZhMode): PersistedIndex | null {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== INDEX_FORMAT || manifest.zhMode !== zhMode) return null;
  // A language's missing file is found when that language loads, and only
  // that language is rebuilt (as for a damaged one), not the whole index.
  if (manifest.languages.some((lang) => !(LANGUAGES as readonly string[]).includes(lang))) return null;
  const checksums = manifest.checksums ?? {};
  const documents = JSON.parse(readChecked(join(dir, 'documents.json'), checksums).toString('utf8')) as IndexedDocument[];
  return { zhMode, corpusVersion: manifest.corpusVersion, languages: manifest.languages, documents, checksums };
}
