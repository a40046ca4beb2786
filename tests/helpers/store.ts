// The store API tests run over: SQLite over the test's corpus copy (the
// `api` layer), or PostgreSQL (the `api-postgres` layer: a database of its own
// per test file on the throwaway cluster postgres-setup.ts started), so the
// same API suite checks both. Tests ask for the store of their corpus database
// (storeFor), and build the app with it (testContext), never one of their own.
import { inject } from 'vitest';
import { buildContext, type AppContext, type ContextOptions } from '../../server/api/context.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import { openDb, type Db } from '../../server/store/db.js';
import { openPostgresStore } from '../../server/store/postgres/index.js';
import { openSqliteStore } from '../../server/store/sqlite/index.js';
import type { Store } from '../../server/store/store.js';
import { freshDatabase } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL cluster of the api-postgres layer (postgres-setup.ts); absent in other layers. */
    postgresUrl: string | null;
  }
}

const stores = new WeakMap<Db, Promise<Store>>();
/** The PostgreSQL database of a corpus copy's store, for a second instance on it. */
const databases = new WeakMap<Db, string>();

/** Which store this layer tests. */
export const storeKind = (): Store['kind'] => (process.env.PRECEDENT_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite');

async function openFor(db: Db, sameAs?: Db): Promise<Store> {
  if (storeKind() === 'sqlite') return openSqliteStore(db);
  const cluster = inject('postgresUrl');
  if (!cluster) throw new Error('The api-postgres layer runs without its PostgreSQL cluster (postgres-setup.ts)');
  const url = (sameAs && databases.get(sameAs)) || (await freshDatabase(cluster));
  databases.set(db, url);
  const store = await openPostgresStore(url);
  // The database closes with the corpus copy's (corpus-copies.ts closes the Db).
  const close = db.close.bind(db);
  db.close = () => {
    void store.close();
    return close();
  };
  return store;
}

/** The store of the test's corpus database: one per database, the same for every app a test builds over it. */
export function storeFor(db: Db): Promise<Store> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = openFor(db)));
  return store;
}

/**
 * Another instance's view of the same data, as after a restart or on a second
 * machine: the corpus file opened again, and a store of its own over the same
 * data (the same SQLite file, or the same PostgreSQL database).
 */
export function secondInstance(db: Db): Db {
  const other = openDb(db.name);
  stores.set(other, openFor(other, db));
  return other;
}

/** The app's context over `db` with the layer's store; the search worker started on first use unless given. */
export async function testContext(db: Db, options: ContextOptions = {}): Promise<AppContext> {
  return buildContext(db, { search: SearchWorker.lazy({ dbFile: db.name }), store: await storeFor(db), ...options });
}
