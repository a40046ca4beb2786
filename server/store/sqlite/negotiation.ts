// Proposals, stances and paragraph statuses in SQLite: the only SQL that
// touches the proposals, proposal_stances and paragraph_statuses tables. A
// proposal's evidence is stored with it (JSON), as computed when it was made.
// Rows in, rows out: the rules (numbering, who may do what) live in
// server/negotiation/.
import type { DraftSection } from '../../../core/limits.js';
import type { ParagraphStatus, ProposalKind, ProposalRecord, ProposalStatus, Stance } from '../../negotiation/model.js';
import type { Db } from '../db.js';
import { prepared } from './prepared.js';
import { PROPOSAL_COLUMNS, PROPOSAL_FROM, toProposal, type ProposalRow } from '../rows.js';
import type { NewProposal } from '../store.js';

export const NEGOTIATION_SCHEMA = `
CREATE TABLE IF NOT EXISTS proposals (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('amend', 'add', 'delete', 'alt')),
  paragraph_id TEXT,
  section TEXT NOT NULL CHECK (section IN ('preamble', 'operative')),
  text TEXT,
  note TEXT,
  basis TEXT,
  anchor_label TEXT,
  sequence INTEGER NOT NULL,
  delegation_id TEXT NOT NULL REFERENCES delegations(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'bracketed', 'accepted', 'rejected', 'withdrawn')),
  evidence TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT REFERENCES users(id)
);
CREATE INDEX IF NOT EXISTS proposals_by_draft ON proposals(draft_id, created_at);
CREATE TABLE IF NOT EXISTS proposal_stances (
  proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  delegation_id TEXT NOT NULL REFERENCES delegations(id),
  stance TEXT NOT NULL CHECK (stance IN ('support', 'object')),
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, delegation_id)
);
CREATE TABLE IF NOT EXISTS paragraph_statuses (
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  paragraph_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'agreed-ad-ref', 'agreed')),
  set_by TEXT REFERENCES users(id),
  set_at TEXT NOT NULL,
  PRIMARY KEY (draft_id, paragraph_id)
);
`;

function stancesOf(db: Db, proposalId: string, stance: Stance): string[] {
  return (
    prepared(db, 'SELECT g.name FROM proposal_stances s JOIN delegations g ON g.id = s.delegation_id WHERE s.proposal_id = ? AND s.stance = ? ORDER BY s.at, g.name')
      .all(proposalId, stance) as { name: string }[]
  ).map((r) => r.name);
}

function toRecord(db: Db, row: ProposalRow): ProposalRecord {
  return toProposal(row, { supporters: stancesOf(db, row.id, 'support'), objectors: stancesOf(db, row.id, 'object') });
}
export function listProposals(db: Db, draftId: string): ProposalRecord[] {
  return (prepared(db, `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_FROM} WHERE p.draft_id = ? ORDER BY p.created_at, p.rowid`).all(draftId) as ProposalRow[]).map((r) => toRecord(db, r));
}

export function getProposal(db: Db, draftId: string, id: string): ProposalRecord | null {
  const row = prepared(db, `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_FROM} WHERE p.draft_id = ? AND p.id = ?`).get(draftId, id) as ProposalRow | undefined;
  return row ? toRecord(db, row) : null;
}

/** How many proposals of `kind` name this paragraph (any status): the next one's bis/ter or alt number follows them. */
export function countProposalsOn(db: Db, draftId: string, kind: ProposalKind, paragraphId: string | null, section: DraftSection): number {
  const row = prepared(db, 'SELECT COUNT(*) AS n FROM proposals WHERE draft_id = ? AND kind = ? AND paragraph_id IS ? AND (paragraph_id IS NOT NULL OR section = ?)')
    .get(draftId, kind, paragraphId, section) as { n: number };
  return row.n;
}

export function insertProposal(db: Db, p: NewProposal): number {
  return db.transaction(() => {
    const sequence = p.kind === 'add' || p.kind === 'alt' ? countProposalsOn(db, p.draftId, p.kind, p.paragraphId, p.section) + 1 : 1;
    prepared(db,
      `INSERT INTO proposals (id, draft_id, kind, paragraph_id, section, text, note, basis, anchor_label, sequence, delegation_id, author_id, status, evidence, created_at)
       VALUES (@id, @draftId, @kind, @paragraphId, @section, @text, @note, @basis, @anchorLabel, @sequence, @delegationId, @authorId, 'open', @evidence, @createdAt)`,
    ).run({ ...p, sequence, evidence: JSON.stringify(p.evidence) });
    return sequence;
  })();
}

/** Moves a proposal to `status` only from one of `from` (a decision raced by another is refused); false otherwise. */
export function setProposalStatus(db: Db, draftId: string, id: string, status: ProposalStatus, from: readonly ProposalStatus[], by: string, at: string): boolean {
  const placeholders = from.map(() => '?').join(', ');
  return (
    prepared(db, `UPDATE proposals SET status = ?, decided_by = ?, decided_at = ? WHERE draft_id = ? AND id = ? AND status IN (${placeholders})`).run(status, by, at, draftId, id, ...from)
      .changes > 0
  );
}

/** A delegation supports or objects to a proposal (the latest stance replaces an earlier one). */
export function setStance(db: Db, proposalId: string, delegationId: string, stance: Stance, userId: string, at: string): void {
  prepared(db,
    `INSERT INTO proposal_stances (proposal_id, delegation_id, stance, user_id, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (proposal_id, delegation_id) DO UPDATE SET stance = excluded.stance, user_id = excluded.user_id, at = excluded.at`,
  ).run(proposalId, delegationId, stance, userId, at);
}

export function paragraphStatuses(db: Db, draftId: string): Map<string, ParagraphStatus> {
  const rows = prepared(db, 'SELECT paragraph_id, status FROM paragraph_statuses WHERE draft_id = ?').all(draftId) as { paragraph_id: string; status: ParagraphStatus }[];
  return new Map(rows.map((r) => [r.paragraph_id, r.status]));
}

export function setParagraphStatus(db: Db, draftId: string, paragraphId: string, status: ParagraphStatus, by: string, at: string): void {
  prepared(db,
    `INSERT INTO paragraph_statuses (draft_id, paragraph_id, status, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (draft_id, paragraph_id) DO UPDATE SET status = excluded.status, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(draftId, paragraphId, status, by, at);
}
