// What every route handler may use: the corpus database, the store of what
// people make (SQLite by default, PostgreSQL when configured), the services,
// and the accounts settings. Passed explicitly (no globals) so tests build an
// app over their own database. AppEnv types what the session middleware puts
// on each request: the signed-in user, if any.
import { FirstAdminSetup } from '../accounts/bootstrap.js';
import type { Actor } from '../accounts/model.js';
import { adoptSeries, setSeriesOverrides } from '../compare/service.js';
import type { SeriesOverrides } from '../compare/series.js';
import { config } from '../config.js';
import { CorpusFollower } from '../ingest/corpus-feed.js';
import { LiveDrafts } from '../live/live-drafts.js';
import { DocxImporter } from '../exchange/docx-import-thread.js';
import { SearchWorker } from '../search/search-worker.js';
import type { Db } from '../store/db.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';

export interface AppContext {
  /** The corpus (documents, paragraphs), this instance's own copy; in SQLite, also the store's file. */
  db: Db;
  /** Accounts, drafts, negotiation and live documents: the SQLite store over `db`, or PostgreSQL shared by instances. */
  store: Store;
  /** Suggestions and agreed-language search, in the search worker thread over the persisted index. */
  search: SearchWorker;
  /** The corpus (documents, search, series, diff) is readable without signing in. */
  publicCorpus: boolean;
  /** The one-time link that creates the first administrator (open while the database has no user). */
  setup: FirstAdminSetup;
  /** Live co-editing of drafts (the WebSocket at /api/live, server/live/). */
  live: LiveDrafts;
  /** .docx imports, each read in a worker thread within a time and memory budget. */
  imports: DocxImporter;
  /** With several instances (PostgreSQL), keeps this instance's corpus level with every instance's imports; null with SQLite. */
  corpusFollower: CorpusFollower | null;
}

export interface AppEnv {
  Variables: {
    /** The signed-in user; null when anonymous. */
    actor: Actor | null;
    /** The hash of the session's token, for signing out and password changes. */
    sessionHash: string | null;
  };
}

export interface ContextOptions {
  /** The store: the SQLite store over the corpus database unless given (PostgreSQL, main.ts). */
  store?: Store;
  /** Corrections to series grouping, as the server read them from corpus/series.json; none by default. */
  seriesOverrides?: SeriesOverrides;
  publicCorpus?: boolean;
  /** The search worker: started over `db` unless given (tests pass SearchWorker.lazy). */
  search?: SearchWorker;
  /** The .docx importer: the configured limits unless given (tests pass tighter ones). */
  imports?: DocxImporter;
  /** Told when the series view has the search worker's grouping of the series (the server logs it). */
  onSeriesGrouped?: () => void;
}

/**
 * The services for a database, as the server builds them at start-up (main.ts).
 * Tests use the same function, so they run the real parts wired the same way.
 * Starts the search worker now unless one is given (tests pass SearchWorker.lazy):
 * it opens the index (building it when missing or damaged) in the background
 * while the rest of the app answers.
 */
export function buildContext(db: Db, options: ContextOptions = {}): AppContext {
  const seriesOverrides = options.seriesOverrides ?? {};
  setSeriesOverrides(db, seriesOverrides);
  const search =
    options.search ??
    SearchWorker.start({
      dbFile: db.name,
      seriesOverrides,
      ...config.search,
      // The worker groups the series while it loads; the series view takes the same grouping (unless the corpus moved meanwhile).
      onSeries: ({ version, series }) => {
        if (adoptSeries(db, version, series)) options.onSeriesGrouped?.();
      },
    });
  const store = options.store ?? openSqliteStore(db);
  const live = new LiveDrafts(db, store);
  const imports = options.imports ?? new DocxImporter(config.imports);
  const corpusFollower = store.corpusFeed ? new CorpusFollower(db, store.corpusFeed, (n) => console.log(`Corpus: ${n} documents imported on another instance added`)) : null;
  // In the background: the server answers meanwhile, and the search worker indexes what arrives before its next search.
  void corpusFollower?.start().catch((e: unknown) => console.warn(`[corpus] catching up with published imports failed: ${String(e)}`));
  return { db, store, search, publicCorpus: options.publicCorpus ?? false, setup: new FirstAdminSetup(), live, imports, corpusFollower };
}
