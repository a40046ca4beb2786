// What every route handler may use: the database, and the services built on it.
// Passed explicitly (no globals) so tests build an app over their own database.
import { SearchService } from '../search/service.js';
import type { Db } from '../store/db.js';

export interface AppContext {
  db: Db;
  /** Suggestions and agreed-language search over the persisted paragraph index. */
  search: SearchService;
}

/**
 * The services for a database, as the server builds them at start-up. Tests
 * use the same function, so they run the real parts wired the same way.
 */
export function buildContext(db: Db): AppContext {
  return { db, search: SearchService.open(db) };
}
