// The paragraph index: one BM25 inverted index per language (postings.ts) over
// every searchable paragraph (not headings), plus what a result needs to render
// without a database round trip (paragraph label, lead, text; document citation
// fields). It persists next to the database (data/index/ beside
// data/precedent.db), loads on start, and syncs with the database by
// per-document source hash, so a restart never rebuilds from scratch and an
// import while serving costs only the changed documents.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocumentKind, Language, ParagraphRecord, Section } from '../model.js';
import { LANGUAGES } from '../model.js';
import { allDocuments, corpusVersion } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { documentHashes, searchableParagraphs, type SearchableParagraph } from '../store/search.js';
import { DEFAULT_ZH_MODE, indexTerms, type ZhMode } from './analyse.js';
import { Postings, writeAtomic } from './postings.js';
import { seriesKeyOf } from './series.js';

/** Bump when the analyser or the persisted layout changes: persisted indexes are then rebuilt. */
export const INDEX_FORMAT = 4;

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
  /** Slots (in its language's index) of its paragraphs. */
  slots: number[];
}

/** Sections whose paragraphs are searched (headings are structure, not language to reuse). */
export function isSearchable(section: Section): boolean {
  return section !== 'heading';
}

const FIELD = '\u0001';
const RECORD = '\u0000';

/**
 * Paragraph records by slot. Loaded as one string (a single file read) and cut
 * into a record only when a result needs it: materialising 170k objects at
 * start-up would cost more than the whole index load.
 */
class ParagraphStore {
  private blob = '';
  private offsets = new Uint32Array(1);
  private readonly changed = new Map<number, IndexedParagraph | null>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  get(slot: number): IndexedParagraph | null {
    const c = this.changed.get(slot);
    if (c !== undefined) return c;
    if (slot + 1 >= this.offsets.length) return null;
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    if (start === end) return null;
    const [id, documentId, section, label, lead, text] = this.blob.slice(start, end - 1).split(FIELD);
    return { id, documentId, section: section as Section, label, lead, text };
  }

  push(p: IndexedParagraph): number {
    this.changed.set(this.count, p);
    return this.count++;
  }

  remove(slot: number): void {
    this.changed.set(slot, null);
  }

  save(prefix: string): void {
    const parts: string[] = [];
    const offsets = new Uint32Array(this.count + 1);
    let at = 0;
    for (let slot = 0; slot < this.count; slot++) {
      const p = this.get(slot);
      const rec = p ? [p.id, p.documentId, p.section, p.label, p.lead, p.text].map(clean).join(FIELD) + RECORD : '';
      parts.push(rec);
      at += rec.length;
      offsets[slot + 1] = at;
    }
    // Offsets are string offsets of the decoded text, so any encoding works; UTF-8
    // decodes fastest for the mostly-ASCII languages.
    writeAtomic(`${prefix}.paragraphs`, Buffer.from(parts.join(''), 'utf8'));
    writeAtomic(`${prefix}.offsets`, new Uint8Array(offsets.buffer));
  }

  static load(prefix: string): ParagraphStore {
    const store = new ParagraphStore();
    store.blob = readFileSync(`${prefix}.paragraphs`).toString('utf8');
    const buf = readFileSync(`${prefix}.offsets`);
    const bytes = new Uint8Array(buf.byteLength);
    bytes.set(buf);
    store.offsets = new Uint32Array(bytes.buffer);
    store.count = store.offsets.length - 1;
    return store;
  }
}

/** Separators never occur in paragraph text; make sure. */
function clean(s: string): string {
  return s.replace(/[\u0000\u0001]/g, ' ');
}

/** One language: its inverted index and the paragraphs behind its slots. */
export class LanguageIndex {
  readonly postings: Postings;
  readonly store: ParagraphStore;

  constructor(
    readonly language: Language,
    readonly zhMode: ZhMode,
    prefix?: string,
  ) {
    this.postings = prefix ? Postings.load(prefix) : new Postings();
    this.store = prefix ? ParagraphStore.load(prefix) : new ParagraphStore();
  }

  /**
   * Document id per slot: filters test documents for every BM25 hit, and
   * decoding a paragraph record for that would cost more than the search.
   */
  readonly slotDocument: (string | undefined)[] = [];

  /** Live paragraphs. */
  get size(): number {
    return this.postings.size;
  }

  /** Slots handed out, live or not: valid slots are 0 … slots − 1. */
  get slots(): number {
    return this.store.length;
  }

  paragraph(slot: number): IndexedParagraph | null {
    return this.store.get(slot);
  }

  docFrequency(term: string): number {
    return this.postings.docFrequency(term);
  }

  add(p: IndexedParagraph): number {
    const slot = this.store.push(p);
    this.postings.add(slot, this.terms(p.text));
    this.slotDocument[slot] = p.documentId;
    return slot;
  }

  removeSlot(slot: number): void {
    const p = this.store.get(slot);
    if (!p) return;
    this.postings.remove(slot, this.terms(p.text));
    this.store.remove(slot);
    this.slotDocument[slot] = undefined;
  }

  /** Index terms of a text in this language. */
  terms(text: string): string[] {
    return indexTerms(text, this.language, this.zhMode);
  }

  save(prefix: string): void {
    this.postings.save(prefix);
    this.store.save(prefix);
  }
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
          searchableParagraphs(this.db, doc.id),
        );
        added++;
      }
    }
    this.version = version;
    return { added, removed, ms: performance.now() - started };
  }

  /** Indexes one document (replacing an older version of it). */
  addDocument(doc: IndexedDocument, paragraphs: (SearchableParagraph | ParagraphRecord)[]): void {
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
   * Writes the index: per language its postings and paragraphs, plus the
   * documents and a manifest, each written to a temporary file then renamed,
   * the manifest last, so a crash mid-save leaves the previous index readable
   * or none at all.
   */
  save(): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    rmSync(join(this.dir, 'manifest.json'), { force: true });
    for (const [lang, li] of this.languages) li.save(join(this.dir, lang));
    writeAtomic(join(this.dir, 'documents.json'), JSON.stringify([...this.documents.values()]));
    const manifest: Manifest = { format: INDEX_FORMAT, zhMode: this.zhMode, corpusVersion: this.version, languages: [...this.languages.keys()] };
    writeAtomic(join(this.dir, 'manifest.json'), JSON.stringify(manifest));
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
        this.languages.set(lang, new LanguageIndex(lang, this.zhMode, join(dir, lang)));
      }
      for (const doc of JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as IndexedDocument[]) {
        this.documents.set(doc.id, doc);
        const li = this.languages.get(doc.language);
        if (li) for (const slot of doc.slots) li.slotDocument[slot] = doc.id;
      }
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
