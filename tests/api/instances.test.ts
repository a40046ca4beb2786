// Two instances of the server on two ports over one PostgreSQL database, as
// behind a reverse proxy: what a delegate does on one holds on the other — a
// session, a saved draft, the 409 to a stale save, and live co-editing (each
// instance hears the other's stored updates through LISTEN/NOTIFY); and the
// backup of the shared store restores; a corpus import reaches every instance. Runs in
// the api-postgres layer; with SQLite one process owns the file, so the api
// layer skips it.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { applyDraftChange, readDraft, type LiveContent, type LiveMessage } from '../../core/live-doc.js';
import { createApp } from '../../server/api/app.js';
import type { AppContext } from '../../server/api/context.js';
import { bootstrapAccounts, FirstAdminSetup } from '../../server/accounts/bootstrap.js';
import { createUser } from '../../server/accounts/service.js';
import { PAUSE_MS } from '../../server/live/live-drafts.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import type { SearchResponse } from '../../server/api/contract.js';
import type { Draft } from '../../server/drafts/model.js';
import { backupPostgres } from '../../server/store/backup.js';
import type { Db } from '../../server/store/db.js';
import { openPostgresStore } from '../../server/store/postgres/index.js';
import type { Store } from '../../server/store/store.js';
import { TEST_PASSWORD } from '../helpers/api.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';
import { coEditor, serveLive, until, type CoEditor, type LiveServer } from '../helpers/live.js';
import { freshDatabase } from '../helpers/postgres.js';
import { storeKind, testContext } from '../helpers/store.js';

interface Instance {
  db: Db;
  store: Store;
  ctx: AppContext;
  server: LiveServer;
  request(path: string, init?: RequestInit): Promise<Response>;
}

const onPostgres = storeKind() === 'postgres';
if (!onPostgres) console.info('[tests] two instances share a store only on PostgreSQL: instances.test.ts runs in the api-postgres layer');

