// What every route handler may use: the database, the services built on it,
// and the accounts settings. Passed explicitly (no globals) so tests build an
// app over their own database. AppEnv types what the session middleware puts
// on each request: the signed-in user, if any.
import { FirstAdminSetup } from '../accounts/bootstrap.js';
import type { Actor } from '../accounts/model.js';
import { setSeriesOverrides } from '../compare/service.js';
import type { SeriesOverrides } from '../compare/series.js';
import { SearchService } from '../search/service.js';
import type { Db } from '../store/db.js';

export interface AppContext {
  db: Db;
  /** Suggestions and agreed-language search over the persisted paragraph index. */
  search: SearchService;
  /** The corpus (documents, search, series, diff) is readable without signing in. */
  publicCorpus: boolean;
  /** The one-time link that creates the first administrator (open while the database has no user). */
  setup: FirstAdminSetup;
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
  /** Corrections to series grouping, as the server read them from corpus/series.json; none by default. */
  seriesOverrides?: SeriesOverrides;
  publicCorpus?: boolean;
  /** The search service: opened (built if needed) over `db` unless given (tests pass SearchService.lazy). */
  search?: SearchService;
}

/**
 * The services for a database, as the server builds them at start-up (main.ts).
 * Tests use the same function, so they run the real parts wired the same way.
 * Opens the search index now unless one is given: on a first start that builds it.
 */
export function buildContext(db: Db, options: ContextOptions = {}): AppContext {
  setSeriesOverrides(db, options.seriesOverrides ?? {});
  return { db, search: options.search ?? SearchService.open(db), publicCorpus: options.publicCorpus ?? false, setup: new FirstAdminSetup() };
}
