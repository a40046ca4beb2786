// The paragraph index: every searchable paragraph (not headings) of the corpus,
// one LanguageIndex per language (language-index.ts), plus what a result needs
// to render without a database round trip (indexed.ts). It persists next to the
// database (index-files.ts) and syncs with the database by per-document source
// hash, so a restart never rebuilds from scratch and an import while serving
// costs only the changed documents. Opening reads only the manifest and the
// document list: each language's index loads on first use or from a background
// warm-up, because loading them all took seconds and start-up must not wait for it.
// A language found damaged is rebuilt on the spot, or (the search worker) set
// apart and rebuilt in a build thread (buildApart, takeRebuilt) while the
// other languages keep answering.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Language, ParagraphRecord } from '../../core/model.js';
import { LANGUAGES } from '../../core/model.js';
import { allDocuments, corpusVersion } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { documentHashes, searchableParagraphs, type SearchableParagraph } from '../store/search.js';
import { DEFAULT_ZH_MODE, type ZhMode } from './analyse.js';
import { seriesOfDocument } from '../compare/service.js';
import type { Checksums } from './checked-files.js';
import { indexDirFor, languagePrefix, moveLanguageFiles, readIndexFiles, rebuildPrefix, writeIndexFiles } from './index-files.js';
import { isSearchable, type IndexedDocument } from './indexed.js';
import { LanguageIndex } from './language-index.js';
import { seriesKeyOf } from './series.js';

export interface OpenOptions {
  /** Where the index persists; null keeps it in memory only. Default: index/ beside the database file. */
  dir?: string | null;
  zhMode?: ZhMode;
  /** Told how far a build (or the rebuild of a language) has got: documents indexed of those to index. */
  onProgress?: Progress;
  /**
   * When given, a language whose files turn out damaged on first use is set
   * apart (setApart) and handed to it, to be rebuilt elsewhere (the search
   * worker's build thread), rather than rebuilt on the spot.
   */
  onDamaged?: (lang: Language, error: string) => void;
}

export type Progress = (done: number, total: number) => void;

/** A language rebuilt apart (buildApart): its documents with their slots, and its files' checksums. */
export interface RebuiltLanguage {
  documents: IndexedDocument[];
  checksums: Checksums;
}

/** What warmUp() tells of each language it loads. */
export type WarmUpEvent = { language: Language } & ({ state: 'loading' | 'ready' } | { state: 'damaged'; error: string });

export interface SyncReport {
  added: number;
  removed: number;
  ms: number;
}

/** Every language's index and the documents behind them. */
export class ParagraphIndex {
  /** Languages in memory. */
  private readonly loaded = new Map<Language, LanguageIndex>();
  /** Languages persisted in `dir` and not loaded yet. */
  private readonly onDisk = new Set<Language>();
  /**
   * Languages being rebuilt elsewhere (setApart): neither loaded nor loadable,
   * their documents kept as they were and left alone by sync until
   * takeRebuilt(), so that a save meanwhile still records the damaged files'
   * checksums (a restart finds them damaged again rather than trusting them).
   */
  private readonly apart = new Set<Language>();
  private onDamaged: OpenOptions['onDamaged'];
  readonly documents = new Map<string, IndexedDocument>();
  /** The corpus version this index reflects. */
  version = -1;
  /** How the index came to be in this process, for logs and the bench. */
  origin: 'built' | 'loaded' = 'built';
  private saveTimer: NodeJS.Timeout | null = null;
  private warming: Promise<void> | null = null;
  /** Checksums of the persisted files (index-files.ts): kept for the languages still on disk. */
  private checksums: Checksums = {};

  private constructor(
    readonly db: Db,
    readonly dir: string | null,
    readonly zhMode: ZhMode,
  ) {}

  /**
   * Opens the persisted index when it matches the analyser (reading only its
   * manifest and document list: languages load on first use or warmUp()),
   * otherwise builds it from the database; then brings it up to date with the
   * database and saves it if anything changed.
   */
  static open(db: Db, options: OpenOptions = {}): ParagraphIndex {
    const dir = options.dir === undefined ? indexDirFor(db.name) : options.dir;
    const zhMode = options.zhMode ?? DEFAULT_ZH_MODE;
    const index = new ParagraphIndex(db, dir, zhMode);
    index.onDamaged = options.onDamaged;
    if (!(dir && index.load())) {
      index.origin = 'built';
      index.sync(options.onProgress);
      if (dir) index.save();
    } else {
      index.origin = 'loaded';
      if (index.version !== corpusVersion(db)) {
        // Sync loads the languages of the changed documents, and only those.
        const report = index.sync();
        if (dir && report.added + report.removed > 0) index.save();
      }
    }
    return index;
  }

