// A database made before proposals existed opens as it was, and takes the new
// access level: its shares (whose CHECK refused 'propose') are kept, and its
// versions gain a note.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/service.js';
import { openDb } from '../../server/store/db.js';
import { listShares, upsertShare } from '../../server/store/draft-sharing.js';
import { insertDraft, listVersions } from '../../server/store/drafts.js';

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
    const owner = await createUser(db, { email: 'owner@norway.example', name: 'Owner', password: 'a long enough password', delegation: 'Norway' }, null);
    const other = await createUser(db, { email: 'member@mexico.example', name: 'Member', password: 'a long enough password', delegation: 'Mexico' }, null);
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
