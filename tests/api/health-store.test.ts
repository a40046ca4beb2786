// GET /api/health never waits for the store: with PostgreSQL under load (or
// stuck) a check could wait for a pooled connection behind saves. A lock on the
// drafts table stands for that here: health answers at once with the last
// check, and once the check has had no answer for 5 s it says the store
// failed, naming it. PostgreSQL only: SQLite's checks cannot wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { createApp } from '../../server/api/app.js';
import type { HealthResponse } from '../../server/api/contract.js';
import type { Db } from '../../server/store/db.js';
import { openPostgresStore } from '../../server/store/postgres/index.js';
import type { Store } from '../../server/store/store.js';
import type { App } from '../helpers/api.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { freshDatabase } from '../helpers/postgres.js';
import { storeKind, testContext } from '../helpers/store.js';

describe.skipIf(storeKind() !== 'postgres')('health while the store does not answer', () => {
  let db: Db;
  let url: string;
  let store: Store;
  let app: App;

  beforeAll(async () => {
    db = openCorpusCopy().db;
    url = await freshDatabase(inject('postgresUrl')!);
    store = await openPostgresStore(url);
    app = createApp(await testContext(db, { store }));
  });
  afterAll(async () => {
    await store?.close();
    db?.close();
  });

  const health = async () => {
    const started = performance.now();
    const res = await app.request('/api/health');
    return { status: res.status, body: (await res.json()) as HealthResponse, ms: performance.now() - started };
  };

  it('answers at once from the last check, and names the store once a check has waited 5 s', async () => {
    expect((await health()).body).toMatchObject({ ok: true, drafts: 'ok' });
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE drafts IN ACCESS EXCLUSIVE MODE');
      // The last check is 2 s old: this answer starts a new one, which waits on the lock.
      await new Promise((r) => setTimeout(r, 2100));
      const meanwhile = await health();
      expect(meanwhile.status).toBe(200);
      expect(meanwhile.ms).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 5200));
      const stuck = await health();
      expect(stuck.ms).toBeLessThan(1000);
      expect(stuck.status).toBe(503);
      expect(stuck.body).toMatchObject({ ok: false, drafts: 'failed' });
      expect(stuck.body.problems!.join('\n')).toMatch(/drafts table in PostgreSQL: no answer to a check for \d+ s/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    // The lock gone, the check that waited answers, and the next one is fresh.
    await expect.poll(async () => (await health()).status, { timeout: 10_000, interval: 500 }).toBe(200);
  }, 30_000);
});