  /** A language's index, loaded now if it is still on disk; undefined when the corpus has none. */
  get(lang: Language): LanguageIndex | undefined {
    const li = this.loaded.get(lang);
    if (li) return li;
    if (!this.onDisk.has(lang)) return undefined;
    try {
      return this.install(lang, LanguageIndex.load(lang, this.zhMode, languagePrefix(this.dir!, lang), this.checksums));
    } catch (err) {
      // A damaged language is rebuilt from the database rather than failing the request.
      const error = err instanceof Error ? err.message : String(err);
      if (this.onDamaged) {
        this.setApart(lang);
        this.onDamaged(lang, error);
        return undefined;
      }
      console.warn(`Search index for ${lang} in ${this.dir} unreadable (${error}): rebuilding it.`);
      return this.rebuild(lang);
    }
  }

  /** Sets a language apart while it is rebuilt elsewhere (buildApart in a build thread), until takeRebuilt(). */
  setApart(lang: Language): void {
    this.onDisk.delete(lang);
    this.loaded.delete(lang);
    this.apart.add(lang);
  }

  isApart(lang: Language): boolean {
    return this.apart.has(lang);
  }

  /**
   * In a build thread: indexes one language from the database, on its own,
   * and writes its files where takeRebuilt() takes them from (rebuildPrefix:
   * a folder of `dir`, so the damaged files stay untouched until then).
   */
  static buildApart(db: Db, lang: Language, dir: string, zhMode: ZhMode, onProgress?: Progress): RebuiltLanguage {
    const index = new ParagraphIndex(db, null, zhMode);
    for (const other of LANGUAGES) if (other !== lang) index.apart.add(other);
    index.sync(onProgress);
    const prefix = rebuildPrefix(dir, lang);
    mkdirSync(dirname(prefix), { recursive: true });
    const checksums: Checksums = {};
    index.language(lang).save(prefix, checksums);
    return { documents: [...index.documents.values()], checksums };
  }

  /**
   * Replaces a language set apart with its rebuild (buildApart): moves the
   * files in, loads them (yielding to the event loop, as warmUp does), swaps
   * the language's documents, then catches up with what the database changed
   * while it was built, and saves.
   */
  async takeRebuilt(lang: Language, built: RebuiltLanguage): Promise<void> {
    const prefix = languagePrefix(this.dir!, lang);
    moveLanguageFiles(rebuildPrefix(this.dir!, lang), prefix);
    // Checked against the build's checksums: the manifest keeps the damaged
    // files' until the documents that go with these files replace theirs, below.
    const li = await LanguageIndex.loadAsync(lang, this.zhMode, prefix, built.checksums);
    Object.assign(this.checksums, built.checksums);
    for (const [id, doc] of this.documents) if (doc.language === lang) this.documents.delete(id);
    for (const doc of built.documents) this.documents.set(doc.id, doc);
    this.apart.delete(lang);
    this.install(lang, li);
    this.sync();
    this.save();
  }

  /**
   * Rebuilds one language from the database (its files were damaged) and
   * saves it: the other languages stay as they are.
   */
  rebuild(lang: Language, onProgress?: Progress): LanguageIndex {
    this.onDisk.delete(lang);
    const fresh = new LanguageIndex(lang, this.zhMode);
    this.loaded.set(lang, fresh);
    for (const [id, doc] of this.documents) if (doc.language === lang) this.documents.delete(id);
    this.sync(onProgress);
    this.save();
    return fresh;
  }

  /** A language's index, created empty when the corpus has none yet. */
  language(lang: Language): LanguageIndex {
    let li = this.get(lang);
    if (!li) {
      li = new LanguageIndex(lang, this.zhMode);
      this.loaded.set(lang, li);
    }
    return li;
  }

  /** Languages that have an index, loaded or not (or being rebuilt apart). */
  languageNames(): Language[] {
    return LANGUAGES.filter((l) => this.loaded.has(l) || this.onDisk.has(l) || this.apart.has(l));
  }

  isLoaded(lang: Language): boolean {
    return this.loaded.has(lang);
  }

  /**
   * Every language's index, loading those still on disk: for tools, the bench
   * and tests. The server goes through get(), which loads one language only.
   */
  get languages(): ReadonlyMap<Language, LanguageIndex> {
    for (const lang of [...this.onDisk]) this.get(lang);
    return this.loaded;
  }

