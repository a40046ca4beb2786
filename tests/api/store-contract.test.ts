// The Store interface's contract, as the services rely on it: the same cases
// against both implementations, so the two stores cannot drift apart. Then what only
// PostgreSQL has: two instances on one database, their migrations at once,
// their writes racing, one hearing the other's live updates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Draft, DraftParagraph, DraftVersionContent } from '../../server/drafts/model.js';
import type { Evidence } from '../../server/negotiation/model.js';
import type { NewProposal, NewUserRow, Store } from '../../server/store/store.js';
import { openPostgresStore } from '../../server/store/postgres/index.js';
import { MIGRATIONS } from '../../server/store/postgres/schema.js';
import { APPEND_LOCK } from '../../server/store/postgres/live.js';
import { freshDatabase, postgresUnavailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite/index.js';
import { openDb } from '../../server/store/db.js';

/** Second `n` of 2026-01-01, as the ISO strings the services write. */
const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

const userRow = (id: string, email: string, name: string, admin = false): NewUserRow => ({ id, email, name, admin, passwordHash: `hash-${id}`, now: at(1) });

const PARAGRAPHS: DraftParagraph[] = [
  { id: 'pp1', section: 'preamble', text: 'Recalling its resolution 78/229 — “quotes”, 中文, العربية,', lead: 'Recalling', source: { paragraphId: 'p-9', documentId: 'A/RES/78/229', citation: 'A/RES/78/229, PP 1', text: 'Recalling' } },
  { id: 'op1', section: 'operative', text: 'Urges all States to act;', footnotes: [{ marker: '1', text: 'See A/78/1.', offset: 5 }] },
  { id: 'op2', section: 'operative', text: 'Requests a report;' },
];

function draft(id: string, updatedAt: string, version = 1, paragraphs: DraftParagraph[] = PARAGRAPHS): Draft {
  return { id, title: `Draft ${id}`, language: 'en', body: 'General Assembly', baseDocumentId: null, version, paragraphs, createdAt: at(2), updatedAt };
}

const content = (d: Draft): DraftVersionContent => ({ title: d.title, body: d.body, baseDocumentId: d.baseDocumentId, paragraphs: d.paragraphs });

const EVIDENCE: Evidence = { precedents: [{ paragraphId: 'p-1', documentId: 'A/RES/1', citation: 'A/RES/1, OP 1', similarity: 0.75, text: 'Urges' }], newLanguage: [[0, 4]], agreedShare: 0.5 };

function proposal(id: string, draftId: string, over: Partial<NewProposal> = {}): NewProposal {
  return {
    id,
    draftId,
    kind: 'amend',
    paragraphId: 'op1',
    section: 'operative',
    text: 'Urges all States to act now;',
    note: null,
    basis: 'Urges all States to act;',
    anchorLabel: 'OP 1',
    delegationId: 'del-cl',
    authorId: 'u-bob',
    evidence: EVIDENCE,
    createdAt: at(40),
    ...over,
  };
}

const bytes = (...values: number[]) => new Uint8Array(values);

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The cases every store must pass; they run in order on one store, each building on the last. */
function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('accounts', () => {
      it('creates a user in a new delegation, and a second member joins it whatever the case of its name', async () => {
        expect(await store.accounts.insertUser(userRow('u-alice', 'Alice@Example.org', 'Alice', true), 'Mexico', 'del-mx')).toBe(true);
        expect(await store.accounts.insertUser(userRow('u-carol', 'carol@example.org', 'Carol'), 'MEXICO', 'del-unused')).toBe(true);
        expect(await store.accounts.insertUser(userRow('u-bob', 'bob@example.org', 'Bob'), 'Chile', 'del-cl')).toBe(true);
        expect(await store.accounts.findDelegation('mexico')).toEqual({ id: 'del-mx', name: 'Mexico' });
        expect(await store.accounts.findDelegation('del-mx')).toEqual({ id: 'del-mx', name: 'Mexico' });
        expect(await store.accounts.findDelegation('del-unused')).toBeNull();
        expect(await store.accounts.listDelegations()).toEqual([
          { id: 'del-cl', name: 'Chile', members: 1 },
          { id: 'del-mx', name: 'Mexico', members: 2 },
        ]);
        expect(await store.accounts.countUsers()).toBe(3);
      });

      it('finds a user by e-mail without case, with the password hash', async () => {
        const alice = await store.accounts.findUserByEmail('ALICE@example.ORG');
        expect(alice).toEqual({
          id: 'u-alice',
          email: 'Alice@Example.org',
          name: 'Alice',
          delegation: { id: 'del-mx', name: 'Mexico' },
          admin: true,
          createdAt: at(1),
          passwordHash: 'hash-u-alice',
        });
        expect((await store.accounts.findUserById('u-carol'))?.delegation).toEqual({ id: 'del-mx', name: 'Mexico' });
        expect(await store.accounts.findUserByEmail('nobody@example.org')).toBeNull();
      });

      it('refuses a second user with the same e-mail and writes nothing, not even the new delegation', async () => {
        expect(await store.accounts.insertUser(userRow('u-alice2', 'alice@EXAMPLE.org', 'Alice Two'), 'Peru', 'del-pe')).toBe(false);
        expect(await store.accounts.findUserById('u-alice2')).toBeNull();
        expect(await store.accounts.findDelegation('Peru')).toBeNull();
        expect(await store.accounts.countUsers()).toBe(3);
        expect((await store.accounts.findUserByEmail('alice@example.org'))?.name).toBe('Alice');
      });

      it('lists users by delegation then name, without password hashes; changes a password', async () => {
        const users = await store.accounts.listUsers();
        expect(users.map((u) => u.id)).toEqual(['u-bob', 'u-alice', 'u-carol']);
        expect(users.every((u) => !('passwordHash' in u))).toBe(true);
        await store.accounts.setPassword('u-carol', 'hash-new', at(3));
        expect((await store.accounts.findUserById('u-carol'))?.passwordHash).toBe('hash-new');
      });

      it('finds, touches and deletes sessions; signs a user out everywhere but the session they use', async () => {
        for (const token of ['s1', 's2', 's3']) {
          await store.accounts.insertSession({ tokenHash: token, userId: 'u-alice', createdAt: at(5), lastSeenAt: at(5), expiresAt: at(500) });
        }
        await store.accounts.insertSession({ tokenHash: 's-bob', userId: 'u-bob', createdAt: at(5), lastSeenAt: at(5), expiresAt: at(500) });
        const found = await store.accounts.findSessionUser('s1');
        expect(found?.session).toEqual({ tokenHash: 's1', userId: 'u-alice', createdAt: at(5), lastSeenAt: at(5), expiresAt: at(500) });
        expect(found?.user).toEqual({ id: 'u-alice', email: 'Alice@Example.org', name: 'Alice', delegation: { id: 'del-mx', name: 'Mexico' }, admin: true, createdAt: at(1) });
        await store.accounts.touchSession('s1', at(6), at(600));
        expect((await store.accounts.findSessionUser('s1'))?.session).toMatchObject({ lastSeenAt: at(6), expiresAt: at(600) });
        // The searches' lane (its own connections on PostgreSQL) reads and touches the same sessions.
        await store.accounts.touchSession('s1', at(7), at(700), 'search');
        expect(await store.accounts.findSessionUser('s1', 'search')).toEqual({ ...found, session: { ...found!.session, lastSeenAt: at(7), expiresAt: at(700) } });
        await store.accounts.deleteSession('s3');
        expect(await store.accounts.findSessionUser('s3', 'search')).toBeNull();
        expect(await store.accounts.findSessionUser('s3')).toBeNull();
        await store.accounts.deleteUserSessions('u-alice', 's1');
        expect(await store.accounts.findSessionUser('s1')).not.toBeNull();
        expect(await store.accounts.findSessionUser('s2')).toBeNull();
        expect(await store.accounts.findSessionUser('s-bob')).not.toBeNull();
        await store.accounts.deleteUserSessions('u-alice');
        expect(await store.accounts.findSessionUser('s1')).toBeNull();
      });

      it('deletes expired sessions only', async () => {
        await store.accounts.insertSession({ tokenHash: 'old', userId: 'u-bob', createdAt: at(5), lastSeenAt: at(5), expiresAt: at(10) });
        await store.accounts.deleteExpiredSessions(at(50));
        expect(await store.accounts.findSessionUser('old')).toBeNull();
        expect(await store.accounts.findSessionUser('s-bob')).not.toBeNull();
      });
    });

    describe('audit', () => {
      it('pages the log newest first', async () => {
        for (let i = 0; i < 5; i++) await store.audit.append({ at: at(100 + i), action: 'draft-shared', actorId: 'u-alice', target: `d${i}`, detail: i === 0 ? 'first' : null });
        const first = await store.audit.list(2);
        expect(first.map((e) => e.target)).toEqual(['d4', 'd3']);
        expect(typeof first[0]!.id).toBe('number');
        expect(first[0]!.id).toBeGreaterThan(first[1]!.id);
        const next = await store.audit.list(2, first[1]!.id);
        expect(next.map((e) => e.target)).toEqual(['d2', 'd1']);
        const last = await store.audit.list(10, next[1]!.id);
        expect(last).toEqual([{ id: last[0]!.id, at: at(100), action: 'draft-shared', actorId: 'u-alice', actorEmail: null, address: null, target: 'd0', detail: 'first' }]);
      });

      it('counts failed sign-ins since a time, by e-mail without case or by address, reset by a success', async () => {
        const failed = (n: number, email: string, address: string) => store.audit.append({ at: at(n), action: 'sign-in-failed', actorEmail: email, address });
        await failed(200, 'bob@example.org', '10.0.0.1');
        await failed(201, 'bob@example.org', '10.0.0.1');
        await failed(202, 'bob@example.org', '10.0.0.2');
        expect(await store.audit.countFailedSignIns({ email: 'BOB@example.org' }, at(150))).toBe(3);
        expect(await store.audit.countFailedSignIns({ email: 'bob@example.org' }, at(200))).toBe(2);
        expect(await store.audit.countFailedSignIns({ address: '10.0.0.1' }, at(150))).toBe(2);
        await store.audit.append({ at: at(203), action: 'sign-in', actorId: 'u-bob', actorEmail: 'bob@example.org', address: '10.0.0.1' });
        expect(await store.audit.countFailedSignIns({ email: 'bob@example.org' }, at(150))).toBe(0);
        expect(await store.audit.countFailedSignIns({ address: '10.0.0.1' }, at(150))).toBe(0);
        expect(await store.audit.countFailedSignIns({ address: '10.0.0.2' }, at(150))).toBe(1);
        await failed(204, 'bob@example.org', '10.0.0.1');
        expect(await store.audit.countFailedSignIns({ email: 'bob@example.org' }, at(150))).toBe(1);
        expect(await store.audit.countFailedSignIns({ email: 'carol@example.org' }, at(150))).toBe(0);
      });
    });

    describe('drafts', () => {
      const alice = { userId: 'u-alice', delegationId: 'del-mx' };
      const bob = { userId: 'u-bob', delegationId: 'del-cl' };

      it('stores a new draft exactly, with its first version', async () => {
        expect(await store.drafts.any()).toBe(false);
        await store.drafts.check();
        const d1 = draft('d1', at(10));
        await store.drafts.insert(d1, alice);
        expect(await store.drafts.get('d1')).toEqual(d1);
        // A draft never opened live: the row is all there is to read.
        expect(await store.drafts.getForReader('d1', alice)).toEqual({ draft: d1, ownerDelegationId: 'del-mx', shares: [], lineage: null, liveUpdatesPending: false });
        expect(await store.drafts.getForReader('nope', alice)).toBeNull();
        expect(await store.drafts.get('nope')).toBeNull();
        expect(await store.drafts.listVersions('d1')).toEqual([{ version: 1, savedAt: at(10), savedBy: { id: 'u-alice', name: 'Alice', delegation: 'Mexico' }, note: null, name: null }]);
        expect((await store.drafts.getVersion('d1', 1))?.content).toEqual(content(d1));
        expect(await store.drafts.any()).toBe(true);
      });

      it('updates only from the expected version: a stale save is refused and changes nothing', async () => {
        const v2 = { ...draft('d1', at(11), 2), title: 'Second', paragraphs: PARAGRAPHS.slice(1) };
        expect(await store.drafts.update(v2, 1, 'u-carol', 'Restored')).toEqual({ liveDocument: false });
        const stale = { ...draft('d1', at(12), 2), title: 'Stale' };
        expect(await store.drafts.update(stale, 1, 'u-bob')).toBeNull();
        expect(await store.drafts.get('d1')).toEqual(v2);
        const versions = await store.drafts.listVersions('d1');
        expect(versions.map((v) => [v.version, v.note, v.savedBy?.id])).toEqual([
          [2, 'Restored', 'u-carol'],
          [1, null, 'u-alice'],
        ]);
        expect((await store.drafts.versionHistory('d1')).map((v) => [v.version, v.content.title])).toEqual([
          [1, 'Draft d1'],
          [2, 'Second'],
        ]);
        const listed = (await store.drafts.listVisible('u-alice', 'del-mx', { limit: 10, offset: 0 })).drafts[0];
        expect(listed?.counts).toEqual({ preamble: 0, operative: 2 });
      });

      it('names a version once per draft, and not a version that does not exist', async () => {
        expect(await store.drafts.nameVersion('d1', 1, 'Rev.1')).toBe(true);
        expect(await store.drafts.nameVersion('d1', 2, 'Rev.1')).toBe(false);
        expect(await store.drafts.nameVersion('d1', 99, 'Rev.2')).toBe(false);
        expect(await store.drafts.nameVersion('d1', 2, 'Rev.2')).toBe(true);
        expect((await store.drafts.listVersions('d1')).map((v) => v.name)).toEqual(['Rev.2', 'Rev.1']);
        expect((await store.drafts.getVersion('d1', 1))?.name).toBe('Rev.1');
        expect(await store.drafts.getVersion('d1', 99)).toBeNull();
      });

      it('accepts a proposal with the save that applies it, and writes nothing when it was decided already', async () => {
        await store.negotiation.insert(proposal('p-accept', 'd1'));
        const v3 = draft('d1', at(13), 3);
        expect(await store.drafts.update(v3, 2, 'u-alice', 'Accepted the proposal of Chile', { proposalId: 'p-accept', by: 'u-alice', at: at(13) })).toEqual({ liveDocument: false });
        const accepted = await store.negotiation.get('d1', 'p-accept');
        expect(accepted).toMatchObject({ status: 'accepted', decidedAt: at(13), decidedBy: { name: 'Alice', delegation: 'Mexico' } });
        const v4 = { ...draft('d1', at(14), 4), title: 'Applies it twice' };
        expect(await store.drafts.update(v4, 3, 'u-alice', null, { proposalId: 'p-accept', by: 'u-alice', at: at(14) })).toBeNull();
        expect(await store.drafts.get('d1')).toEqual(v3);
        expect((await store.drafts.listVersions('d1')).map((v) => v.version)).toEqual([3, 2, 1]);
        expect((await store.negotiation.get('d1', 'p-accept'))?.decidedAt).toBe(at(13));
      });

      it('lists the drafts a delegation owns or that are shared with it or the user, newest first, in pages', async () => {
        await store.drafts.insert(draft('d2', at(20)), alice);
        await store.drafts.insert(draft('d3', at(15)), bob);
        await store.drafts.insert(draft('d4', at(30)), bob);
        await store.drafts.insert(draft('d5', at(25)), bob);
        await store.drafts.insert(draft('d0', at(20)), alice); // same time as d2: by id
        await store.shares.upsert({ id: 'sh-3', draftId: 'd3', delegationId: 'del-mx', userId: null, access: 'read', sharedBy: 'u-bob', createdAt: at(31) });
        await store.shares.upsert({ id: 'sh-4', draftId: 'd4', delegationId: null, userId: 'u-alice', access: 'edit', sharedBy: 'u-bob', createdAt: at(32) });

        const all = await store.drafts.listVisible('u-alice', 'del-mx', { limit: 10, offset: 0 });
        expect(all.total).toBe(5);
        expect(all.drafts.map((d) => d.id)).toEqual(['d4', 'd0', 'd2', 'd3', 'd1']);
        const d4 = all.drafts[0]!;
        expect(d4).toEqual({
          id: 'd4',
          title: 'Draft d4',
          language: 'en',
          body: 'General Assembly',
          baseDocumentId: null,
          version: 1,
          createdAt: at(2),
          updatedAt: at(30),
          counts: { preamble: 1, operative: 2 },
          ownerDelegationId: 'del-cl',
          ownerName: 'Chile',
        });
        // Carol is in Mexico too: the share with Alice herself does not reach her.
        expect((await store.drafts.listVisible('u-carol', 'del-mx', { limit: 10, offset: 0 })).drafts.map((d) => d.id)).toEqual(['d0', 'd2', 'd3', 'd1']);
        const page2 = await store.drafts.listVisible('u-alice', 'del-mx', { limit: 2, offset: 2 });
        expect(page2).toMatchObject({ total: 5 });
        expect(page2.drafts.map((d) => d.id)).toEqual(['d2', 'd3']);
        expect(await store.drafts.listVisible('u-alice', 'del-mx', { limit: 2, offset: 10 })).toEqual({ drafts: [], total: 5 });
        expect((await store.drafts.listVisible('u-bob', 'del-cl', { limit: 10, offset: 0 })).drafts.map((d) => d.id)).toEqual(['d4', 'd5', 'd3']);
        expect(await store.drafts.listVisible('u-nobody', 'del-none', { limit: 10, offset: 0 })).toEqual({ drafts: [], total: 0 });
      });

      it('deletes a draft once', async () => {
        expect(await store.drafts.delete('d5')).toBe(true);
        expect(await store.drafts.get('d5')).toBeNull();
        expect(await store.drafts.listVersions('d5')).toEqual([]);
        expect(await store.drafts.delete('d5')).toBe(false);
      });
    });

    describe('shares', () => {
      it('changes the access of the share with the same recipient instead of sharing twice', async () => {
        const id = await store.shares.upsert({ id: 'sh-3b', draftId: 'd3', delegationId: 'del-mx', userId: null, access: 'propose', sharedBy: 'u-bob', createdAt: at(33) });
        expect(id).toBe('sh-3');
        const shares = await store.shares.list('d3');
        expect(shares).toEqual([{ id: 'sh-3', access: 'propose', with: { kind: 'delegation', id: 'del-mx', name: 'Mexico' }, sharedBy: { name: 'Bob', delegation: 'Chile' }, createdAt: at(33) }]);
        expect(await store.shares.upsert({ id: 'sh-3c', draftId: 'd3', delegationId: null, userId: 'u-carol', access: 'edit', sharedBy: 'u-bob', createdAt: at(34) })).toBe('sh-3c');
        expect((await store.shares.list('d3')).map((s) => [s.id, s.access])).toEqual([
          ['sh-3', 'propose'],
          ['sh-3c', 'edit'],
        ]);
        expect((await store.shares.get('d3', 'sh-3c'))?.with).toEqual({ kind: 'user', id: 'u-carol', name: 'Carol', email: 'carol@example.org' });
        expect(await store.shares.get('d4', 'sh-3c')).toBeNull();
      });

      it('finds the shares that reach a user, and deletes one once', async () => {
        expect((await store.shares.reaching('d3', 'u-carol', 'del-mx')).map((s) => s.id).sort()).toEqual(['sh-3', 'sh-3c']);
        // Read with the draft, the same shares, whole.
        const forCarol = await store.drafts.getForReader('d3', { userId: 'u-carol', delegationId: 'del-mx' });
        expect(forCarol).toMatchObject({ draft: { id: 'd3' }, ownerDelegationId: 'del-cl', lineage: null, liveUpdatesPending: false });
        expect([...forCarol!.shares].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...(await store.shares.reaching('d3', 'u-carol', 'del-mx'))].sort((a, b) => a.id.localeCompare(b.id)),
        );
        expect((await store.drafts.getForReader('d3', { userId: 'u-bob', delegationId: 'del-cl' }))?.shares).toEqual([]);
        expect((await store.shares.reaching('d3', 'u-alice', 'del-mx')).map((s) => s.id)).toEqual(['sh-3']);
        expect(await store.shares.reaching('d3', 'u-bob', 'del-cl')).toEqual([]);
        expect(await store.shares.delete('d3', 'sh-3c')).toBe(true);
        expect(await store.shares.delete('d3', 'sh-3c')).toBe(false);
        expect(await store.shares.delete('d4', 'sh-3')).toBe(false);
        expect((await store.shares.list('d3')).map((s) => s.id)).toEqual(['sh-3']);
      });
    });

    describe('negotiation', () => {
      it('lists proposals in the order they were made, with their evidence as stored', async () => {
        // Same time: the order of insertion decides, not the id.
        await store.negotiation.insert(proposal('p-z', 'd2', { createdAt: at(50) }));
        await store.negotiation.insert(proposal('p-a', 'd2', { createdAt: at(50), kind: 'add', paragraphId: null, section: 'preamble', text: 'Noting,', basis: null, anchorLabel: null, delegationId: 'del-mx', authorId: 'u-carol' }));
        expect(await store.negotiation.insert(proposal('p-m', 'd2', { createdAt: at(49), kind: 'add', paragraphId: 'op1' }))).toBe(1);
        const list = await store.negotiation.list('d2');
        expect(list.map((p) => p.id)).toEqual(['p-m', 'p-z', 'p-a']);
        expect(list[1]).toEqual({
          id: 'p-z',
          draftId: 'd2',
          kind: 'amend',
          paragraphId: 'op1',
          section: 'operative',
          text: 'Urges all States to act now;',
          note: null,
          basis: 'Urges all States to act;',
          anchorLabel: 'OP 1',
          sequence: 1,
          delegationId: 'del-cl',
          delegation: 'Chile',
          author: { id: 'u-bob', name: 'Bob', delegation: 'Chile' },
          status: 'open',
          evidence: EVIDENCE,
          createdAt: at(50),
          decidedAt: null,
          decidedBy: null,
          supporters: [],
          objectors: [],
        });
        expect(list[2]).toMatchObject({ delegation: 'Mexico', author: { id: 'u-carol', name: 'Carol', delegation: 'Mexico' }, paragraphId: null });
        expect(await store.negotiation.get('d1', 'p-z')).toBeNull();
      });

      it('numbers additions made at once on one paragraph 1, 2, 3… (bis, ter…), never twice the same', async () => {
        const made = await Promise.all([1, 2, 3, 4, 5].map((i) => store.negotiation.insert(proposal(`p-bis-${i}`, 'd2', { kind: 'add', paragraphId: 'op2', createdAt: at(60) }))));
        expect([...made].sort()).toEqual([1, 2, 3, 4, 5]);
        const stored = (await store.negotiation.list('d2')).filter((p) => p.id.startsWith('p-bis-'));
        expect(stored.map((p) => p.sequence).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.negotiation.insert(proposal('p-amend-op2', 'd2', { paragraphId: 'op2', createdAt: at(61) }))).toBe(1);
      });

      it('counts the proposals on a paragraph, or at the start of a section', async () => {
        expect(await store.negotiation.countOn('d2', 'amend', 'op1', 'operative')).toBe(1);
        expect(await store.negotiation.countOn('d2', 'add', 'op1', 'operative')).toBe(1);
        expect(await store.negotiation.countOn('d2', 'add', null, 'preamble')).toBe(1);
        expect(await store.negotiation.countOn('d2', 'add', null, 'operative')).toBe(0);
        expect(await store.negotiation.countOn('d2', 'delete', 'op1', 'operative')).toBe(0);
      });

      it('moves a proposal only from the statuses named', async () => {
        expect(await store.negotiation.setStatus('d2', 'p-z', 'bracketed', ['open'], 'u-bob', at(60))).toBe(true);
        expect(await store.negotiation.setStatus('d2', 'p-z', 'rejected', ['open'], 'u-alice', at(61))).toBe(false);
        expect(await store.negotiation.setStatus('d2', 'p-z', 'rejected', ['open', 'bracketed'], 'u-alice', at(62))).toBe(true);
        expect(await store.negotiation.setStatus('d1', 'p-m', 'rejected', ['open'], 'u-alice', at(62))).toBe(false);
        expect(await store.negotiation.get('d2', 'p-z')).toMatchObject({ status: 'rejected', decidedAt: at(62), decidedBy: { name: 'Alice', delegation: 'Mexico' } });
      });

      it("replaces a delegation's stance with its latest", async () => {
        await store.negotiation.setStance('p-m', 'del-mx', 'support', 'u-alice', at(70));
        await store.negotiation.setStance('p-m', 'del-cl', 'support', 'u-bob', at(71));
        expect(await store.negotiation.get('d2', 'p-m')).toMatchObject({ supporters: ['Mexico', 'Chile'], objectors: [] });
        await store.negotiation.setStance('p-m', 'del-mx', 'object', 'u-carol', at(72));
        expect(await store.negotiation.get('d2', 'p-m')).toMatchObject({ supporters: ['Chile'], objectors: ['Mexico'] });
        expect((await store.negotiation.list('d2')).find((p) => p.id === 'p-m')).toMatchObject({ supporters: ['Chile'], objectors: ['Mexico'] });
      });

      it('keeps one status per paragraph, the latest', async () => {
        expect(await store.negotiation.paragraphStatuses('d2')).toEqual(new Map());
        await store.negotiation.setParagraphStatus('d2', 'op1', 'agreed-ad-ref', 'u-alice', at(80));
        await store.negotiation.setParagraphStatus('d2', 'pp1', 'open', 'u-alice', at(80));
        await store.negotiation.setParagraphStatus('d2', 'op1', 'agreed', 'u-alice', at(81));
        expect(await store.negotiation.paragraphStatuses('d2')).toEqual(
          new Map([
            ['op1', 'agreed'],
            ['pp1', 'open'],
          ]),
        );
        expect(await store.negotiation.paragraphStatuses('d1')).toEqual(new Map());
      });
    });

    describe('live documents', () => {
      const state1 = bytes(1, 0, 255);
      const seqs: number[] = [];

      it('creates a live document once', async () => {
        expect(await store.live.read('d2')).toBeNull();
        expect(await store.live.updatesAfter('d2', 0)).toBeNull();
        expect(await store.live.create('d2', 'lineage-1', state1)).toBe(true);
        expect(await store.live.create('d2', 'lineage-2', bytes(9))).toBe(false);
        expect(await store.live.read('d2')).toEqual({ lineage: 'lineage-1', updates: [state1], seq: 0 });
        expect(await store.drafts.getForReader('d1', { userId: 'u-alice', delegationId: 'del-mx' })).toMatchObject({ lineage: null });
        expect(await store.drafts.getForReader('d2', { userId: 'u-alice', delegationId: 'del-mx' })).toMatchObject({ lineage: 'lineage-1', liveUpdatesPending: false });
        // A save of a draft with a live document says so: the save must reach the live text.
        const row = (await store.drafts.get('d2'))!;
        expect(await store.drafts.update({ ...row, title: 'Saved beside the live text', version: row.version + 1, updatedAt: at(85) }, row.version, 'u-alice')).toEqual({ liveDocument: true });
      });

      it('appends updates with increasing sequence numbers, and reads the state then them', async () => {
        seqs.push(await store.live.append('d2', bytes(11), 'u-bob'));
        seqs.push(await store.live.append('d2', bytes(12, 12), 'u-alice'));
        seqs.push(await store.live.append('d2', bytes(13, 13, 13), 'u-bob'));
        seqs.push(await store.live.append('d2', bytes(14), null));
        expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
        const read = await store.live.read('d2');
        expect(read).toEqual({ lineage: 'lineage-1', updates: [state1, bytes(11), bytes(12, 12), bytes(13, 13, 13), bytes(14)], seq: seqs[3] });
        expect(read!.updates[1]).toBeInstanceOf(Uint8Array);
        expect((await store.drafts.getForReader('d2', { userId: 'u-alice', delegationId: 'del-mx' }))?.liveUpdatesPending).toBe(true);
        expect(await store.live.editorsSinceCompaction('d2')).toEqual(['u-alice', 'u-bob']);
        expect(await store.live.size('d2')).toEqual({ stateBytes: 3, updates: 4, updateBytes: 7 });
        expect(await store.live.updatesAfter('d2', seqs[1]!)).toEqual({
          state: null,
          updates: [
            { seq: seqs[2], data: bytes(13, 13, 13) },
            { seq: seqs[3], data: bytes(14) },
          ],
        });
      });

      it('materialises through a sequence number: the state replaces the updates up to it, the draft row takes the live text', async () => {
        const row = (await store.drafts.get('d2'))!;
        const live = { ...row, title: 'Typed live', version: row.version + 1, updatedAt: at(90) };
        const state2 = bytes(2, 2);
        expect(await store.live.materialise('d2', state2, seqs[2]!, { draft: live, expectedVersion: row.version, savedBy: 'u-bob', note: 'Typed live by Alice, Bob' })).toBe(true);
        expect(await store.drafts.get('d2')).toEqual(live);
        expect((await store.drafts.listVersions('d2'))[0]).toMatchObject({ version: live.version, note: 'Typed live by Alice, Bob', savedBy: { id: 'u-bob' } });
        expect(await store.live.read('d2')).toEqual({ lineage: 'lineage-1', updates: [state2, bytes(14)], seq: seqs[3] });
        expect(await store.live.editorsSinceCompaction('d2')).toEqual([]);
        // An instance that had applied up to seqs[0] needs the state: updates up to seqs[2] are gone.
        expect(await store.live.updatesAfter('d2', seqs[0]!)).toEqual({ state: state2, updates: [{ seq: seqs[3], data: bytes(14) }] });
        expect(await store.live.updatesAfter('d2', seqs[2]!)).toEqual({ state: null, updates: [{ seq: seqs[3], data: bytes(14) }] });
        expect(await store.live.updatesAfter('d2', seqs[3]!)).toEqual({ state: null, updates: [] });
      });

      it('refuses to materialise from a stale version, writing nothing', async () => {
        const row = (await store.drafts.get('d2'))!;
        const stale = { ...row, title: 'Stale live text', version: row.version, updatedAt: at(91) };
        expect(await store.live.materialise('d2', bytes(3), seqs[3]!, { draft: stale, expectedVersion: row.version - 1, savedBy: 'u-bob', note: null })).toBe(false);
        expect(await store.drafts.get('d2')).toEqual(row);
        expect(await store.live.read('d2')).toEqual({ lineage: 'lineage-1', updates: [bytes(2, 2), bytes(14)], seq: seqs[3] });
        expect(await store.drafts.listVersions('d2')).toHaveLength(row.version);
      });

      it('compacts without touching the row when the live text agrees with it', async () => {
        const row = (await store.drafts.get('d2'))!;
        expect(await store.live.materialise('d2', bytes(4, 4, 4, 4), seqs[3]!, { draft: null, expectedVersion: row.version, savedBy: null, note: null })).toBe(true);
        expect(await store.drafts.get('d2')).toEqual(row);
        expect(await store.live.read('d2')).toEqual({ lineage: 'lineage-1', updates: [bytes(4, 4, 4, 4)], seq: seqs[3] });
        expect((await store.drafts.getForReader('d2', { userId: 'u-alice', delegationId: 'del-mx' }))?.liveUpdatesPending).toBe(false);
        expect(await store.live.size('d2')).toEqual({ stateBytes: 4, updates: 0, updateBytes: 0 });
        const next = await store.live.append('d2', bytes(15), 'u-alice');
        expect(next).toBeGreaterThan(seqs[3]!);
        expect((await store.live.read('d2'))?.seq).toBe(next);
      });

      it('goes with its draft', async () => {
        expect(await store.drafts.delete('d2')).toBe(true);
        expect(await store.live.read('d2')).toBeNull();
        expect(await store.live.updatesAfter('d2', 0)).toBeNull();
        expect(await store.negotiation.list('d2')).toEqual([]);
      });
    });
  });
}

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`[tests] ${unavailable}: the PostgreSQL store's contract is skipped.`);

