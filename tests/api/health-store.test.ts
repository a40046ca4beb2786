// GET /api/health never waits for the store: with PostgreSQL under load (or
// stuck) a check could wait for a pooled connection behind saves. A lock on the
// drafts table stands for that here: health answers at once with the last
// check, and once the check has had no answer for 5 s it says the store
// failed, naming it. Nor does it wait for the session lookup every other route
// makes (a desk's health poll carries its cookie). PostgreSQL only: SQLite's
// reads cannot wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { createApp } from '../../server/api/app.js';
import { SESSION_COOKIE } from '../../server/api/session.js';
import { createUser, openSessionFor } from '../../server/accounts/service.js';
import type { HealthResponse } from '../../server/api/contract.js';
import type { Db } from '../../server/store/db.js';
import { openPostgresStore } from '../../server/store/postgres/index.js';
import type { Store } from '../../server/store/store.js';
import { TEST_PASSWORD, type App } from '../helpers/api.js';
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

  const health = async (cookie?: string) => {
    const started = performance.now();
    const res = await app.request('/api/health', cookie ? { headers: { cookie } } : {});
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

  it('answers a signed-in desk without looking up its session', async () => {
    const user = await createUser(store, { email: 'desk@norway.example', name: 'Ingrid', password: TEST_PASSWORD, delegation: 'Norway' }, null);
    const cookie = `${SESSION_COOKIE}=${(await openSessionFor(store, user, null)).token}`;
    expect((await app.request('/api/drafts', { headers: { cookie } })).status).toBe(200);
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
      const answer = await health(cookie);
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(1000);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  }, 30_000);
});