  /**
   * Loads the languages still on disk one after the other, off the request
   * path (file reads and MiniSearch's rebuild yield to the event loop), largest
   * first: English and Chinese are what most drafts are typed in. A request
   * that needs a language before its turn loads it synchronously in get(), and
   * the background copy is then dropped.
   */
  warmUp(onEvent?: (event: WarmUpEvent) => void): Promise<void> {
    this.warming ??= (async () => {
      const count = new Map<Language, number>();
      for (const d of this.documents.values()) count.set(d.language, (count.get(d.language) ?? 0) + d.slots.length);
      const order = [...this.onDisk].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
      for (const lang of order) {
        if (!this.onDisk.has(lang)) continue;
        onEvent?.({ language: lang, state: 'loading' });
        try {
          const li = await LanguageIndex.loadAsync(lang, this.zhMode, languagePrefix(this.dir!, lang), this.checksums);
          // Loaded synchronously meanwhile (and perhaps changed since): keep that one.
          if (this.onDisk.has(lang)) this.install(lang, li);
          onEvent?.({ language: lang, state: 'ready' });
        } catch (err) {
          // Left on disk: the caller rebuilds it (rebuild()), or get() will when it is needed.
          onEvent?.({ language: lang, state: 'damaged', error: err instanceof Error ? err.message : String(err) });
        }
      }
    })();
    return this.warming;
  }

  private install(lang: Language, li: LanguageIndex): LanguageIndex {
    for (const doc of this.documents.values()) {
      if (doc.language === lang) for (const slot of doc.slots) li.slotDocument[slot] = doc.id;
    }
    this.onDisk.delete(lang);
    this.loaded.set(lang, li);
    return li;
  }

  /** Live paragraphs in every language, from the document list (no language is loaded for it). */
  get paragraphCount(): number {
    let n = 0;
    for (const d of this.documents.values()) n += d.slots.length;
    return n;
  }

  /**
   * Brings the index in line with the database: documents that are new or whose
   * source hash changed are (re-)indexed, documents gone from the database are
   * dropped. Cheap when nothing changed (one query over document hashes); only
   * the languages of changed documents are loaded. Languages set apart are
   * left alone: takeRebuilt() syncs them once they are back.
   */
  sync(onProgress?: Progress): SyncReport {
    const started = performance.now();
    const version = corpusVersion(this.db);
    const stored = documentHashes(this.db);
    let added = 0;
    let removed = 0;
    for (const [id, doc] of this.documents) {
      if (this.apart.has(doc.language)) continue;
      if (stored.get(id)?.hash !== doc.hash) {
        this.removeDocument(id);
        removed++;
      }
    }
    const stale = [...stored].filter(([id, { language }]) => !this.documents.has(id) && !this.apart.has(language)).map(([id]) => id);
    if (stale.length > 0) {
      const wanted = new Set(stale);
      onProgress?.(0, stale.length);
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
            hash: stored.get(doc.id)!.hash,
            slots: [],
          },
          searchableParagraphs(this.db, doc.id),
        );
        added++;
        if (added % 50 === 0) onProgress?.(added, stale.length);
      }
      onProgress?.(added, stale.length);
    }
    if (added > 0 || removed > 0) this.reviewStopTerms();
    this.version = version;
    return { added, removed, ms: performance.now() - started };
  }

  /**
   * Readmits, in the loaded languages, stop terms that are no longer common
   * (LanguageIndex.reviewStopTerms): after a sync, and after documents are
   * added one by one (imports, the bench).
   */
  reviewStopTerms(): void {
    for (const li of this.loaded.values()) li.reviewStopTerms();
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
    const li = this.get(doc.language);
    for (const slot of doc.slots) li?.removeSlot(slot);
    this.documents.delete(id);
  }

  /**
   * Series key of a document (one result per series): the series the compare
   * module groups (title confirmed by preamble recalls, as the series view shows
   * them), or the normalised title for a document that has no series there.
   */
  seriesOf(doc: IndexedDocument): string {
    return seriesOfDocument(this.db, doc.id)?.id ?? seriesKeyOf(doc);
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
   * Writes the index (index-files.ts): the languages changed since loaded, the
   * documents and the manifest, each to a temporary file then renamed.
   */
  save(): void {
    if (!this.dir) return;
    const persisted = {
      zhMode: this.zhMode,
      corpusVersion: this.version,
      languages: this.languageNames(),
      documents: [...this.documents.values()],
      checksums: this.checksums,
    };
    writeIndexFiles(this.dir, persisted, this.loaded);
  }

  /** Reads the persisted manifest and document list; false when absent or made by another analyser. */
  private load(): boolean {
    const dir = this.dir!;
    try {
      const persisted = readIndexFiles(dir, this.zhMode);
      if (!persisted) return false;
      for (const lang of persisted.languages) this.onDisk.add(lang);
      for (const doc of persisted.documents) this.documents.set(doc.id, doc);
      this.version = persisted.corpusVersion;
      this.checksums = persisted.checksums;
      return true;
    } catch (err) {
      // A damaged index is not an error worth failing start-up for: rebuild it.
      console.warn(`Search index in ${dir} unreadable (${err instanceof Error ? err.message : String(err)}): rebuilding.`);
      return false;
    }
  }
}
