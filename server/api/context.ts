// What every route handler may use: the database, and the services built on it.
// Passed explicitly (no globals) so tests build an app over their own database.
import { setSeriesOverrides } from '../compare/service.js';
import type { SeriesOverrides } from '../compare/series.js';
import { config } from '../config.js';
import { SearchWorker } from '../search/search-worker.js';
import type { Db } from '../store/db.js';

export interface AppContext {
  db: Db;
  /** Suggestions and agreed-language search, in the search worker thread over the persisted index. */
  search: SearchWorker;
}

export interface ContextOptions {
  /** Corrections to series grouping, as the server read them from corpus/series.json; none by default. */
  seriesOverrides?: SeriesOverrides;
}

/**
 * The services for a database, as the server builds them at start-up (main.ts).
 * Tests use the same function, so they run the real parts wired the same way.
 * Starts the search worker now: it opens the index (building it when missing
 * or damaged) in the background while the rest of the app answers.
 */
export function buildContext(db: Db, options: ContextOptions = {}): AppContext {
  const seriesOverrides = options.seriesOverrides ?? {};
  setSeriesOverrides(db, seriesOverrides);
  return { db, search: SearchWorker.start({ dbFile: db.name, seriesOverrides, ...config.search }) };
}
