// Accounts through the real app and database: signing in and out with the
// session cookie, one message for an unknown e-mail and a wrong password, the
// sign-in limit, password changes, administrators creating users (and
// delegations), the first administrator (from the environment or the one-time
// setup link), the history of a draft (versions, restore, compare), tracked
// changes in Word carrying their real author, and the audit log.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAccounts, FirstAdminSetup } from '../../server/accounts/bootstrap.js';
import { SIGN_IN_LIMITS } from '../../server/accounts/service.js';
import { createApp } from '../../server/api/app.js';
import * as contract from '../../server/api/contract.js';
import { openDb, type Db } from '../../server/store/db.js';
import { signIn, signedInApp, TEST_PASSWORD, withCookie, type App, type Client } from '../helpers/api.js';
import { storeFor, testContext } from '../helpers/store.js';
import { expectContract } from '../helpers/contract.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let app: App;
let admin: Client;

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const cookieFrom = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

beforeAll(async () => {
  db = openCorpusCopy().db;
  const a = await signedInApp(db, { delegation: 'Secretariat' });
  app = a.app;
  admin = await signIn(app, db, 'Secretariat', { admin: true });
});
afterAll(() => db.close());

async function newMember(email: string, delegation: string, password = 'a good long password'): Promise<void> {
  const res = await admin.request('/api/admin/users', post({ email, name: email.split('@')[0], password, delegation }));
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('signing in and out', () => {
  it('signs in with the e-mail (any case) and password, sets an HttpOnly SameSite=Lax cookie, and /me names the user', async () => {
    await newMember('li.wei@china.example', 'China');
    const res = await app.request('/api/auth/login', post({ email: 'Li.Wei@China.example', password: 'a good long password' }));
    expect(res.status).toBe(200);
    const body = expectContract(contract.UserResponse, await res.json(), 'login');
    expect(body.user).toMatchObject({ email: 'li.wei@china.example', delegation: { name: 'China' }, admin: false });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/precedent_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; Secure over https (below)

    const cookie = cookieFrom(res);
    const me = await app.request('/api/auth/me', withCookie(undefined, cookie));
    expect(expectContract(contract.UserResponse, await me.json(), 'me').user.email).toBe('li.wei@china.example');

    expect((await app.request('/api/auth/logout', withCookie({ method: 'POST' }, cookie))).status).toBe(200);
    expect((await app.request('/api/auth/me', withCookie(undefined, cookie))).status).toBe(401);
  });

  it('marks the cookie Secure when served over https', async () => {
    const res = await app.request('https://localhost/api/auth/login', post({ email: 'li.wei@china.example', password: 'a good long password' }));
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers 401 with the same message for an unknown e-mail and a wrong password', async () => {
    const unknown = await app.request('/api/auth/login', post({ email: 'nobody@nowhere.example', password: 'whatever it is' }));
    const wrong = await app.request('/api/auth/login', post({ email: 'li.wei@china.example', password: 'not the password' }));
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('refuses sign-ins after too many failures for one account (429 with Retry-After), and the audit log records them', async () => {
    await newMember('target@eu.example', 'European Union');
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect((await app.request('/api/auth/login', post({ email: 'target@eu.example', password: `guess number ${i}` }))).status).toBe(401);
    }
    const refused = await app.request('/api/auth/login', post({ email: 'target@eu.example', password: 'a good long password' }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many failed sign-ins for this account/i);
    // Another account is not locked by it.
    expect((await app.request('/api/auth/login', post({ email: 'li.wei@china.example', password: 'a good long password' }))).status).toBe(200);

    const audit = expectContract(contract.AuditResponse, await (await admin.request('/api/admin/audit')).json(), 'audit');
    const failed = audit.entries.filter((e) => e.action === 'sign-in-failed' && e.actorEmail === 'target@eu.example');
    expect(failed).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(audit.entries.some((e) => e.action === 'sign-in' && e.actorEmail === 'li.wei@china.example')).toBe(true);
  });

  it('changes a password: the current one is required, other sessions end, the new one signs in', async () => {
    await newMember('changer@fr.example', 'France');
    const first = cookieFrom(await app.request('/api/auth/login', post({ email: 'changer@fr.example', password: 'a good long password' })));
    const second = cookieFrom(await app.request('/api/auth/login', post({ email: 'changer@fr.example', password: 'a good long password' })));
    const wrong = await app.request('/api/auth/password', withCookie(post({ current: 'not it at all', next: 'a brand new password' }), first));
    expect(wrong.status).toBe(403);
    const short = await app.request('/api/auth/password', withCookie(post({ current: 'a good long password', next: 'short' }), first));
    expect(short.status).toBe(400);
    const ok = await app.request('/api/auth/password', withCookie(post({ current: 'a good long password', next: 'a brand new password' }), first));
    expect(ok.status).toBe(200);
    expect((await app.request('/api/auth/me', withCookie(undefined, first))).status).toBe(200);
    expect((await app.request('/api/auth/me', withCookie(undefined, second))).status).toBe(401);
    expect((await app.request('/api/auth/login', post({ email: 'changer@fr.example', password: 'a brand new password' }))).status).toBe(200);
  });
});

describe('administration', () => {
  it('creates users (201), creating the delegation the first time, refuses a taken e-mail (409) and a weak password (400)', async () => {
    const res = await admin.request('/api/admin/users', post({ email: 'desk@unodc.example', name: 'Desk Officer', password: 'a good long password', delegation: 'UNODC secretariat' }));
    expect(res.status).toBe(201);
    expect(expectContract(contract.UserResponse, await res.json(), 'create user').user).toMatchObject({ delegation: { name: 'UNODC secretariat' }, admin: false });
    const delegations = expectContract(contract.DelegationsResponse, await (await admin.request('/api/admin/delegations')).json(), 'delegations');
    expect(delegations.delegations.find((d) => d.name === 'UNODC secretariat')).toMatchObject({ members: 1 });
    expect((await admin.request('/api/admin/users', post({ email: 'DESK@unodc.example', name: 'Again', password: 'a good long password', delegation: 'X' }))).status).toBe(409);
    const weak = await admin.request('/api/admin/users', post({ email: 'weak@x.example', name: 'Weak', password: 'short', delegation: 'X' }));
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: string }).error).toMatch(/password/);
    const users = expectContract(contract.UsersResponse, await (await admin.request('/api/admin/users')).json(), 'users');
    expect(users.users.map((u) => u.email)).toContain('desk@unodc.example');
    expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/);
  });
});

