// The rules of a draft, as pure functions of data: ids, the order of its parts,
// a new draft's defaults, what a save changes, a copy, a summary, and the
// paragraphs a rollover of a corpus document starts with (with provenance).
// A save that changes a paragraph's text and keeps its footnotes re-anchors
// them (core/footnotes.ts), whichever client sent it.
// The limits themselves live in core/limits.ts (the editor checks them too).
import { randomUUID } from 'node:crypto';
import { paragraphSource, preambleFirst } from '../../core/citation.js';
import { reanchorFootnotes, sameFootnotes } from '../../core/footnotes.js';
import { DRAFT_LIMITS, type DraftSection } from '../../core/limits.js';
import type { DocumentRecord, ParagraphRecord } from '../../core/model.js';
import type { Draft, DraftParagraph, DraftPatch, NewDraft } from './model.js';

export const UNTITLED = 'Untitled draft';
export const DEFAULT_BODY = 'General Assembly';

const newId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
export const newDraftId = () => newId('d');
export const newParagraphId = () => newId('p');

/** Preamble before operative part (stable), each paragraph with a unique id (the client's where unique). */
export function withIds(paragraphs: readonly DraftParagraph[]): DraftParagraph[] {
  const seen = new Set<string>();
  return preambleFirst(paragraphs).map((p) => {
    let id = p.id;
    if (!id || seen.has(id)) id = newParagraphId();
    seen.add(id);
    return { ...p, id };
  });
}

/** A whole draft at version 1, created `now` (ISO). */
export function newDraft(input: NewDraft, now: string): Draft {
  return {
    id: newDraftId(),
    title: input.title,
    language: input.language,
    body: input.body ?? '',
    baseDocumentId: input.baseDocumentId ?? null,
    version: 1,
    paragraphs: withIds(input.paragraphs ?? []),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The saved paragraphs' footnotes, anchored to their new text. A paragraph
 * whose text changed while its footnotes came back as stored (or were left
 * out) has them re-anchored by diffing the stored text with the new one;
 * footnotes the client changed itself (moved, edited, deleted) are its own.
 */
export function anchorFootnotes(stored: readonly DraftParagraph[], saved: readonly DraftParagraph[]): DraftParagraph[] {
  const before = new Map(stored.map((p) => [p.id, p]));
  return saved.map((p) => {
    const old = p.id ? before.get(p.id) : undefined;
    if (!old?.footnotes?.length) return p;
    const kept = p.footnotes === undefined || sameFootnotes(p.footnotes, old.footnotes);
    if (!kept) return p;
    return { ...p, footnotes: reanchorFootnotes(old.text, p.text, old.footnotes) };
  });
}

/** The draft after a save at `now`: the patched fields, the next version. */
export function applyPatch(current: Draft, patch: DraftPatch, now: string): Draft {
  return {
    ...current,
    title: patch.title ?? current.title,
    body: patch.body ?? current.body,
    baseDocumentId: patch.baseDocumentId === undefined ? current.baseDocumentId : patch.baseDocumentId,
    paragraphs: patch.paragraphs ? withIds(anchorFootnotes(current.paragraphs, patch.paragraphs)) : current.paragraphs,
    version: current.version + 1,
    updatedAt: now,
  };
}

/** A copy of `draft` as a new draft, titled `title` or "… (copy)". */
export function copyOf(draft: Draft, title?: string): NewDraft {
  return {
    title: title ?? `${draft.title} (copy)`.slice(0, DRAFT_LIMITS.title),
    language: draft.language,
    body: draft.body,
    baseDocumentId: draft.baseDocumentId,
    paragraphs: draft.paragraphs.map((p) => ({ ...p })),
  };
}

/**
 * The paragraphs a rollover of `doc` starts with: its preamble and operative
 * part (a document without them, such as a report, gives its body paragraphs
 * as operative ones), each citing where it came from.
 */
export function rolloverParagraphs(doc: DocumentRecord, paragraphs: readonly ParagraphRecord[]): DraftParagraph[] {
  let chosen = paragraphs.filter((p) => p.section === 'preamble' || p.section === 'operative');
  if (chosen.length === 0) chosen = paragraphs.filter((p) => p.section === 'body');
  return chosen.map((p) => ({
    id: newParagraphId(),
    section: (p.section === 'preamble' ? 'preamble' : 'operative') as DraftSection,
    text: p.text,
    lead: p.lead,
    source: paragraphSource(doc, p),
    footnotes: p.footnotes,
  }));
}

/** A draft rolled over from `doc`: its title, body and paragraphs unless the caller names others. */
export function rollover(doc: DocumentRecord, paragraphs: readonly ParagraphRecord[], input: { title?: string; body?: string }): NewDraft {
  return {
    title: input.title || doc.title,
    language: doc.language,
    body: input.body ?? doc.body,
    baseDocumentId: doc.id,
    paragraphs: rolloverParagraphs(doc, paragraphs),
  };
}
