// Live co-editing through the real server: two delegations' users on one
// shared draft, connected as browsers are (session cookie, the page's Origin),
// type at once; the REST API keeps reading and writing the same text; access
// is checked per draft; an acknowledged change is in the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { applyDraftChange, readDraft, type LiveContent } from '../../core/live-doc.js';
import { openDb, type Db } from '../../server/store/db.js';
import { signIn, signedInApp, type App, type Client } from '../helpers/api.js';
import { secondInstance, storeFor } from '../helpers/store.js';
import { coEditor, serveLive, until, type CoEditor, type LiveServer } from '../helpers/live.js';
import type { AppContext } from '../../server/api/context.js';
import type { Draft } from '../../server/api/contract.js';

let dir: string;
let db: Db;
let app: App;
let ctx: AppContext;
let owner: Client;
let editor: Client;
let server: LiveServer;
const open: CoEditor[] = [];

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function newDraft(): Promise<Draft> {
  const res = await owner.request('/api/drafts', json({
    title: 'Live draft',
    language: 'en',
    paragraphs: [
      { id: 'pp1', section: 'preamble', text: 'Recalling its previous resolutions,' },
      { id: 'op1', section: 'operative', text: 'Urges all States to act;' },
      { id: 'op2', section: 'operative', text: 'Requests a report;' },
    ],
  }));
  expect(res.status).toBe(201);
  return (await res.json()) as Draft;
}

async function share(draftId: string, delegation: string, access: 'read' | 'propose' | 'edit') {
  const res = await owner.request(`/api/drafts/${draftId}/shares`, json({ delegation, access }));
  expect(res.status).toBe(201);
}

function connect(draftId: string, client: Client): CoEditor {
  const e = coEditor(server, draftId, client.cookie);
  open.push(e);
  return e;
}

/** What a browser does on a keystroke: the change from the text it shows to the text typed. */
function type(e: CoEditor, id: string, change: (t: string) => string) {
  const prev = readDraft(e.doc);
  const next: LiveContent = { ...prev, paragraphs: prev.paragraphs.map((p) => (p.id === id ? { ...p, text: change(p.text) } : p)) };
  applyDraftChange(e.doc, prev, next, 'browser');
}

const textIn = (e: CoEditor, id: string) => readDraft(e.doc).paragraphs.find((p) => p.id === id)?.text;