describe.skipIf(unavailable !== null)('PostgreSQL', () => {
  let cluster: TestPostgres | null = null;
  beforeAll(async () => {
    cluster = await startPostgres();
    if (!cluster) throw new Error('PostgreSQL binaries are here but the cluster did not start (see the warning above)');
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  storeContract('PostgreSQL', async () => openPostgresStore(await freshDatabase(cluster!.url)));

  describe('two instances on one database', () => {
    let url: string;
    let a: Store;
    let b: Store;
    beforeAll(async () => {
      url = await freshDatabase(cluster!.url);
      // Started at once: one migrates, the other waits for it and finds the schema there.
      [a, b] = await Promise.all([openPostgresStore(url, { instanceId: 'instance-a', poolSize: 4 }), openPostgresStore(url, { instanceId: 'instance-b', poolSize: 4 })]);
      await a.accounts.insertUser(userRow('u-alice', 'alice@example.org', 'Alice'), 'Mexico', 'del-mx');
      await a.drafts.insert(draft('d1', at(10)), { userId: 'u-alice', delegationId: 'del-mx' });
      await a.live.create('d1', 'lineage', bytes(0));
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('migrated once', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await client.end();
      }
      const again = await openPostgresStore(url);
      expect(await again.accounts.countUsers()).toBe(1);
      await again.close();
    });

    it('share sessions: one signed in through A is found through B', async () => {
      await a.accounts.insertSession({ tokenHash: 'shared', userId: 'u-alice', createdAt: at(1), lastSeenAt: at(1), expiresAt: at(100) });
      expect((await b.accounts.findSessionUser('shared'))?.user.id).toBe('u-alice');
      await b.accounts.deleteSession('shared');
      expect(await a.accounts.findSessionUser('shared')).toBeNull();
    });

    it("hear each other's live updates, never their own", async () => {
      const heardByB: [string, number][] = [];
      const heardByA: [string, number][] = [];
      const stopB = b.live.onRemoteUpdate((draftId, seq) => heardByB.push([draftId, seq]));
      const stopA = a.live.onRemoteUpdate((draftId, seq) => heardByA.push([draftId, seq]));
      // LISTEN starts when the first listener subscribes: append until B hears one.
      const fromA: number[] = [];
      await until(async () => {
        fromA.push(await a.live.append('d1', bytes(1), 'u-alice'));
        return heardByB.length > 0;
      });
      await until(async () => {
        await b.live.append('d1', bytes(3), 'u-alice');
        return heardByA.length > 0;
      });
      const ownOfB = await b.live.append('d1', bytes(2), 'u-alice');
      const lastOfA = await a.live.append('d1', bytes(1), 'u-alice');
      fromA.push(lastOfA);
      await until(() => heardByB.some(([, seq]) => seq === lastOfA));
      expect(heardByB.every(([draftId, seq]) => draftId === 'd1' && fromA.includes(seq))).toBe(true);
      expect(heardByB.some(([, seq]) => seq === ownOfB)).toBe(false);
      await until(() => heardByA.some(([, seq]) => seq === ownOfB));
      expect(heardByA.some(([, seq]) => fromA.includes(seq))).toBe(false);
      stopA();
      stopB();
      const count = heardByB.length;
      await a.live.append('d1', bytes(1), 'u-alice');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heardByB).toHaveLength(count);
    });

    it('hear each other again after the listening connection drops', async () => {
      const heard: number[] = [];
      const stop = b.live.onRemoteUpdate((_draftId, seq) => heard.push(seq));
      await until(async () => {
        await a.live.append('d1', bytes(5), null);
        return heard.length > 0;
      });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ n: number }>(
          "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'precedent-listener' AND datname = current_database()",
        );
        expect(rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      const since = heard.length;
      const after: number[] = [];
      await until(async () => {
        after.push(await a.live.append('d1', bytes(6), null));
        return heard.slice(since).some((seq) => after.includes(seq));
      }, 10_000);
      stop();
    });

    it('append at once to one draft: distinct sequence numbers, every update read back in their order', async () => {
      await a.live.materialise('d1', bytes(0), (await a.live.read('d1'))!.seq, { draft: null, expectedVersion: 1, savedBy: null, note: null });
      const appended = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).live.append('d1', bytes(i), null)));
      expect(new Set(appended).size).toBe(40);
      const read = (await b.live.read('d1'))!;
      expect(read.updates).toHaveLength(41);
      const bySeq = appended.map((seq, i) => [seq, i] as const).sort((x, y) => x[0] - y[0]);
      expect(read.updates.slice(1)).toEqual(bySeq.map(([, i]) => bytes(i)));
      expect(read.seq).toBe(bySeq.at(-1)![0]);
    });

    it('never compact backwards: a state through an older seq than the stored one is refused', async () => {
      const before = (await a.live.read('d1'))!;
      const version = (await a.drafts.get('d1'))!.version;
      const late = await b.live.append('d1', bytes(77), null);
      expect(await a.live.materialise('d1', bytes(9, 9), late, { draft: null, expectedVersion: version, savedBy: null, note: null })).toBe(true);
      // B compacted through an older seq, unaware of A's compaction: its state lacks updates A's holds.
      expect(await b.live.materialise('d1', bytes(8), before.seq, { draft: null, expectedVersion: version, savedBy: null, note: null })).toBe(false);
      expect(await b.live.read('d1')).toEqual({ lineage: 'lineage', updates: [bytes(9, 9)], seq: late });
      expect(await b.live.updatesAfter('d1', before.seq)).toEqual({ state: bytes(9, 9), updates: [] });
    });

    it('gives drafts made before accounts to a delegation, each with a first version', async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(
          `INSERT INTO drafts (id, title, language, body, version, paragraphs, created_at, updated_at) VALUES ('old', 'Old', 'fr', '', 3, $1, $2, $2)`,
          [JSON.stringify(PARAGRAPHS), at(5)],
        );
      } finally {
        await admin.end();
      }
      expect(await b.drafts.adoptOwnerless('del-mx')).toBe(1);
      expect(await b.drafts.getForReader('old', { userId: 'u-alice', delegationId: 'del-mx' })).toMatchObject({ ownerDelegationId: 'del-mx', draft: { version: 3, paragraphs: PARAGRAPHS } });
      expect(await a.drafts.listVersions('old')).toEqual([{ version: 3, savedAt: at(5), savedBy: null, note: null, name: null }]);
      expect(await a.drafts.adoptOwnerless('del-mx')).toBe(0);
    });

    it('tell health when the drafts cannot be read', async () => {
      const closed = await openPostgresStore(url);
      await closed.drafts.check();
      await closed.close();
      await expect(closed.drafts.check()).rejects.toThrow();
    });

    it("number an update only once the draft's earlier appends have committed", async () => {
      // Another append to d1 in flight: it holds the draft's lock and has taken its number.
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [APPEND_LOCK, 'd1']);
        const pending = a.live.append('d1', bytes(42), null);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { rows } = await other.query<{ seq: string }>("SELECT nextval('live_updates_seq_seq') AS seq");
        await other.query('COMMIT');
        // Numbered after the lock: a reader that saw it could not have missed the one in flight.
        expect(await pending).toBeGreaterThan(Number(rows[0]!.seq));
      } finally {
        await other.end();
      }
    });

    it('race to save the same version: exactly one wins', async () => {
      const row = (await a.drafts.get('d1'))!;
      const results = await Promise.all([
        a.drafts.update({ ...row, title: 'From A', version: row.version + 1, updatedAt: at(20) }, row.version, 'u-alice'),
        b.drafts.update({ ...row, title: 'From B', version: row.version + 1, updatedAt: at(20) }, row.version, 'u-alice'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await b.drafts.get('d1'))?.title).toBe(results[0] ? 'From A' : 'From B');
      expect(await a.drafts.listVersions('d1')).toHaveLength(2);
    });

    it('race to create the same delegation: both users land in the one that won', async () => {
      const results = await Promise.all([
        a.accounts.insertUser(userRow('u-a', 'a@example.org', 'A'), 'Peru', 'del-pe-a'),
        b.accounts.insertUser(userRow('u-b', 'b@example.org', 'B'), 'PERU', 'del-pe-b'),
      ]);
      expect(results).toEqual([true, true]);
      const [ua, ub] = await Promise.all([a.accounts.findUserById('u-a'), b.accounts.findUserById('u-b')]);
      expect(ua?.delegation.id).toBe(ub?.delegation.id);
      expect((await a.accounts.listDelegations()).filter((d) => d.name.toLowerCase() === 'peru')).toEqual([{ id: ua!.delegation.id, name: ua!.delegation.name, members: 2 }]);
    });

    it('race to sign up with the same e-mail: one user, one delegation', async () => {
      const results = await Promise.all([
        a.accounts.insertUser(userRow('u-x1', 'x@example.org', 'X1'), 'Fiji', 'del-fj'),
        b.accounts.insertUser(userRow('u-x2', 'X@example.org', 'X2'), 'Tonga', 'del-to'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const names = (await a.accounts.listDelegations()).map((d) => d.name);
      expect(names.filter((n) => n === 'Fiji' || n === 'Tonga')).toHaveLength(1);
    });
  });
});

describe('SQLite', () => {
  storeContract('SQLite', async () => openSqliteStore(openDb(':memory:')));
});
