// Who may call what: every route of the API, walked as each role — anonymous,
// a member of another delegation (a stranger to the draft), a reader, a
// proposer and an editor through shares, a member of the owning delegation
// (the pen-holder), an administrator —
// against the status each must get. A stranger learns nothing: 404 with no
// title, and the draft absent from their list. The matrix this test holds is
// the one in the closing note of the delegations issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchingApp, signIn, type App, type Client } from '../helpers/api.js';
import { testContext } from '../helpers/store.js';
import { createApp } from '../../server/api/app.js';
import type { Db } from '../../server/store/db.js';

type Role = 'anonymous' | 'stranger' | 'reader' | 'proposer' | 'editor' | 'owner';
const ROLES: Role[] = ['anonymous', 'stranger', 'reader', 'proposer', 'editor', 'owner'];

let db: Db;
let close: () => Promise<void>;
let app: App;
const clients = {} as Record<Role, Client>;
let admin: Client;
/** Another delegation with propose access, whose proposals the roles support, accept or reject. */
let sponsor: Client;
let draftId = '';
let title = '';

const jsonInit = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  // The real search worker over the copy's index: suggest and search answer as they would in use.
  const corpus = await searchingApp({ delegation: 'Owners' });
  ({ db, close } = corpus);
  const owner = corpus.client;
  app = owner.app;
  clients.owner = owner;
  clients.stranger = await signIn(app, db, 'Strangers');
  clients.reader = await signIn(app, db, 'Readers');
  clients.proposer = await signIn(app, db, 'Proposers');
  clients.editor = await signIn(app, db, 'Editors');
  sponsor = await signIn(app, db, 'Sponsors');
  clients.anonymous = { user: null as never, cookie: '', request: async (path, init) => app.request(path, init) };
  admin = await signIn(app, db, 'Secretariat', { admin: true });

  title = 'Confidential position on OP 7';
  const res = await owner.request('/api/drafts', jsonInit('POST', { base: 'a-res-78-229-en', title }));
  draftId = ((await res.json()) as { id: string }).id;
  for (const [delegation, access] of [['Readers', 'read'], ['Proposers', 'propose'], ['Editors', 'edit'], ['Sponsors', 'propose']] as const) {
    expect((await owner.request(`/api/drafts/${draftId}/shares`, jsonInit('POST', { delegation, access }))).status).toBe(201);
  }
}, 300_000);
afterAll(() => close());

/** The draft's current version, read as its owner (each write bumps it). */
async function version(): Promise<number> {
  return ((await (await clients.owner.request(`/api/drafts/${draftId}`)).json()) as { version: number }).version;
}

async function statusOf(role: Role, method: string, path: string | (() => Promise<string>), body?: unknown | (() => Promise<unknown>)): Promise<number> {
  const url = typeof path === 'function' ? await path() : path;
  const payload = typeof body === 'function' ? await (body as () => Promise<unknown>)() : body;
  const res = await clients[role].request(url, payload === undefined ? { method } : jsonInit(method, payload));
  const text = await res.text();
  // Nothing a refused caller reads names the draft.
  if (res.status === 404 || res.status === 401) expect(text, `${role} ${method} ${url}`).not.toContain(title);
  return res.status;
}

interface Row {
  route: string;
  method: string;
  path: string | (() => Promise<string>);
  body?: unknown | (() => Promise<unknown>);
  expect: Record<Role, number>;
}

const readers = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: 404, reader: ok, proposer: ok, editor: ok, owner: ok });
const proposers = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: 404, reader: 403, proposer: ok, editor: ok, owner: ok });
const writers = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: 404, reader: 403, proposer: 403, editor: ok, owner: ok });
const owners = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: 404, reader: 403, proposer: 403, editor: 403, owner: ok });
const anyone = (ok: number): Record<Role, number> => ({ anonymous: 401, stranger: ok, reader: ok, proposer: ok, editor: ok, owner: ok });

/** A new proposal (by `by`, the sponsoring delegation unless named) and the path of `action` on it: each role acts on a fresh one. */
const onProposal = (action: string, by: () => Client = () => sponsor) => async () => {
  const res = await by().request(`/api/drafts/${draftId}/proposals`, jsonInit('POST', { kind: 'add', section: 'operative', text: 'Decides to remain seized of the matter.' }));
  expect(res.status).toBe(201);
  return `/api/drafts/${draftId}/proposals/${((await res.json()) as { id: string }).id}/${action}`;
};

/** The path of the status of the draft's first paragraph. */
const firstParagraphStatus = async () => {
  const draft = (await (await clients.owner.request(`/api/drafts/${draftId}`)).json()) as { paragraphs: { id: string }[] };
  return `/api/drafts/${draftId}/paragraphs/${draft.paragraphs[0].id}/status`;
};

const d = (rest = '') => () => Promise.resolve(`/api/drafts/${draftId}${rest}`);