async function getDraft(client: Client, id: string): Promise<Draft> {
  const res = await client.request(`/api/drafts/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Draft;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'precedent-live-'));
  db = openDb(join(dir, 'live.db'));
  const made = await signedInApp(db, { delegation: 'Mexico' });
  ({ app, ctx } = made);
  owner = made;
  editor = await signIn(app, db, 'Norway');
  server = await serveLive(app, ctx);
});

afterEach(async () => {
  for (const e of open.splice(0)) e.close();
  await server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('live co-editing', () => {
  it('merges two delegations typing at once, in different paragraphs and in the same one; the API reads the merged text', async () => {
    const draft = await newDraft();
    await share(draft.id, 'Norway', 'edit');
    const a = connect(draft.id, owner);
    const b = connect(draft.id, editor);
    await Promise.all([a.synced, b.synced]);
    expect(textIn(b, 'op1')).toBe('Urges all States to act;');

    type(a, 'op1', (t) => t.replace('act', 'act without delay'));
    type(b, 'op2', (t) => t.replace('a report', 'a comprehensive report'));
    type(a, 'pp1', (t) => `Reaffirming ${t.slice('Recalling '.length)}`);
    type(b, 'pp1', (t) => t.replace(',', ' on the matter,'));
    await until(() => textIn(a, 'op2') === 'Requests a comprehensive report;' && textIn(b, 'op1') === 'Urges all States to act without delay;', 5000, 'both changes on both screens');
    await until(() => textIn(a, 'pp1') === textIn(b, 'pp1') && textIn(a, 'pp1') === 'Reaffirming its previous resolutions on the matter,', 5000, 'the same paragraph merged');
    await Promise.all([a.acknowledged(), b.acknowledged()]);

    const stored = await getDraft(owner, draft.id);
    expect(stored.paragraphs.map((p) => p.text)).toEqual([
      'Reaffirming its previous resolutions on the matter,',
      'Urges all States to act without delay;',
      'Requests a comprehensive report;',
    ]);
    expect(stored.version).toBeGreaterThan(draft.version);
    expect(stored.lineage).toEqual(expect.any(String));
    // The history names who typed.
    const versions = (await (await owner.request(`/api/drafts/${draft.id}/versions`)).json()) as { versions: { note: string | null; savedBy: { delegation: string } | null }[] };
    expect(versions.versions[0].note).toMatch(/Mexico.*Norway|Norway.*Mexico/);
  });

  it('turns a REST save into a change on the live text, and still answers 409 to a stale one', async () => {
    const draft = await newDraft();
    const a = connect(draft.id, owner);
    await a.synced;
    type(a, 'op1', (t) => t.replace('all States', 'all Member States'));
    await a.acknowledged();

    // A save on the version read before the live change is stale.
    const stale = await owner.request(`/api/drafts/${draft.id}`, json({ version: draft.version, paragraphs: draft.paragraphs }, 'PUT'));
    expect(stale.status).toBe(409);

    const current = await getDraft(owner, draft.id);
    expect(current.paragraphs[1].text).toBe('Urges all Member States to act;');
    const edited = current.paragraphs.map((p) => (p.id === 'op2' ? { ...p, text: 'Requests a report at its next session;' } : p));
    const res = await owner.request(`/api/drafts/${draft.id}`, json({ version: current.version, paragraphs: edited }, 'PUT'));
    expect(res.status).toBe(200);
    await until(() => textIn(a, 'op2') === 'Requests a report at its next session;', 5000, 'the REST save on the live screen');
    expect(textIn(a, 'op1')).toBe('Urges all Member States to act;');
  });

  it('shows the live text to read and propose shares without letting them change it', async () => {
    const draft = await newDraft();
    await share(draft.id, 'Norway', 'propose');
    const a = connect(draft.id, owner);
    const b = connect(draft.id, editor);
    await Promise.all([a.synced, b.synced]);
    type(b, 'op1', () => 'Rewritten by a delegation that may only propose;');
    type(a, 'op2', (t) => t.replace('report', 'full report'));
    await until(() => textIn(b, 'op2') === 'Requests a full report;', 5000, "the pen-holder's change on the proposer's screen");
    await a.acknowledged();
    const stored = await getDraft(owner, draft.id);
    expect(stored.paragraphs[1].text).toBe('Urges all States to act;');
    expect(textIn(a, 'op1')).toBe('Urges all States to act;');
  });

  it('refuses a stranger, the anonymous and another site', async () => {
    const draft = await newDraft();
    const stranger = await signIn(app, db, 'Elsewhere');
    await expect(connect(draft.id, stranger).synced).rejects.toThrow(/refused/);

    const anonymous = await fetch(`${server.origin}/api/live`, { headers: { upgrade: 'websocket', connection: 'Upgrade' } }).catch((e: Error) => e);
    expect(anonymous instanceof Error || anonymous.status === 401).toBe(true);
    const probe = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        void import('ws').then(({ default: WebSocket }) => {
          const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/live`, { headers });
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.on('open', () => {
            ws.close();
            resolve(101);
          });
          ws.on('error', () => resolve(-1));
        });
      });
    expect(await probe({})).toBe(401);
    expect(await probe({ cookie: owner.cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await probe({ cookie: owner.cookie, origin: server.origin })).toBe(101);
    const plain = await owner.request('/api/live');
    expect(plain.status).toBe(426);
  });

  it('keeps an acknowledged change in the database, and the API shows it after a crash before the pause', async () => {
    const draft = await newDraft();
    const a = connect(draft.id, owner);
    await a.synced;
    type(a, 'op2', () => 'Requests a report, typed just before the crash;');
    await a.acknowledged();

    // Another process reads the file as it is now: the update is there.
    const reader = secondInstance(db);
    const stored = (await (await storeFor(reader)).live.read(draft.id))!;
    const doc = new Y.Doc();
    stored.updates.forEach((u) => Y.applyUpdate(doc, u));
    expect(readDraft(doc).paragraphs[2].text).toBe('Requests a report, typed just before the crash;');

    // A server started on it (the first one gone before its pause) reads the text through the API.
    const restarted = await signedInApp(reader, { delegation: 'Mexico' });
    const res = await restarted.app.request(`/api/drafts/${draft.id}`, { headers: { cookie: owner.cookie } });
    expect(((await res.json()) as Draft).paragraphs[2].text).toBe('Requests a report, typed just before the crash;');
    reader.close();
  });

  it('opening a draft live changes nothing: no new version until someone types', async () => {
    const draft = await newDraft();
    const a = connect(draft.id, owner);
    await a.synced;
    const read = await getDraft(owner, draft.id);
    expect(read.version).toBe(draft.version);
    expect(read.paragraphs).toEqual(draft.paragraphs);
  });

  it('pushes a restored version into the live text', async () => {
    const draft = await newDraft();
    const a = connect(draft.id, owner);
    await a.synced;
    type(a, 'op1', () => 'A change to undo;');
    await a.acknowledged();
    await getDraft(owner, draft.id); // settles the live text into version 2
    const res = await owner.request(`/api/drafts/${draft.id}/versions/1/restore`, { method: 'POST' });
    expect(res.status).toBe(200);
    await until(() => textIn(a, 'op1') === 'Urges all States to act;', 5000, 'the restored text on the live screen');
  });

  it('a REST save of a draft nobody has open live reaches its stored live text: the next co-editor opens it with the save', async () => {
    const draft = await newDraft();
    const a = connect(draft.id, owner);
    await a.synced;
    type(a, 'op1', () => 'Urges all States to act, typed live;');
    await a.acknowledged();
    a.close();
    await until(() => !ctx.live.server.documents.has(draft.id), 5000, 'the live document unloaded');

    const current = await getDraft(owner, draft.id);
    expect(current.paragraphs[1].text).toBe('Urges all States to act, typed live;');
    const edited = current.paragraphs.map((p) => (p.id === 'op2' ? { ...p, text: 'Requests a report, saved with nobody live;' } : p));
    expect((await owner.request(`/api/drafts/${draft.id}`, json({ version: current.version, paragraphs: edited }, 'PUT'))).status).toBe(200);

    const b = connect(draft.id, owner);
    await b.synced;
    expect(textIn(b, 'op1')).toBe('Urges all States to act, typed live;');
    expect(textIn(b, 'op2')).toBe('Requests a report, saved with nobody live;');
  });

  it('a REST save that lands while the first co-editor’s live document is made from the row is in the live text, and the next pause keeps it', async () => {
    const draft = await newDraft();
    const saved = draft.paragraphs.map((p) => (p.id === 'op2' ? { ...p, text: 'Requests a report, saved as the live text was made;' } : p));
    // The save lands in the window: after the live document was built from the row, before it exists in the store.
    const create = ctx.store.live.create;
    ctx.store.live.create = async (...args) => {
      const res = await owner.request(`/api/drafts/${draft.id}`, json({ version: draft.version, paragraphs: saved }, 'PUT'));
      expect(res.status).toBe(200);
      return create(...args);
    };
    try {
      const a = connect(draft.id, owner);
      await a.synced;
      await until(() => textIn(a, 'op2') === 'Requests a report, saved as the live text was made;', 5000, 'the save on the live screen');
      type(a, 'op1', () => 'Urges all States to act, typed live;');
      await a.acknowledged();
    } finally {
      ctx.store.live.create = create;
    }
    // Reading the draft writes the live text to the row (as the pause would): both changes are there.
    const current = await getDraft(owner, draft.id);
    expect(current.paragraphs.map((p) => p.text)).toEqual(['Recalling its previous resolutions,', 'Urges all States to act, typed live;', 'Requests a report, saved as the live text was made;']);
  });

  it('names the live text as it stands as a revision, once per name, and compares two revisions', async () => {
    const draft = await newDraft();
    await share(draft.id, 'Norway', 'propose');
    const a = connect(draft.id, owner);
    await a.synced;
    const rev1 = await owner.request(`/api/drafts/${draft.id}/revisions`, json({ name: 'Rev.1' }));
    expect(rev1.status).toBe(201);
    expect(await rev1.json()).toMatchObject({ version: draft.version, name: 'Rev.1' });
    type(a, 'op1', (t) => t.replace('act', 'act at once'));
    await a.acknowledged();
    expect((await owner.request(`/api/drafts/${draft.id}/revisions`, json({ name: 'Rev.1' }))).status).toBe(409);
    const rev2 = await owner.request(`/api/drafts/${draft.id}/revisions`, json({ name: 'Rev.2' }));
    expect(rev2.status).toBe(201);
    const { version } = (await rev2.json()) as { version: number };
    expect(version).toBeGreaterThan(draft.version);
    // The same text again is the same version: it has its name already.
    expect((await owner.request(`/api/drafts/${draft.id}/revisions`, json({ name: 'Rev.3' }))).status).toBe(409);
    expect((await editor.request(`/api/drafts/${draft.id}/revisions`, json({ name: 'Rev.9' }))).status).toBe(403);
    expect((await owner.request(`/api/drafts/${draft.id}/revisions`, json({ name: ' ' }))).status).toBe(400);

    const list = (await (await editor.request(`/api/drafts/${draft.id}/versions`)).json()) as { versions: { version: number; name: string | null }[] };
    expect(list.versions.filter((v) => v.name).map((v) => v.name)).toEqual(['Rev.2', 'Rev.1']);
    const diff = await editor.request(`/api/drafts/${draft.id}/diff?fromVersion=${draft.version}&toVersion=${version}`);
    expect(diff.status).toBe(200);
    expect(JSON.stringify(await diff.json())).toContain('at once');
  });

  it('relays presence naming the signed-in user, and closes a connection that names someone else', async () => {
    const draft = await newDraft();
    await share(draft.id, 'Norway', 'edit');
    const a = connect(draft.id, owner);
    const b = connect(draft.id, editor);
    await Promise.all([a.synced, b.synced]);
    const seenByA = () => [...a.provider.awareness!.getStates().values()].map((s) => (s as { user?: { delegation: string } }).user?.delegation).filter(Boolean);
    b.provider.setAwarenessField('user', { name: editor.user.name, delegation: 'Norway' });
    await until(() => seenByA().includes('Norway'), 5000, 'the honest presence');
    b.provider.setAwarenessField('user', { name: 'Someone else', delegation: 'China' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(seenByA()).not.toContain('China');
  });
});