describe('the first administrator', () => {
  it('is created from PRECEDENT_ADMIN_EMAIL and PRECEDENT_ADMIN_PASSWORD when the database has no user, once', async () => {
    const empty = openDb(':memory:');
    const setup = new FirstAdminSetup();
    const env = { PRECEDENT_ADMIN_EMAIL: 'root@mission.example', PRECEDENT_ADMIN_PASSWORD: 'a good long password' };
    const made = await bootstrapAccounts(await storeFor(empty), setup, env);
    expect(made).toMatchObject({ kind: 'created', user: { email: 'root@mission.example', admin: true } });
    expect(await bootstrapAccounts(await storeFor(empty), setup, env)).toMatchObject({ kind: 'ready', users: 1 });
    empty.close();
  });

  it('without them, a one-time setup link creates it (and signs in); the link works once', async () => {
    const empty = openDb(':memory:');
    const ctx = await testContext(empty);
    const fresh = createApp(ctx);
    const outcome = await bootstrapAccounts(ctx.store, ctx.setup, {});
    expect(outcome.kind).toBe('setup');
    const token = outcome.kind === 'setup' ? outcome.token : '';
    expect(await (await fresh.request('/api/auth/setup')).json()).toEqual({ needed: true });
    const input = { email: 'first@mission.example', name: 'First', password: 'a good long password', delegation: 'Mission' };
    expect((await fresh.request('/api/auth/setup', post({ ...input, token: 'wrong' }))).status).toBe(403);
    const res = await fresh.request('/api/auth/setup', post({ ...input, token }));
    expect(res.status).toBe(201);
    expect((await fresh.request('/api/auth/me', withCookie(undefined, cookieFrom(res)))).status).toBe(200);
    expect((await fresh.request('/api/auth/setup', post({ ...input, email: 'second@mission.example', token }))).status).toBe(403);
    expect(await (await fresh.request('/api/auth/setup')).json()).toEqual({ needed: false });
    empty.close();
  });
});

