// The paragraph index: one MiniSearch (BM25) per language over every searchable
// paragraph (not headings), plus what a result needs to render without a
// database round trip (paragraph label, lead, text; document citation fields).
// It persists next to the database (data/index/ beside data/precedent.db),
// loads on start, and syncs with the database by per-document source hash, so a
// restart never rebuilds from scratch and an import while serving costs only the
// changed documents.
import MiniSearch from 'minisearch';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocumentKind, Language, ParagraphRecord, Section } from '../model.js';
import { LANGUAGES } from '../model.js';
import { allDocuments, corpusVersion, getParagraphs } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { documentHashes } from '../store/search.js';
import { DEFAULT_ZH_MODE, encodeTerm, indexTerms, type ZhMode } from './analyse.js';
import { seriesKeyOf } from './series.js';

/** Bump when the analyser or the persisted layout changes: persisted indexes are then rebuilt. */
export const INDEX_FORMAT = 3;

/** A paragraph as the index keeps it. */
export interface IndexedParagraph {
  id: string;
  documentId: string;
  section: Section;
  label: string;
  lead: string;
  text: string;
}

/** A document as the index keeps it: the citation fields of a result. */
export interface IndexedDocument {
  id: string;
  symbol: string | null;
  title: string;
  date: string | null;
  body: string;
  kind: DocumentKind;
  language: Language;
  /** Source hash: a changed hash means the document must be re-indexed. */
  hash: string;
  /** Numeric ids (in its language's index) of its paragraphs. */
  slots: number[];
}

/** Sections whose paragraphs are searched (headings are structure, not language to reuse). */
export function isSearchable(section: Section): boolean {
  return section !== 'heading';
}

interface Posting {
  get(term: string): Map<number, Map<number, number>> | undefined;
}

/** One language: its MiniSearch and the paragraphs behind MiniSearch's numeric ids. */
export class LanguageIndex {
  readonly mini: MiniSearch<{ i: number; text: string }>;
  /** Slot = MiniSearch id; null once its document is removed. */
  readonly paragraphs: (IndexedParagraph | null)[];
  private readonly postings: Posting;

  constructor(
    readonly language: Language,
    readonly zhMode: ZhMode,
    serialised?: { mini: string; paragraphs: (IndexedParagraph | null)[] },
  ) {
    const options = miniOptions(language, zhMode);
    this.mini = serialised ? MiniSearch.loadJSON(serialised.mini, options) : new MiniSearch(options);
    this.paragraphs = serialised?.paragraphs ?? [];
    // Document frequency is read from MiniSearch's own posting lists (a protected
    // field in MiniSearch 7) rather than kept twice: query pruning needs it per term.
    this.postings = (this.mini as unknown as { _index: Posting })._index;
    if (typeof this.postings?.get !== 'function') throw new Error('MiniSearch internals changed: _index is gone');
  }

  /** Paragraphs containing an (encoded) index term. */
  docFrequency(term: string): number {
    return this.postings.get(term)?.get(0)?.size ?? 0;
  }

  get size(): number {
    return this.mini.documentCount;
  }

  add(p: IndexedParagraph): number {
    const slot = this.paragraphs.length;
    this.paragraphs.push(p);
    this.mini.add({ i: slot, text: p.text });
    return slot;
  }

  removeSlot(slot: number): void {
    const p = this.paragraphs[slot];
    if (!p) return;
    this.mini.remove({ i: slot, text: p.text });
    this.paragraphs[slot] = null;
  }

  /** The query's terms as the index encodes them. */
  terms(text: string): string[] {
    const terms = indexTerms(text, this.language, this.zhMode);
    return this.language === 'zh' ? terms.map(encodeTerm) : terms;
  }
}

function miniOptions(language: Language, zhMode: ZhMode) {
  const encode = language === 'zh';
  return {
    idField: 'i',
    fields: ['text'],
    storeFields: [] as string[],
    tokenize: (text: string) => {
      const terms = indexTerms(text, language, zhMode);
      return encode ? terms.map(encodeTerm) : terms;
    },
    // Terms arrive analysed (and encoded); queries are passed as analysed terms too.
    processTerm: (term: string) => term,
    searchOptions: { tokenize: (q: string) => q.split(' '), processTerm: (t: string) => t },
  };
}

export interface OpenOptions {
  /** Where the index persists; null keeps it in memory only. Default: index/ beside the database file. */
  dir?: string | null;
  zhMode?: ZhMode;
}

export interface SyncReport {
  added: number;
  removed: number;
  ms: number;
}

/** Where the index lives for a database file: data/precedent.db → data/index/. */
export function indexDirFor(dbFile: string): string | null {
  return dbFile === ':memory:' ? null : join(dirname(dbFile), 'index');
}

interface Manifest {
  format: number;
  zhMode: ZhMode;
  corpusVersion: number;
  languages: Language[];
}

