// What every route handler may use: the database, and the services built on it.
// Passed explicitly (no globals) so tests build an app over their own database.
import type { Db } from '../store/db.js';

export interface AppContext {
  db: Db;
}
