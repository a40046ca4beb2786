// SQLite writes are acknowledged only once they are on disk, flushed off the
// event loop (server/store/sqlite/wal-sync.ts): flushes asked for while one
// runs share the next one, never the running one (which may have started
// before their commit), and a save through the store answers only after a
// flush that covered every byte of the log it wrote.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/service.js';
import { openDb } from '../../server/store/db.js';
import { openSqliteStore } from '../../server/store/sqlite/index.js';
import { groupFlush, walSyncOf } from '../../server/store/sqlite/wal-sync.js';

describe('groupFlush', () => {
  /** A flush that finishes when the test says so, counting how many started. */
  function controlledFlush() {
    const finishers: (() => void)[] = [];
    const flush = () => new Promise<void>((resolve) => finishers.push(resolve));
    return { flush, started: () => finishers.length, finish: (n: number) => finishers[n]!() };
  }
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 0));
    return done;
  };

  it('starts a flush at once when none runs', async () => {
    const f = controlledFlush();
    const durable = groupFlush(f.flush);
    const first = durable();
    expect(f.started()).toBe(1);
    f.finish(0);
    await first;
  });

  it('serves the calls made while a flush runs with one later flush, not the running one', async () => {
    const f = controlledFlush();
    const durable = groupFlush(f.flush);
    const first = durable();
    const second = durable();
    const third = durable();
    expect(f.started()).toBe(1);
    f.finish(0);
    await first;
    // The running flush may have begun before the second and third commits: they wait for the next.
    expect(await settled(second)).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(f.started()).toBe(2);
    f.finish(1);
    await Promise.all([second, third]);
    expect(f.started()).toBe(2);
  });

  it('passes a failed flush on to its callers, and flushes again for the next ones', async () => {
    let fail = true;
    let flushes = 0;
    const durable = groupFlush(async () => {
      flushes++;
      if (fail) throw new Error('disk gone');
    });
    await expect(durable()).rejects.toThrow('disk gone');
    fail = false;
    await durable();
    expect(flushes).toBe(2);
  });
});

describe('the SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-wal-sync-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('acknowledges a write only after a flush that covered all of the log it wrote, without FULL sync in the commit', async () => {
    const db = openDb(join(dir, 'store.db'));
    const store = openSqliteStore(db);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the commit writes the log, the flush comes after
    const owner = await createUser(store, { email: 'owner@norway.example', name: 'Owner', password: 'a long enough password', delegation: 'Norway' }, null);
    const now = new Date().toISOString();
    const draft = { id: 'd1', title: 'Durable', language: 'en' as const, body: 'General Assembly', baseDocumentId: null, version: 1, paragraphs: [], createdAt: now, updatedAt: now };
    await store.drafts.insert(draft, { userId: owner.id, delegationId: owner.delegation.id });
    for (let v = 2; v <= 20; v++) {
      const text = `Decides to remain seized of the matter, version ${v}; `.repeat(200);
      await store.drafts.update({ ...draft, version: v, paragraphs: [{ id: 'p1', section: 'operative', text }] }, v - 1, owner.id);
      expect(walSyncOf(db).flushedBytes).toBe(statSync(`${db.name}-wal`).size);
    }
    await store.close();
    db.close();
  });

  it('needs no flush for an in-memory database', async () => {
    const db = openDb(':memory:');
    const store = openSqliteStore(db);
    await createUser(store, { email: 'a@example.org', name: 'A', password: 'a long enough password', delegation: 'Chile' }, null);
    expect(walSyncOf(db).flushedBytes).toBe(0);
    db.close();
  });
});