const json = (body: unknown, method = 'POST', cookie?: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

let a: Instance;
let b: Instance;
const editors: CoEditor[] = [];

/** An instance: its own corpus database, its own connection pool and listener on the shared PostgreSQL database, its own port. */
async function startInstance(url: string): Promise<Instance> {
  const { db } = openCorpusCopy();
  const store = await openPostgresStore(url);
  // Its own search worker over its own index, ready (as after start-up): searches answer at once.
  const search = SearchWorker.start({ dbFile: db.name });
  await search.ready();
  const ctx = await testContext(db, { store, search });
  const app = createApp(ctx);
  const server = await serveLive(app, ctx);
  return { db, store, ctx, server, request: (path, init) => fetch(`${server.origin}${path}`, init) };
}

async function stopInstance(i: Instance) {
  i.ctx.corpusFollower?.close();
  await i.ctx.search.close();
  await i.server.close();
  await i.store.close();
  i.db.close();
}

/** Signs in on `instance` through the login route: the session cookie. */
async function signInOn(instance: Instance, email: string): Promise<string> {
  const res = await instance.request('/api/auth/login', json({ email, password: TEST_PASSWORD }));
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
  let url: string;
  let owner: string;
  let colleague: string;

  beforeAll(async () => {
    url = await freshDatabase(inject('postgresUrl')!);
    [a, b] = await Promise.all([startInstance(url), startInstance(url)]);
    await createUser(a.store, { email: 'owner@mexico.example', name: 'Ana', password: TEST_PASSWORD, delegation: 'Mexico' }, null);
    await createUser(b.store, { email: 'colleague@mexico.example', name: 'Luis', password: TEST_PASSWORD, delegation: 'Mexico' }, null);
    owner = await signInOn(a, 'owner@mexico.example');
    colleague = await signInOn(b, 'colleague@mexico.example');
  });

  afterAll(async () => {
    for (const e of editors.splice(0)) e.close();
    await Promise.all([a, b].filter(Boolean).map(stopInstance));
  });

  async function newDraftOn(instance: Instance): Promise<Draft> {
    const res = await instance.request(
      '/api/drafts',
      json(
        {
          title: 'Crime prevention',
          language: 'en',
          paragraphs: [
            { id: 'pp1', section: 'preamble', text: 'Recalling its previous resolutions,' },
            { id: 'op1', section: 'operative', text: 'Urges all States to act;' },
          ],
        },
        'POST',
        owner,
      ),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as Draft;
  }

  it('two instances starting at once from the same PRECEDENT_ADMIN_* both start: one creates the administrator', async () => {
    const env = { PRECEDENT_ADMIN_EMAIL: 'root@secretariat.example', PRECEDENT_ADMIN_PASSWORD: TEST_PASSWORD };
    const outcomes = await Promise.all([bootstrapAccounts(a.store, new FirstAdminSetup(), env), bootstrapAccounts(b.store, new FirstAdminSetup(), env)]);
    // The two users above exist already: both are ready, none created another administrator.
    expect(outcomes.map((o) => o.kind)).toEqual(['ready', 'ready']);
    const fresh = await freshDatabase(inject('postgresUrl')!);
    const [one, two] = await Promise.all([openPostgresStore(fresh), openPostgresStore(fresh)]);
    try {
      const first = await Promise.all([bootstrapAccounts(one, new FirstAdminSetup(), env), bootstrapAccounts(two, new FirstAdminSetup(), env)]);
      expect(first.map((o) => o.kind).sort()).toEqual(['created', 'ready']);
      expect((await one.accounts.listUsers()).map((u) => [u.email, u.admin])).toEqual([['root@secretariat.example', true]]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('a session made on one instance works on the other', async () => {
    const me = await b.request('/api/auth/me', { headers: { cookie: owner } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('owner@mexico.example');
    // Signed out on the other instance: gone on both.
    const extra = await signInOn(a, 'owner@mexico.example');
    expect((await b.request('/api/auth/logout', { method: 'POST', headers: { cookie: extra, origin: b.server.origin } })).status).toBe(200);
    expect((await a.request('/api/auth/me', { headers: { cookie: extra } })).status).toBe(401);
  });

  it('a draft saved on one instance is read on the other, and a stale save there gets 409', async () => {
    const draft = await newDraftOn(a);
    const read = await b.request(`/api/drafts/${draft.id}`, { headers: { cookie: colleague } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as Draft).paragraphs.map((p) => p.text)).toEqual(['Recalling its previous resolutions,', 'Urges all States to act;']);

    const saved = await a.request(`/api/drafts/${draft.id}`, json({ version: 1, title: 'Crime prevention and criminal justice' }, 'PUT', owner));
    expect(saved.status).toBe(200);
    const stale = await b.request(`/api/drafts/${draft.id}`, json({ version: 1, title: 'Typed on an old copy' }, 'PUT', colleague));
    expect(stale.status).toBe(409);
    const after = (await (await b.request(`/api/drafts/${draft.id}`, { headers: { cookie: colleague } })).json()) as Draft;
    expect(after).toMatchObject({ version: 2, title: 'Crime prevention and criminal justice' });
  });

  it('co-editors connected to different instances see each other type, and the draft keeps both', async () => {
    const draft = await newDraftOn(a);
    const onA = coEditor(a.server, draft.id, owner);
    const onB = coEditor(b.server, draft.id, colleague);
    editors.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);

    const type = (e: CoEditor, id: string, change: (t: string) => string) => {
      const prev = readDraft(e.doc);
      const next: LiveContent = { ...prev, paragraphs: prev.paragraphs.map((p) => (p.id === id ? { ...p, text: change(p.text) } : p)) };
      applyDraftChange(e.doc, prev, next, 'browser');
    };
    const textOf = (e: CoEditor, id: string) => readDraft(e.doc).paragraphs.find((p) => p.id === id)?.text;

    type(onA, 'op1', (t) => t.replace('all States', 'all Member States'));
    type(onB, 'pp1', (t) => `Recalling also ${t.slice('Recalling '.length)}`);
    await Promise.all([onA.acknowledged(), onB.acknowledged()]);
    // Within a second: told at once (NOTIFY), not at the next pause (PAUSE_MS) when an instance writes the draft.
    expect(PAUSE_MS).toBeGreaterThan(1000);
    await until(() => textOf(onB, 'op1') === 'Urges all Member States to act;', 1000, 'A’s words on B');
    await until(() => textOf(onA, 'pp1') === 'Recalling also its previous resolutions,', 1000, 'B’s words on A');

    // Who is where, and "proposals changed", reach the desks on the other instance too.
    onA.provider.setAwarenessField('user', { name: 'Ana', delegation: 'Mexico', paragraph: 'op1' });
    await until(() => [...onB.provider.awareness!.getStates().values()].some((st) => st.user?.name === 'Ana' && st.user?.paragraph === 'op1'), 1000, 'Ana’s presence on B');
    const told: string[] = [];
    onB.provider.on('stateless', ({ payload }: { payload: string }) => told.push(payload));
    const proposed = await a.request(`/api/drafts/${draft.id}/proposals`, json({ kind: 'amend', paragraphId: 'op1', text: 'Urges all Member States to act now;' }, 'POST', owner));
    expect(proposed.status).toBe(201);
    await until(() => told.some((m) => (JSON.parse(m) as LiveMessage).changed === 'negotiation'), 1000, 'the announcement on B');

    // Read through either instance, the draft holds both delegates' words.
    for (const [instance, cookie] of [
      [a, owner],
      [b, colleague],
    ] as const) {
      const res = await instance.request(`/api/drafts/${draft.id}`, { headers: { cookie } });
      expect(((await res.json()) as Draft).paragraphs.map((p) => p.text)).toEqual(['Recalling also its previous resolutions,', 'Urges all Member States to act;']);
    }
  });

  it('backs up with pg_dump (npm run backup), and the copy restores every draft', async () => {
    const draft = await newDraftOn(b);
    const dump = join(mkdtempSync(join(tmpdir(), 'precedent-pgdump-')), 'precedent.pgdump');
    expect(await backupPostgres(url, dump)).toBeGreaterThan(0);
    const restored = await freshDatabase(inject('postgresUrl')!);
    await promisify(execFile)('pg_restore', ['--no-owner', `--dbname=${restored}`, dump]);
    const copy = await openPostgresStore(restored);
    try {
      expect(await copy.drafts.get(draft.id)).toEqual(await b.store.drafts.get(draft.id));
      expect(await copy.accounts.findUserByEmail('owner@mexico.example')).toMatchObject({ name: 'Ana', delegation: { name: 'Mexico' } });
    } finally {
      await copy.close();
    }
  });

  it('a corpus imported on one instance reaches the other instance: its documents and its search, within seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-import-'));
    writeFileSync(join(dir, 'lighthouse.md'), LIGHTHOUSE);
    const search = async (instance: Instance): Promise<SearchResponse> => {
      for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
        const res = await instance.request(`/api/search?q=${encodeURIComponent('lighthouse keepers of remote coastal islands')}&language=en`, { headers: { cookie: colleague } });
        if (res.status === 200) return (await res.json()) as SearchResponse;
        // 503 while the worker re-indexes what arrived; anything else is an answer the test did not expect.
        if (res.status !== 503 || Date.now() - started > 30_000) throw new Error(`search answered ${res.status}: ${await res.text()}`);
      }
    };
    expect((await search(b)).results.some((r) => r.document.symbol === 'A/RES/81/999')).toBe(false);

    // `npm run ingest` on instance A's data, with the shared store named.
    const cli = await promisify(execFile)('npx', ['tsx', 'server/ingest/cli.ts', join(dir, 'lighthouse.md')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, PRECEDENT_DB: a.db.name },
    });
    expect(cli.stdout).toMatch(/Published 1 documents to every instance/);

    const started = Date.now();
    for (;;) {
      const found = (await search(b)).results.find((r) => r.document.symbol === 'A/RES/81/999');
      if (found) {
        console.info(`[instances] the import reached instance B's search ${Date.now() - started} ms after the CLI finished`);
        expect(found.paragraph.text).toBe('Encourages Member States to protect the lighthouse keepers of remote coastal islands and their families;');
        break;
      }
      if (Date.now() - started > 10_000) throw new Error('the import did not reach instance B within 10 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const doc = await b.request('/api/documents/a-res-81-999-en', { headers: { cookie: colleague } });
    expect(doc.status).toBe(200);
  });
});

const LIGHTHOUSE = `## General Assembly

Distr.: General
3 December 2026

Eighty-first session

Agenda item 999

## Resolution adopted by the General Assembly on 1 December 2026

## 81/999. Protecting lighthouse keepers on remote coastal islands

The General Assembly,

Recalling the centuries-old lighthouse-keeping traditions of remote coastal island communities,

1. Encourages Member States to protect the lighthouse keepers of remote coastal islands and their families;

2. Decides to remain seized of the matter.
`;