/** Every language's index and the documents behind them. */
export class ParagraphIndex {
  readonly languages = new Map<Language, LanguageIndex>();
  readonly documents = new Map<string, IndexedDocument>();
  /** The corpus version this index reflects. */
  version = -1;
  /** How the index came to be in this process, for logs and the bench. */
  origin: 'built' | 'loaded' = 'built';
  private saveTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly db: Db,
    readonly dir: string | null,
    readonly zhMode: ZhMode,
  ) {}

  /**
   * Loads the persisted index when it matches the analyser, otherwise builds it
   * from the database; then brings it up to date with the database and saves it
   * if anything changed.
   */
  static open(db: Db, options: OpenOptions = {}): ParagraphIndex {
    const dir = options.dir === undefined ? indexDirFor(db.name) : options.dir;
    const zhMode = options.zhMode ?? DEFAULT_ZH_MODE;
    const index = new ParagraphIndex(db, dir, zhMode);
    if (!(dir && index.load())) {
      index.origin = 'built';
      index.sync();
      if (dir) index.save();
    } else {
      index.origin = 'loaded';
      if (index.version !== corpusVersion(db)) {
        const report = index.sync();
        if (dir && report.added + report.removed > 0) index.save();
      }
    }
    return index;
  }

  language(lang: Language): LanguageIndex {
    let li = this.languages.get(lang);
    if (!li) {
      li = new LanguageIndex(lang, this.zhMode);
      this.languages.set(lang, li);
    }
    return li;
  }

  get paragraphCount(): number {
    let n = 0;
    for (const li of this.languages.values()) n += li.size;
    return n;
  }

  /**
   * Brings the index in line with the database: documents that are new or whose
   * source hash changed are (re-)indexed, documents gone from the database are
   * dropped. Cheap when nothing changed (one query over document hashes).
   */
  sync(): SyncReport {
    const started = performance.now();
    const version = corpusVersion(this.db);
    const hashes = documentHashes(this.db);
    let added = 0;
    let removed = 0;
    for (const [id, doc] of this.documents) {
      if (hashes.get(id) !== doc.hash) {
        this.removeDocument(id);
        removed++;
      }
    }
    const stale = [...hashes.keys()].filter((id) => !this.documents.has(id));
    if (stale.length > 0) {
      const wanted = new Set(stale);
      for (const doc of allDocuments(this.db)) {
        if (!wanted.has(doc.id)) continue;
        this.addDocument(
          {
            id: doc.id,
            symbol: doc.symbol,
            title: doc.title,
            date: doc.date,
            body: doc.body,
            kind: doc.kind,
            language: doc.language,
            hash: hashes.get(doc.id)!,
            slots: [],
          },
          getParagraphs(this.db, doc.id),
        );
        added++;
      }
    }
    this.version = version;
    return { added, removed, ms: performance.now() - started };
  }

  /** Indexes one document (replacing an older version of it). */
  addDocument(doc: IndexedDocument, paragraphs: ParagraphRecord[]): void {
    if (this.documents.has(doc.id)) this.removeDocument(doc.id);
    const li = this.language(doc.language);
    doc.slots = [];
    for (const p of paragraphs) {
      if (!isSearchable(p.section) || !p.text.trim()) continue;
      doc.slots.push(li.add({ id: p.id, documentId: doc.id, section: p.section, label: p.label, lead: p.lead, text: p.text }));
    }
    this.documents.set(doc.id, doc);
  }

  removeDocument(id: string): void {
    const doc = this.documents.get(id);
    if (!doc) return;
    const li = this.languages.get(doc.language);
    for (const slot of doc.slots) li?.removeSlot(slot);
    this.documents.delete(id);
  }

  /** Series key of a document (one result per series). */
  seriesOf(doc: IndexedDocument): string {
    return seriesKeyOf(doc);
  }

  /** Saves soon, off the request path: imports come in bursts. */
  scheduleSave(delayMs = 2000): void {
    if (!this.dir || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, delayMs);
    this.saveTimer.unref();
  }

  /**
   * Writes the index: per language a MiniSearch JSON and its paragraphs, plus
   * the documents and a manifest, each written to a temporary file then renamed,
   * the manifest last, so a crash mid-save leaves the previous index readable
   * or none at all.
   */
  save(): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    const write = (name: string, data: string) => {
      const tmp = join(this.dir!, `${name}.tmp`);
      writeFileSync(tmp, data);
      renameSync(tmp, join(this.dir!, name));
    };
    rmSync(join(this.dir, 'manifest.json'), { force: true });
    for (const [lang, li] of this.languages) {
      write(`${lang}.mini.json`, JSON.stringify(li.mini));
      write(`${lang}.paragraphs.json`, JSON.stringify(li.paragraphs));
    }
    write('documents.json', JSON.stringify([...this.documents.values()]));
    const manifest: Manifest = { format: INDEX_FORMAT, zhMode: this.zhMode, corpusVersion: this.version, languages: [...this.languages.keys()] };
    write('manifest.json', JSON.stringify(manifest));
  }

  /** Reads the persisted index; false when absent or made by another analyser. */
  private load(): boolean {
    const dir = this.dir!;
    const manifestFile = join(dir, 'manifest.json');
    if (!existsSync(manifestFile)) return false;
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      if (manifest.format !== INDEX_FORMAT || manifest.zhMode !== this.zhMode) return false;
      for (const lang of manifest.languages) {
        if (!(LANGUAGES as readonly string[]).includes(lang)) return false;
        const mini = readFileSync(join(dir, `${lang}.mini.json`), 'utf8');
        const paragraphs = JSON.parse(readFileSync(join(dir, `${lang}.paragraphs.json`), 'utf8')) as (IndexedParagraph | null)[];
        this.languages.set(lang, new LanguageIndex(lang, this.zhMode, { mini, paragraphs }));
      }
      for (const doc of JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as IndexedDocument[]) this.documents.set(doc.id, doc);
      this.version = manifest.corpusVersion;
      return true;
    } catch (err) {
      // A damaged index is not an error worth failing start-up for: rebuild it.
      console.warn(`Search index in ${dir} unreadable (${err instanceof Error ? err.message : String(err)}): rebuilding.`);
      this.languages.clear();
      this.documents.clear();
      return false;
    }
  }
}
