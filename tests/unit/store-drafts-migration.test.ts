// Older databases open as they were and take what is new: one made before
// proposals keeps its shares (whose CHECK refused 'propose') and its versions
// gain a note; one made before the drafts list read counts has them counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/service.js';
import { openDb } from '../../server/store/db.js';
import { openSqliteStore } from '../../server/store/sqlite/index.js';
import { listShares, upsertShare } from '../../server/store/sqlite/draft-sharing.js';
import { insertDraft, listVersions, listVisibleDrafts, updateDraft } from '../../server/store/sqlite/drafts.js';

const dir = mkdtempSync(join(tmpdir(), 'precedent-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD_SHARES = `CREATE TABLE draft_shares (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  delegation_id TEXT REFERENCES delegations(id),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  access TEXT NOT NULL CHECK (access IN ('read', 'edit')),
  shared_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((delegation_id IS NULL) <> (user_id IS NULL))
)`;

describe('a database from before proposals', () => {
  it('keeps its shares and versions, and accepts propose shares and version notes', async () => {
    const file = join(dir, 'old.db');
    let db = openDb(file);
    const owner = await createUser(openSqliteStore(db), { email: 'owner@norway.example', name: 'Owner', password: 'a long enough password', delegation: 'Norway' }, null);
    const other = await createUser(openSqliteStore(db), { email: 'member@mexico.example', name: 'Member', password: 'a long enough password', delegation: 'Mexico' }, null);
    const now = new Date().toISOString();
    insertDraft(db, { id: 'd1', title: 'Old', language: 'en', body: 'General Assembly', baseDocumentId: null, version: 1, paragraphs: [], createdAt: now, updatedAt: now }, { userId: owner.id, delegationId: owner.delegation.id });
    // As the database was: the old shares table, versions without notes.
    db.pragma('foreign_keys = OFF');
    db.exec(`DROP TABLE draft_shares; ${OLD_SHARES}; ALTER TABLE draft_versions DROP COLUMN note`);
    db.prepare("INSERT INTO draft_shares VALUES ('s1', 'd1', ?, NULL, 'read', ?, ?)").run(other.delegation.id, owner.id, now);
    db.close();

    db = openDb(file);
    expect(listShares(db, 'd1').map((s) => [s.id, s.access])).toEqual([['s1', 'read']]);
    upsertShare(db, { id: 's2', draftId: 'd1', delegationId: other.delegation.id, userId: null, access: 'propose', sharedBy: owner.id, createdAt: now });
    expect(listShares(db, 'd1').map((s) => [s.id, s.access])).toEqual([['s1', 'propose']]);
    expect(listVersions(db, 'd1')).toEqual([expect.objectContaining({ version: 1, note: null })]);
    db.close();
  });
});

describe('a database from before the drafts list read counts', () => {
  it('counts each draft once when it opens, a damaged one as empty, and keeps the counts with every save', async () => {
    const file = join(dir, 'counts.db');
    let db = openDb(file);
    const owner = await createUser(openSqliteStore(db), { email: 'owner@chile.example', name: 'Owner', password: 'a long enough password', delegation: 'Chile' }, null);
    const who = { userId: owner.id, delegationId: owner.delegation.id };
    const now = new Date().toISOString();
    const paragraphs = [
      { id: 'a', section: 'preamble' as const, text: 'Recalling,' },
      { id: 'b', section: 'operative' as const, text: 'Decides;' },
      { id: 'c', section: 'operative' as const, text: 'Requests.' },
    ];
    const draft = { id: 'd1', title: 'Counted', language: 'en' as const, body: 'General Assembly', baseDocumentId: null, version: 1, paragraphs, createdAt: now, updatedAt: now };
    insertDraft(db, draft, who);
    insertDraft(db, { ...draft, id: 'd2', title: 'Damaged', paragraphs: [] }, who);
    // As the database was: no count columns, and one draft whose JSON was damaged.
    db.exec("ALTER TABLE drafts DROP COLUMN preamble_count; ALTER TABLE drafts DROP COLUMN operative_count; UPDATE drafts SET paragraphs = '[{\"sect' WHERE id = 'd2'");
    db.close();

    db = openDb(file);
    const counts = () => Object.fromEntries(listVisibleDrafts(db, owner.id, owner.delegation.id, { limit: 10, offset: 0 }).drafts.map((d) => [d.id, d.counts]));
    expect(counts()).toEqual({ d1: { preamble: 1, operative: 2 }, d2: { preamble: 0, operative: 0 } });
    expect(updateDraft(db, { ...draft, version: 2, paragraphs: paragraphs.slice(0, 2) }, 1, owner.id)).toEqual({ liveDocument: false });
    expect(counts().d1).toEqual({ preamble: 1, operative: 1 });
    db.close();
  });
});
