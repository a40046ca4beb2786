// The rows both stores read, and what they become: SQLite (sqlite/) and
// PostgreSQL (postgres/) keep accounts, drafts, versions, shares and proposals
// in the same columns, and select them with the same joins (no placeholders
// here: each dialect adds its own WHERE). A column a dialect returns in its own
// type (SQLite's 0/1 for a boolean) is read here once.
import type { UserWithPassword, User } from '../accounts/model.js';
import type { DraftSection } from '../../core/limits.js';
import type { Draft, DraftParagraph, DraftShare, DraftVersionContent, DraftVersionInfo, ShareAccess } from '../drafts/model.js';
import type { Evidence, ProposalKind, ProposalRecord, ProposalStatus } from '../negotiation/model.js';

// --- Users ----------------------------------------------------------------

export interface UserRow {
  id: string;
  email: string;
  name: string;
  delegation_id: string;
  delegation_name: string;
  /** SQLite: 0 or 1; PostgreSQL: a boolean. */
  admin: number | boolean;
  password_hash: string;
  created_at: string;
}

export const USER_COLUMNS = `u.id, u.email, u.name, u.delegation_id, d.name AS delegation_name, u.admin, u.password_hash, u.created_at`;
export const USER_FROM = `users u JOIN delegations d ON d.id = u.delegation_id`;

export function toUser(row: UserRow): UserWithPassword {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    delegation: { id: row.delegation_id, name: row.delegation_name },
    admin: row.admin === true || row.admin === 1,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
  };
}

export const withoutPassword = ({ passwordHash: _hash, ...user }: UserWithPassword): User => user;

// --- Drafts and their versions -------------------------------------------

export interface DraftRow {
  id: string;
  title: string;
  language: string;
  body: string;
  base_document_id: string | null;
  version: number;
  paragraphs: string;
  created_at: string;
  updated_at: string;
  owner_delegation_id: string | null;
}

/** A draft's fields but its paragraphs, from the columns of its row. */
export function toDraftHead(row: Omit<DraftRow, 'paragraphs'>): Omit<Draft, 'paragraphs'> {
  return {
    id: row.id,
    title: row.title,
    language: row.language as Draft['language'],
    body: row.body,
    baseDocumentId: row.base_document_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const toDraft = (row: DraftRow): Draft => ({ ...toDraftHead(row), paragraphs: JSON.parse(row.paragraphs) as DraftParagraph[] });

/** How many paragraphs a section has: kept beside the JSON, so the drafts list needs no parsing. */
export const inSection = (draft: Draft, section: DraftParagraph['section']) => draft.paragraphs.filter((p) => p.section === section).length;

/** What a kept version holds of a draft. */
export const versionContent = (draft: Draft): DraftVersionContent => ({
  title: draft.title,
  body: draft.body,
  baseDocumentId: draft.baseDocumentId,
  paragraphs: draft.paragraphs,
});

export interface VersionRow {
  version: number;
  saved_at: string;
  user_id: string | null;
  user_name: string | null;
  delegation_name: string | null;
  note: string | null;
  name: string | null;
}

export const VERSION_SELECT = `SELECT v.version, v.saved_at, v.note, v.name, u.id AS user_id, u.name AS user_name, d.name AS delegation_name
  FROM draft_versions v LEFT JOIN users u ON u.id = v.saved_by LEFT JOIN delegations d ON d.id = u.delegation_id`;
export const VERSION_WITH_CONTENT = VERSION_SELECT.replace('SELECT ', 'SELECT v.content, ');

export const toVersionInfo = (row: VersionRow): DraftVersionInfo => ({
  version: row.version,
  savedAt: row.saved_at,
  savedBy: row.user_id ? { id: row.user_id, name: row.user_name!, delegation: row.delegation_name! } : null,
  note: row.note,
  name: row.name,
});

export const withContent = (row: VersionRow & { content: string }) => ({ ...toVersionInfo(row), content: JSON.parse(row.content) as DraftVersionContent });

// --- Shares -----------------------------------------------------------------

export interface ShareRow {
  id: string;
  access: ShareAccess;
  created_at: string;
  delegation_id: string | null;
  delegation_name: string | null;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  by_name: string;
  by_delegation: string;
}

export const SHARE_SELECT = `SELECT s.id, s.access, s.created_at, s.delegation_id, g.name AS delegation_name,
    s.user_id, u.name AS user_name, u.email AS user_email, b.name AS by_name, bg.name AS by_delegation
  FROM draft_shares s
  LEFT JOIN delegations g ON g.id = s.delegation_id
  LEFT JOIN users u ON u.id = s.user_id
  JOIN users b ON b.id = s.shared_by JOIN delegations bg ON bg.id = b.delegation_id`;

export const toShare = (row: ShareRow): DraftShare => ({
  id: row.id,
  access: row.access,
  with: row.delegation_id
    ? { kind: 'delegation', id: row.delegation_id, name: row.delegation_name! }
    : { kind: 'user', id: row.user_id!, name: row.user_name!, email: row.user_email! },
  sharedBy: { name: row.by_name, delegation: row.by_delegation },
  createdAt: row.created_at,
});

// --- Proposals ----------------------------------------------------------------

export interface ProposalRow {
  id: string;
  draft_id: string;
  kind: ProposalKind;
  paragraph_id: string | null;
  section: DraftSection;
  text: string | null;
  note: string | null;
  basis: string | null;
  anchor_label: string | null;
  sequence: number;
  delegation_id: string;
  delegation_name: string;
  author_id: string;
  author_name: string;
  status: ProposalStatus;
  evidence: string;
  created_at: string;
  decided_at: string | null;
  decider_name: string | null;
  decider_delegation: string | null;
}

/** The columns of a proposal and the names it joins in: the author's delegation and the decider. */
export const PROPOSAL_COLUMNS = `p.id, p.draft_id, p.kind, p.paragraph_id, p.section, p.text, p.note, p.basis, p.anchor_label, p.sequence,
    p.delegation_id, p.author_id, p.status, p.evidence, p.created_at, p.decided_at,
    g.name AS delegation_name, a.name AS author_name, du.name AS decider_name, dg.name AS decider_delegation`;
export const PROPOSAL_FROM = `proposals p JOIN delegations g ON g.id = p.delegation_id JOIN users a ON a.id = p.author_id
  LEFT JOIN users du ON du.id = p.decided_by LEFT JOIN delegations dg ON dg.id = du.delegation_id`;

/** A proposal from its row and the delegations that support and object to it, in the order they took their stance. */
export function toProposal(row: ProposalRow, stances: { supporters: string[]; objectors: string[] }): ProposalRecord {
  return {
    id: row.id,
    draftId: row.draft_id,
    kind: row.kind,
    paragraphId: row.paragraph_id,
    section: row.section,
    text: row.text,
    note: row.note,
    basis: row.basis,
    anchorLabel: row.anchor_label,
    sequence: row.sequence,
    delegationId: row.delegation_id,
    delegation: row.delegation_name,
    author: { id: row.author_id, name: row.author_name, delegation: row.delegation_name },
    status: row.status,
    evidence: JSON.parse(row.evidence) as Evidence,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.decider_name ? { name: row.decider_name, delegation: row.decider_delegation! } : null,
    supporters: stances.supporters,
    objectors: stances.objectors,
  };
}
