// The negotiation domain: proposals on a draft, the stances other delegations
// take on them, the evidence of agreed language each carries, and the
// negotiation status of each paragraph. Type-only.
import type { DraftSection } from '../../core/limits.js';

export const PROPOSAL_KINDS = ['amend', 'add', 'delete', 'alt'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** open and bracketed proposals are still before the room; the others are closed. */
export const PROPOSAL_STATUSES = ['open', 'bracketed', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PARAGRAPH_STATUSES = ['open', 'agreed-ad-ref', 'agreed'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/** A paragraph of adopted text close to a proposal's: the argument that works in the room. */
export interface Precedent {
  paragraphId: string;
  documentId: string;
  /** "A/RES/78/229, OP 8" */
  citation: string;
  /** 0..1, as the suggest engine measures it. */
  similarity: number;
  text: string;
}

/** How much of a text is adopted language: its closest precedents and the spans no precedent covers. */
export interface Evidence {
  precedents: Precedent[];
  /** [start, end) of each stretch of new language in the text (UTF-16 offsets). */
  newLanguage: [number, number][];
  /** 0..1: the share of the text's letters and digits that adopted precedents cover. */
  agreedShare: number;
}

/** A proposal as the store keeps it. */
export interface ProposalRecord {
  id: string;
  draftId: string;
  kind: ProposalKind;
  /** The paragraph amended, deleted or replaced; for `add`, the one it follows (null: the start of its section). */
  paragraphId: string | null;
  section: DraftSection;
  /** The proposed text (amend, add, alt); null for delete. */
  text: string | null;
  note: string | null;
  /** The target paragraph's text when the proposal was made. */
  basis: string | null;
  /** The target's (or anchor's) label when the proposal was made: used when it has left the text. */
  anchorLabel: string | null;
  /** Among the adds after one paragraph (1 = bis, 2 = ter …) or the alternatives to one (1 = alt, 2 = alt 2 …). */
  sequence: number;
  delegationId: string;
  delegation: string;
  author: { id: string; name: string; delegation: string };
  status: ProposalStatus;
  evidence: Evidence;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: { name: string; delegation: string } | null;
  supporters: string[];
  objectors: string[];
}

export interface ProposalInput {
  kind: ProposalKind;
  paragraphId?: string;
  after?: string;
  section?: DraftSection;
  text?: string;
  note?: string;
}

export type Stance = 'support' | 'object';
export type Decision = 'accept' | 'reject' | 'bracket';
