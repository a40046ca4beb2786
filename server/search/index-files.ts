// Where and how the search index persists: a folder beside the database
// (data/index/ beside data/precedent.db) with each language's files, the
// document list and a manifest. The manifest is removed first and written
// last, so a crash mid-save leaves the previous index readable or none at all.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGUAGES, type Language } from '../../core/model.js';
import type { ZhMode } from './analyse.js';
import type { IndexedDocument } from './indexed.js';
import type { LanguageIndex } from './language-index.js';
import { writeAtomic } from './minisearch-index.js';

/** Bump when the analyser or the persisted layout changes: persisted indexes are then rebuilt. */
export const INDEX_FORMAT = 5;

/** Where the index lives for a database file: data/precedent.db → data/index/. */
export function indexDirFor(dbFile: string): string | null {
  return dbFile === ':memory:' ? null : join(dirname(dbFile), 'index');
}

/** Where a language's files are: `<prefix>.minisearch.json`, `.df.json`, `.paragraphs`, `.offsets`. */
export function languagePrefix(dir: string, lang: Language): string {
  return join(dir, lang);
}

/** What a language's save() writes. */
const LANGUAGE_FILES = ['.minisearch.json', '.df.json', '.paragraphs', '.offsets'];

interface Manifest {
  format: number;
  zhMode: ZhMode;
  corpusVersion: number;
  languages: Language[];
}

/** An index as it is written, and what reading the folder gives back (languages are loaded later, one by one). */
export interface PersistedIndex {
  zhMode: ZhMode;
  corpusVersion: number;
  /** Languages that have an index, loaded or not. */
  languages: Language[];
  documents: IndexedDocument[];
}

/**
 * Writes the index: the languages changed since loaded (a language still on
 * disk, or loaded and unchanged, stays as it is), the documents, then the manifest.
 */
export function writeIndexFiles(dir: string, index: PersistedIndex, loaded: ReadonlyMap<Language, LanguageIndex>): void {
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'manifest.json'), { force: true });
  for (const [lang, li] of loaded) if (li.dirty) li.save(languagePrefix(dir, lang));
  writeAtomic(join(dir, 'documents.json'), JSON.stringify(index.documents));
  const manifest: Manifest = { format: INDEX_FORMAT, zhMode: index.zhMode, corpusVersion: index.corpusVersion, languages: index.languages };
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
  for (const lang of manifest.languages) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) return null;
    for (const ext of LANGUAGE_FILES) if (!existsSync(join(dir, `${lang}${ext}`))) throw new Error(`${lang}${ext} is missing`);
  }
  const documents = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as IndexedDocument[];
  return { zhMode, corpusVersion: manifest.corpusVersion, languages: manifest.languages, documents };
}