describe('history', () => {
  it('keeps every save (creation included) with who saved it; restores an old version as a new save; compares two versions', async () => {
    const china = await signIn(app, db, 'China');
    const colleague = await signIn(app, db, 'China', { name: 'Colleague' });
    const created = (await (await china.request('/api/drafts', post({ language: 'en', title: 'History', paragraphs: [{ id: 'p1', section: 'operative', text: 'Decides to remain seized of the matter.' }] }))).json()) as contract.Draft;
    const put = (client: Client, version: number, text: string) =>
      client.request(`/api/drafts/${created.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, paragraphs: [{ id: 'p1', section: 'operative', text }] }) });
    expect((await put(china, 1, 'Decides to remain actively seized of the matter.')).status).toBe(200);
    expect((await put(colleague, 2, 'Decides to continue its consideration of the question.')).status).toBe(200);

    const versions = expectContract(contract.VersionsResponse, await (await china.request(`/api/drafts/${created.id}/versions`)).json(), 'versions').versions;
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0].savedBy).toMatchObject({ name: 'Colleague', delegation: 'China' });
    expect(versions[2].savedBy?.name).toBe(china.user.name);

    const v1 = expectContract(contract.VersionResponse, await (await china.request(`/api/drafts/${created.id}/versions/1`)).json(), 'version');
    expect(v1.content.paragraphs[0].text).toBe('Decides to remain seized of the matter.');
    expect((await china.request(`/api/drafts/${created.id}/versions/9`)).status).toBe(404);

    const diff = expectContract(contract.DiffResponse, await (await china.request(`/api/drafts/${created.id}/diff?fromVersion=1&toVersion=3`)).json(), 'version diff');
    expect(diff.pairs.some((p) => p.changes?.some((c) => c.type === 'insert' && c.text.includes('continue')))).toBe(true);

    const restored = await china.request(`/api/drafts/${created.id}/versions/1/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    const now = (await restored.json()) as contract.Draft;
    expect(now).toMatchObject({ version: 4 });
    expect(now.paragraphs[0].text).toBe('Decides to remain seized of the matter.');
    expect((await (await china.request(`/api/drafts/${created.id}/versions`)).json()) as { versions: unknown[] }).toMatchObject({ versions: { length: 4 } });
  });

  it('exports tracked changes with the name, delegation and date of the user who made each change', async () => {
    const france = await signIn(app, db, 'France', { name: 'Marie Curie' });
    const draft = (await (await france.request('/api/drafts', post({ base: 'a-res-78-229-en' }))).json()) as contract.Draft;
    const paragraphs = draft.paragraphs.map((p, i) => (i === 0 ? { ...p, text: `${p.text} Amended by France.` } : p));
    expect((await france.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 1, paragraphs }) })).status).toBe(200);
    const res = await france.request(`/api/drafts/${draft.id}/export.docx`);
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:author="Marie Curie (France)"');
    expect(xml).not.toContain('w:author="Precedent"');
  });
});

describe('the audit log', () => {
  it('records shares and deletions with who did them, for administrators only', async () => {
    const owner = await signIn(app, db, 'Mexico');
    await signIn(app, db, 'Brazil');
    const draft = (await (await owner.request('/api/drafts', post({ language: 'es', title: 'Borrador' }))).json()) as contract.Draft;
    expect((await owner.request(`/api/drafts/${draft.id}/shares`, post({ delegation: 'Brazil', access: 'edit' }))).status).toBe(201);
    expect((await owner.request(`/api/drafts/${draft.id}`, { method: 'DELETE' })).status).toBe(200);
    const audit = expectContract(contract.AuditResponse, await (await admin.request('/api/admin/audit?limit=20')).json(), 'audit');
    const mine = audit.entries.filter((e) => e.target === draft.id);
    expect(mine.map((e) => [e.action, e.actorEmail, e.detail])).toEqual([
      ['draft-deleted', owner.user.email, 'Borrador'],
      ['draft-shared', owner.user.email, 'edit with Brazil'],
    ]);
    expect((await owner.request('/api/admin/audit')).status).toBe(403);
  });
});

it('test accounts sign in through the real login route too', async () => {
  const res = await app.request('/api/auth/login', post({ email: admin.user.email, password: TEST_PASSWORD }));
  expect(res.status).toBe(200);
});