const DRAFT_ROUTES: Row[] = [
  { route: 'GET /drafts', method: 'GET', path: '/api/drafts', expect: anyone(200) },
  { route: 'POST /drafts', method: 'POST', path: '/api/drafts', body: { language: 'en', title: 'Mine' }, expect: anyone(201) },
  { route: 'POST /drafts/import', method: 'POST', path: '/api/drafts/import', body: { text: 'The General Assembly,\n\n1. Decides to remain seized of the matter.', language: 'en' }, expect: anyone(201) },
  { route: 'GET /drafts/:id', method: 'GET', path: d(), expect: readers(200) },
  { route: 'PUT /drafts/:id', method: 'PUT', path: d(), body: async () => ({ version: await version(), title }), expect: writers(200) },
  { route: 'POST /drafts/:id/duplicate', method: 'POST', path: d('/duplicate'), body: {}, expect: readers(201) },
  { route: 'GET /drafts/:id/diff', method: 'GET', path: d('/diff'), expect: readers(200) },
  { route: 'GET /drafts/:id/diff?fromVersion&toVersion', method: 'GET', path: d('/diff?fromVersion=1&toVersion=2'), expect: readers(200) },
  { route: 'GET /drafts/:id/export.docx', method: 'GET', path: d('/export.docx'), expect: readers(200) },
  { route: 'GET /drafts/:id/export.akn', method: 'GET', path: d('/export.akn'), expect: readers(200) },
  { route: 'GET /drafts/:id/versions', method: 'GET', path: d('/versions'), expect: readers(200) },
  { route: 'GET /drafts/:id/versions/:v', method: 'GET', path: d('/versions/1'), expect: readers(200) },
  { route: 'POST /drafts/:id/versions/:v/restore', method: 'POST', path: d('/versions/1/restore'), expect: writers(200) },
  { route: 'GET /drafts/:id/shares', method: 'GET', path: d('/shares'), expect: readers(200) },
  { route: 'POST /drafts/:id/shares', method: 'POST', path: d('/shares'), body: { delegation: 'Observers', access: 'read' }, expect: owners(201) },
  { route: 'GET /drafts/:id/proposals', method: 'GET', path: d('/proposals'), expect: readers(200) },
  { route: 'POST /drafts/:id/proposals', method: 'POST', path: d('/proposals'), body: { kind: 'add', section: 'preamble', text: 'Recalling its previous resolutions,' }, expect: proposers(201) },
  { route: 'POST /drafts/:id/proposals/:p/support', method: 'POST', path: onProposal('support'), expect: proposers(200) },
  { route: 'POST /drafts/:id/proposals/:p/object', method: 'POST', path: onProposal('object'), expect: proposers(200) },
  { route: 'POST /drafts/:id/proposals/:p/accept', method: 'POST', path: onProposal('accept'), expect: owners(200) },
  { route: 'POST /drafts/:id/proposals/:p/reject', method: 'POST', path: onProposal('reject'), expect: owners(200) },
  { route: 'POST /drafts/:id/proposals/:p/bracket', method: 'POST', path: onProposal('bracket'), expect: owners(200) },
  {
    route: 'POST /drafts/:id/proposals/:p/withdraw (the proposer\'s own)',
    method: 'POST',
    path: onProposal('withdraw', () => clients.proposer),
    expect: { anonymous: 401, stranger: 404, reader: 403, proposer: 200, editor: 403, owner: 403 },
  },
  { route: 'PUT /drafts/:id/paragraphs/:p/status', method: 'PUT', path: firstParagraphStatus, body: { status: 'agreed-ad-ref' }, expect: owners(200) },
  { route: 'GET /drafts/:id/agreed-language', method: 'GET', path: d('/agreed-language'), expect: readers(200) },
  { route: 'GET /drafts/:id/export.docx?compilation=1', method: 'GET', path: d('/export.docx?compilation=1'), expect: readers(200) },
];

const CORPUS_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/documents?language=en'],
  ['GET', '/api/documents/a-res-80-229-en'],
  ['GET', '/api/series?language=zh'],
  ['GET', '/api/diff?from=a-res-78-229-en&to=a-res-80-229-en'],
  ['GET', '/api/paragraphs/a-res-80-229-zh.op32/lineage'],
  ['POST', '/api/suggest', { text: 'Urges Member States to take effective measures', language: 'en' }],
  ['GET', '/api/search?q=trafficking&language=en'],
  ['GET', '/api/documents/a-res-80-229-en/export.docx'],
  ['GET', '/api/documents/a-res-80-229-en/export.akn'],
  ['GET', '/api/paragraphs/a-res-80-229-zh.op32/translations'],
  ['GET', '/api/diff/export.docx?from=a-res-78-229-en&to=a-res-80-229-en'],
  ['GET', '/api/delegations'],
];

const ADMIN_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/users'],
  ['GET', '/api/admin/delegations'],
  ['GET', '/api/admin/audit'],
  ['POST', '/api/admin/users', { email: 'new.member@owners.example', name: 'New Member', password: 'a long enough password', delegation: 'Owners' }],
];

