// The search service the API uses: the persisted paragraph index kept in step
// with the database, suggestions and agreed-language search. Each request first
// checks the corpus version (one cheap query), so documents imported while
// serving (by the import command, in another process) are searchable on the
// next keystroke.
import { corpusVersion } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { ParagraphIndex, type OpenOptions, type SyncReport } from './index.js';
import { search, type SearchRequest, type SearchPage } from './phrase.js';
import { suggest, type SuggestRequest, type Suggestions } from './suggest.js';

export class SearchService {
  private opened: ParagraphIndex | null = null;

  private constructor(
    private readonly db: Db,
    private readonly options: OpenOptions,
  ) {}

  /** Opens the persisted index (or builds it) for this database, now; languages load on first use or warmUp(). */
  static open(db: Db, options: OpenOptions = {}): SearchService {
    const service = new SearchService(db, options);
    void service.index;
    return service;
  }

  /** Opens the index on first use: for apps (and tests) that may never search. */
  static lazy(db: Db, options: OpenOptions = {}): SearchService {
    return new SearchService(db, options);
  }

  get index(): ParagraphIndex {
    this.opened ??= ParagraphIndex.open(this.db, this.options);
    return this.opened;
  }

  /**
   * Loads every language's index in the background, so the first keystroke
   * finds its language ready; call once the server listens. A request that
   * comes first loads its own language on the spot.
   */
  warmUp(): Promise<void> {
    return this.index.warmUp();
  }

  /** Re-indexes what changed in the database; persists soon after when anything did. */
  sync(): SyncReport {
    const report = this.index.sync();
    if (report.added + report.removed > 0) this.index.scheduleSave();
    return report;
  }

  private ensureCurrent(): void {
    if (corpusVersion(this.index.db) !== this.index.version) this.sync();
  }

  suggest(req: SuggestRequest): Suggestions {
    this.ensureCurrent();
    return suggest(this.index, req);
  }

  search(req: SearchRequest): SearchPage {
    this.ensureCurrent();
    return search(this.index, req);
  }
}
