// How many times a draft save and a draft read wait for PostgreSQL: each round
// trip is paid under load by every drafter, so a save is the session, one read
// (the draft, its owner, the caller's shares, whether live updates are
// pending) and one write, and a read is the session and one read. Counted on
// the wire (pg-round-trips.ts), through the real app over the real store.
// PostgreSQL only: SQLite has no round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../server/api/app.js';
import type { Draft } from '../../server/api/contract.js';
import { SESSION_COOKIE } from '../../server/api/session.js';
import { createUser, openSessionFor } from '../../server/accounts/service.js';
import type { Db } from '../../server/store/db.js';
import { openPostgresStore } from '../../server/store/postgres/index.js';
import type { Store } from '../../server/store/store.js';
import { TEST_PASSWORD, withCookie, type App } from '../helpers/api.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { roundTripRelay, type RoundTripRelay } from '../helpers/pg-round-trips.js';
import { freshDatabase } from '../helpers/postgres.js';
import { storeKind, testContext } from '../helpers/store.js';

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.skipIf(storeKind() !== 'postgres')('round trips to PostgreSQL', () => {
  let db: Db;
  let relay: RoundTripRelay;
  let store: Store;
  let app: App;
  const cookies: Record<string, string> = {};

  /** The round trips one request makes, and its response. */
  async function counted(who: string, path: string, init?: RequestInit): Promise<{ trips: number; res: Response }> {
    relay.reset();
    const res = await app.request(path, withCookie(init, cookies[who]!));
    return { trips: relay.count(), res };
  }

  async function member(name: string, delegation: string): Promise<void> {
    const user = await createUser(store, { email: `${name}@${delegation.toLowerCase()}.example`, name, password: TEST_PASSWORD, delegation }, null);
    cookies[name] = `${SESSION_COOKIE}=${(await openSessionFor(store, user, null)).token}`;
  }

  beforeAll(async () => {
    db = openCorpusCopy().db;
    relay = await roundTripRelay(await freshDatabase(inject('postgresUrl')!));
    store = await openPostgresStore(relay.url);
    app = createApp(await testContext(db, { store }));
    await member('owner', 'Mexico');
    await member('editor', 'Norway');
  });
  afterAll(async () => {
    await store?.close();
    await relay?.close();
    db?.close();
  });

  async function newDraft(): Promise<Draft> {
    const res = await app.request('/api/drafts', withCookie(json('POST', { title: 'Counted', language: 'en', paragraphs: [{ id: 'op1', section: 'operative', text: 'Urges all States to act;' }] }), cookies.owner!));
    expect(res.status).toBe(201);
    return (await res.json()) as Draft;
  }

  it("saves an owner's draft in three: the session, one read, one write; reads it in two", async () => {
    const draft = await newDraft();
    const save = await counted('owner', `/api/drafts/${draft.id}`, json('PUT', { version: 1, title: 'Saved' }));
    expect(save.res.status).toBe(200);
    expect(await save.res.json()).toMatchObject({ title: 'Saved', version: 2, access: 'owner' });
    expect(save.trips).toBeLessThanOrEqual(3);
    const read = await counted('owner', `/api/drafts/${draft.id}`);
    expect(read.res.status).toBe(200);
    expect(await read.res.json()).toMatchObject({ title: 'Saved', version: 2 });
    expect(read.trips).toBeLessThanOrEqual(2);
  });

  it('saves in three for a delegation the draft is shared with, and answers a stale save in two', async () => {
    const draft = await newDraft();
    expect((await app.request(`/api/drafts/${draft.id}/shares`, withCookie(json('POST', { delegation: 'Norway', access: 'edit' }), cookies.owner!))).status).toBe(201);
    const save = await counted('editor', `/api/drafts/${draft.id}`, json('PUT', { version: 1, title: 'Saved by Norway' }));
    expect(save.res.status).toBe(200);
    expect(await save.res.json()).toMatchObject({ title: 'Saved by Norway', version: 2, access: 'edit' });
    expect(save.trips).toBeLessThanOrEqual(3);
    const stale = await counted('editor', `/api/drafts/${draft.id}`, json('PUT', { version: 1, title: 'Too late' }));
    expect(stale.res.status).toBe(409);
    expect(stale.trips).toBeLessThanOrEqual(2);
  });
});

// The server opens its store with every connection open and kept: a burst of
// requests after a quiet spell would otherwise wait while PostgreSQL starts a
// backend for each new connection (seen as the slowest saves when a burst of
// heavy requests arrived at once).
describe.skipIf(storeKind() !== 'postgres')("the server's connections to PostgreSQL", () => {
  const opened: { store: Store; relay: RoundTripRelay }[] = [];
  afterAll(async () => {
    for (const { store, relay } of opened) {
      await store.close();
      await relay.close();
    }
  });

  /** Connections a burst of twelve reads at once opens, on a store just opened. */
  async function connectionsForBurst(keepConnectionsOpen: boolean): Promise<{ atOpen: number; burst: number }> {
    const relay = await roundTripRelay(await freshDatabase(inject('postgresUrl')!));
    const store = await openPostgresStore(relay.url, { keepConnectionsOpen });
    opened.push({ store, relay });
    const atOpen = relay.connections();
    relay.reset();
    await Promise.all(Array.from({ length: 12 }, () => store.drafts.any()));
    return { atOpen, burst: relay.connections() };
  }

  it('opens them all at start, so that a burst opens none', async () => {
    const kept = await connectionsForBurst(true);
    // The pool's ten, the searches' three, and the listener for notifications (opened when first needed).
    expect(kept.atOpen).toBeGreaterThanOrEqual(13);
    expect(kept.burst).toBe(0);
    // A store opened without it (tools, tests) connects as it goes: the burst opens connections.
    const lazy = await connectionsForBurst(false);
    expect(lazy.burst).toBeGreaterThan(0);
  });
});
