// What every route handler may use: the database, and the services built on it.
// Passed explicitly (no globals) so tests build an app over their own database.
import { setSeriesOverrides } from '../compare/service.js';
import type { SeriesOverrides } from '../compare/series.js';
import { SearchService } from '../search/service.js';
import type { Db } from '../store/db.js';

export interface AppContext {
  db: Db;
  /** Suggestions and agreed-language search over the persisted paragraph index. */
  search: SearchService;
}

export interface ContextOptions {
  /** Corrections to series grouping, as the server read them from corpus/series.json; none by default. */
  seriesOverrides?: SeriesOverrides;
}

/**
 * The services for a database, as the server builds them at start-up (main.ts).
 * Tests use the same function, so they run the real parts wired the same way.
 * Opens the search index now: on a first start that builds it.
 */
export function buildContext(db: Db, options: ContextOptions = {}): AppContext {
  setSeriesOverrides(db, options.seriesOverrides ?? {});
  return { db, search: SearchService.open(db) };
}
