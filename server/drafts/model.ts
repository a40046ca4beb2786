// The drafts domain: what a draft is, as the store keeps it, the rules shape it
// and the API sends it (the web app receives these shapes through web/api.ts).
// A draft is a resolution under construction: ordered preambular and operative
// paragraphs, each remembering the precedent it came from. Type-only.
import type { Language } from '../../core/model.js';
import type { ParagraphSource } from '../../core/citation.js';

/** Where a paragraph's language comes from: a corpus paragraph, its citation and text (core/citation.ts). */
export type DraftSource = ParagraphSource;

/** One paragraph of a draft (core/model.ts: the browser and the live document share it). */
export type { DraftParagraph } from '../../core/model.js';
import type { DraftParagraph } from '../../core/model.js';

export interface Draft {
  id: string;
  title: string;
  language: Language;
  /** The adopting body the draft is for ("General Assembly"), free text. */
  body: string;
  baseDocumentId: string | null;
  /** Bumped by every write; a write naming an older version is refused (409). */
  version: number;
  paragraphs: DraftParagraph[];
  createdAt: string;
  updatedAt: string;
}

/**
 * What a user may do with a draft: `owner` (a member of the delegation that
 * owns it, the pen-holder: edit, share, delete, decide on proposals), `edit`,
 * `propose` (make, support and object to proposals, not change the text) or
 * `read` (through a share).
 */
export type DraftAccess = 'owner' | 'edit' | 'propose' | 'read';
export type ShareAccess = 'read' | 'propose' | 'edit';

/** A draft as one user sees it: with what they may do. */
export interface DraftView extends Draft {
  access: DraftAccess;
}

/** A draft without its paragraphs, with how many it has in each part: what the drafts list reads. */
export interface DraftHeader extends Omit<Draft, 'paragraphs'> {
  counts: { preamble: number; operative: number };
}

export interface DraftSummary extends DraftHeader {
  /** The base document as a delegate names it (its symbol, else its title); null without a base. */
  baseName: string | null;
  access: DraftAccess;
  /** The delegation that owns the draft. */
  owner: string | null;
  /** Who shared it with this user (or their delegation); null for their delegation's own drafts. */
  sharedBy: { name: string; delegation: string } | null;
}

export interface DraftShare {
  id: string;
  access: ShareAccess;
  with: { kind: 'delegation'; id: string; name: string } | { kind: 'user'; id: string; name: string; email: string };
  sharedBy: { name: string; delegation: string };
  createdAt: string;
}

/** What a save kept of a draft: enough to show it, compare it and restore it. */
export interface DraftVersionContent {
  title: string;
  body: string;
  baseDocumentId: string | null;
  paragraphs: DraftParagraph[];
}

export interface DraftVersionInfo {
  version: number;
  savedAt: string;
  /** Null for versions saved before accounts existed. */
  savedBy: { id: string; name: string; delegation: string } | null;
  /** Why the save was made, when it was not typing: "Accepted the proposal of Mexico: OP 2 bis". */
  note: string | null;
  /** The revision this version is, when one was named ("Rev.1"). */
  name: string | null;
}

/** What a new draft is made from; the rules fill in the rest. */
export interface NewDraft {
  title: string;
  language: Language;
  body?: string;
  baseDocumentId?: string | null;
  paragraphs?: DraftParagraph[];
}

/** A save: the fields it names replace the stored ones. */
export interface DraftPatch {
  title?: string;
  body?: string;
  paragraphs?: DraftParagraph[];
  baseDocumentId?: string | null;
}
