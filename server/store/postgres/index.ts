// The PostgreSQL store (DATABASE_URL): the Store interface over a pg pool, for
// several instances sharing one database. Opening it brings the schema up to
// date (schema.ts); each area's SQL is in its own module.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../store.js';
import { accountsStore, auditStore } from './accounts.js';
import { draftsStore, sharesStore } from './drafts.js';
import { corpusFeed } from './corpus-feed.js';
import { liveStore } from './live.js';
import { negotiationStore } from './negotiation.js';
import { Notifications } from './notifications.js';
import { migrate } from './schema.js';

export interface PostgresOptions {
  /** Connections in the pool (pg's default: 10). */
  poolSize?: number;
  /** Connections of the searches' session reads (store.ts Lane), apart from the pool. */
  searchPoolSize?: number;
  /** Names this instance in its notifications, so it ignores its own; a new UUID by default. */
  instanceId?: string;
  /**
   * Open every connection at once and keep them (the server): a burst after a
   * quiet spell must not wait while PostgreSQL starts a backend per connection.
   * Tools and tests that open a store briefly leave it off.
   */
  keepConnectionsOpen?: boolean;
}

/** Opens all `max` connections of a pool that keeps them (its `min` is its `max`). */
async function openAll(pool: pg.Pool, max: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
  for (const client of clients) client.release();
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const poolSize = options.poolSize ?? 10;
  const searchPoolSize = options.searchPoolSize ?? 3;
  const keep = options.keepConnectionsOpen ?? false;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, min: keep ? poolSize : 0 });
  const searchPool = new pg.Pool({ connectionString: url, max: searchPoolSize, min: keep ? searchPoolSize : 0 });
  // An idle connection the server drops (restart, failover) must not crash the process: the pool replaces it.
  for (const p of [pool, searchPool]) p.on('error', (error) => console.warn(`[store] PostgreSQL connection lost: ${error.message}`));
  const endPools = () => Promise.all([pool.end(), searchPool.end()]).then(() => {});
  try {
    await migrate(pool);
    if (keep) await Promise.all([openAll(pool, poolSize), openAll(searchPool, searchPoolSize)]);
  } catch (error) {
    await endPools().catch(() => {});
    throw error;
  }
  const notifications = new Notifications(url, options.instanceId ?? randomUUID());
  let closing: Promise<void> | null = null;
  return {
    kind: 'postgres',
    corpusFeed: corpusFeed(pool, notifications),
    accounts: accountsStore(pool, searchPool),
    audit: auditStore(pool),
    drafts: draftsStore(pool),
    shares: sharesStore(pool),
    negotiation: negotiationStore(pool),
    live: liveStore(pool, notifications),
    close() {
      closing ??= notifications.close().then(endPools);
      return closing;
    },
  };
}