describe('every route checks who is asking', () => {
  beforeAll(async () => {
    // The "Observers" delegation exists, so the owner's share succeeds.
    await admin.request('/api/admin/users', jsonInit('POST', { email: 'observer@observers.example', name: 'Observer', password: 'a long enough password', delegation: 'Observers' }));
  });

  for (const row of DRAFT_ROUTES) {
    it(`${row.route}: ${ROLES.map((r) => `${r} ${row.expect[r]}`).join(', ')}`, async () => {
      for (const role of ROLES) expect(await statusOf(role, row.method, row.path, row.body), `${role} ${row.route}`).toBe(row.expect[role]);
    });
  }

  it('DELETE /drafts/:id/shares/:shareId: anonymous 401, stranger 404, reader 403, proposer 403, editor 403, owner 200', async () => {
    const shares = (await (await clients.owner.request(`/api/drafts/${draftId}/shares`)).json()) as { shares: { id: string; with: { name: string } }[] };
    const observers = shares.shares.find((s) => s.with.name === 'Observers')!;
    const path = `/api/drafts/${draftId}/shares/${observers.id}`;
    const expected = owners(200);
    for (const role of ROLES) expect(await statusOf(role, 'DELETE', path), role).toBe(expected[role]);
  });

  it('DELETE /drafts/:id: anonymous 401, stranger 404, reader 403, proposer 403, editor 403, owner 200', async () => {
    const expected = owners(200);
    for (const role of ROLES) expect(await statusOf(role, 'DELETE', `/api/drafts/${draftId}`), role).toBe(expected[role]);
    expect((await clients.owner.request(`/api/drafts/${draftId}`)).status).toBe(404);
  });

  it("a stranger's list never shows the draft; a reader's and an editor's show it with who shared it", async () => {
    const other = await clients.owner.request('/api/drafts', jsonInit('POST', { language: 'en', title: 'Shared with readers' }));
    const id = ((await other.json()) as { id: string }).id;
    await clients.owner.request(`/api/drafts/${id}/shares`, jsonInit('POST', { delegation: 'Readers', access: 'read' }));
    const list = async (role: Role) => ((await (await clients[role].request('/api/drafts')).json()) as { drafts: { id: string; access: string; owner: string; sharedBy: { delegation: string } | null }[] }).drafts;
    expect((await list('stranger')).map((x) => x.id)).not.toContain(id);
    const seen = (await list('reader')).find((x) => x.id === id)!;
    expect(seen).toMatchObject({ access: 'read', owner: 'Owners', sharedBy: { delegation: 'Owners' } });
    expect((await list('owner')).find((x) => x.id === id)).toMatchObject({ access: 'owner', sharedBy: null });
    // The total counts what the list may show, and only that: a stranger's counts no draft it cannot see.
    const page = async (role: Role) => (await (await clients[role].request('/api/drafts?limit=1')).json()) as { drafts: { id: string }[]; total: number };
    const strangersOwn = (await list('stranger')).length;
    expect((await page('stranger')).total).toBe(strangersOwn);
    expect((await page('reader')).total).toBe((await list('reader')).length);
    expect((await page('reader')).drafts).toHaveLength(1);
  });

  it('the corpus: 401 for the anonymous, 200 for anyone signed in', async () => {
    for (const [method, path, body] of CORPUS_ROUTES) {
      expect(await statusOf('anonymous', method, path, body), `anonymous ${method} ${path}`).toBe(401);
      expect(await statusOf('stranger', method, path, body), `signed in ${method} ${path}`).toBe(200);
    }
  });

  it('administration: 401 anonymous, 403 for members, 200/201 for administrators', async () => {
    for (const [method, path, body] of ADMIN_ROUTES) {
      expect(await statusOf('anonymous', method, path, body), `anonymous ${path}`).toBe(401);
      expect(await statusOf('owner', method, path, body), `member ${path}`).toBe(403);
      const res = await admin.request(path, body === undefined ? { method } : jsonInit(method, body));
      expect(res.status, `admin ${path}`).toBe(method === 'POST' ? 201 : 200);
    }
  });

  it('what a stranger can do without an account: the health check and signing in, nothing else', async () => {
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/auth/me')).status).toBe(401);
    expect((await app.request('/api/auth/login', jsonInit('POST', { email: 'nobody@x.example', password: 'wrong password' }))).status).toBe(401);
  });
});

describe('PRECEDENT_PUBLIC_CORPUS=1', () => {
  it('opens the corpus to the anonymous, and nothing else', async () => {
    const open = createApp(await testContext(db, { publicCorpus: true }));
    expect((await open.request('/api/documents/a-res-80-229-en')).status).toBe(200);
    expect((await open.request('/api/diff?from=a-res-78-229-en&to=a-res-80-229-en')).status).toBe(200);
    expect((await open.request('/api/drafts')).status).toBe(401);
    expect((await open.request('/api/admin/users')).status).toBe(401);
  });
});
