// Drafts in SQLite: the only SQL that touches the drafts table. A draft is a
// resolution under construction: ordered preambular and operative paragraphs,
// each remembering the precedent it came from. Every write bumps `version`; a
// write that names an older version is refused (the caller answers 409).
import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { citation, preambleFirst } from '../../core/citation.js';
import { DRAFT_LIMITS, type DraftSection } from '../../core/limits.js';
import type { Footnote, Language } from '../../core/model.js';
import { getDocument, getParagraphs } from './corpus.js';

/** Where a paragraph's language comes from: a corpus paragraph and its citation. */
export interface DraftSource {
  paragraphId: string;
  documentId: string;
  /** "A/RES/78/229, OP 8" */
  citation: string;
}

export interface DraftParagraph {
  /** Stable within the draft (client-generated or assigned here). */
  id: string;
  section: DraftSection;
  text: string;
  /** The lead phrase as the precedent had it, if known; the UI checks it still prefixes the text. */
  lead?: string;
  source?: DraftSource | null;
  /** Footnotes at offsets in `text`, kept from the precedent or an imported .docx (exchange). */
  footnotes?: Footnote[];
}

export interface Draft {
  id: string;
  title: string;
  language: Language;
  /** The adopting body the draft is for ("General Assembly"), free text. */
  body: string;
  baseDocumentId: string | null;
  version: number;
  paragraphs: DraftParagraph[];
  createdAt: string;
  updatedAt: string;
}

export interface DraftSummary extends Omit<Draft, 'paragraphs'> {
  counts: { preamble: number; operative: number };
}

interface DraftRow {
  id: string;
  title: string;
  language: string;
  body: string;
  base_document_id: string | null;
  version: number;
  paragraphs: string;
  created_at: string;
  updated_at: string;
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    title: row.title,
    language: row.language as Language,
    body: row.body,
    baseDocumentId: row.base_document_id,
    version: row.version,
    paragraphs: JSON.parse(row.paragraphs) as DraftParagraph[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function summarize(draft: Draft): DraftSummary {
  const { paragraphs, ...rest } = draft;
  return {
    ...rest,
    counts: {
      preamble: paragraphs.filter((p) => p.section === 'preamble').length,
      operative: paragraphs.filter((p) => p.section === 'operative').length,
    },
  };
}

const newId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
export const newParagraphId = () => newId('p');

/** Preamble before operative part (stable), each paragraph with a unique id (the client's where unique). */
function withIds(paragraphs: DraftParagraph[]): DraftParagraph[] {
  const seen = new Set<string>();
  return preambleFirst(paragraphs).map((p) => {
    let id = p.id;
    if (!id || seen.has(id)) id = newParagraphId();
    seen.add(id);
    return { ...p, id };
  });
}

export function listDrafts(db: Db): DraftSummary[] {
  const rows = db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC, id').all() as DraftRow[];
  return rows.map((r) => summarize(toDraft(r)));
}

export function getDraft(db: Db, id: string): Draft | null {
  const row = db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row ? toDraft(row) : null;
}

export interface NewDraft {
  title: string;
  language: Language;
  body?: string;
  baseDocumentId?: string | null;
  paragraphs?: DraftParagraph[];
}

export function insertDraft(db: Db, input: NewDraft): Draft {
  const now = new Date().toISOString();
  const draft: Draft = {
    id: newId('d'),
    title: input.title,
    language: input.language,
    body: input.body ?? '',
    baseDocumentId: input.baseDocumentId ?? null,
    version: 1,
    paragraphs: withIds(input.paragraphs ?? []),
    createdAt: now,
    updatedAt: now,
  };
  db.prepare(
    `INSERT INTO drafts (id, title, language, body, base_document_id, version, paragraphs, created_at, updated_at)
     VALUES (@id, @title, @language, @body, @baseDocumentId, @version, @paragraphs, @createdAt, @updatedAt)`,
  ).run({ ...draft, paragraphs: JSON.stringify(draft.paragraphs) });
  return draft;
}

/**
 * The paragraphs a rollover of `documentId` starts with: its preamble and
 * operative part (a document without them, such as a report, gives its body
 * paragraphs as operative ones), each citing where it came from. Null when the
 * document does not exist.
 */
export function rolloverParagraphs(db: Db, documentId: string): { language: Language; title: string; body: string; paragraphs: DraftParagraph[] } | null {
  const doc = getDocument(db, documentId);
  if (!doc) return null;
  const all = getParagraphs(db, documentId);
  let chosen = all.filter((p) => p.section === 'preamble' || p.section === 'operative');
  if (chosen.length === 0) chosen = all.filter((p) => p.section === 'body');
  const paragraphs = chosen.map((p) => ({
    id: newParagraphId(),
    section: (p.section === 'preamble' ? 'preamble' : 'operative') as DraftSection,
    text: p.text,
    lead: p.lead,
    source: { paragraphId: p.id, documentId: doc.id, citation: citation(doc, p.label) },
    footnotes: p.footnotes,
  }));
  return { language: doc.language, title: doc.title, body: doc.body, paragraphs };
}

export interface DraftPatch {
  title?: string;
  body?: string;
  paragraphs?: DraftParagraph[];
  baseDocumentId?: string | null;
}

export type UpdateResult = { status: 'ok'; draft: Draft } | { status: 'stale'; current: Draft } | { status: 'missing' };

/** Applies `patch` if the stored version is still `version`; atomically. */
export function updateDraft(db: Db, id: string, version: number, patch: DraftPatch): UpdateResult {
  return db.transaction((): UpdateResult => {
    const current = getDraft(db, id);
    if (!current) return { status: 'missing' };
    if (current.version !== version) return { status: 'stale', current };
    const next: Draft = {
      ...current,
      title: patch.title ?? current.title,
      body: patch.body ?? current.body,
      baseDocumentId: patch.baseDocumentId === undefined ? current.baseDocumentId : patch.baseDocumentId,
      paragraphs: patch.paragraphs ? withIds(patch.paragraphs) : current.paragraphs,
      version: current.version + 1,
      updatedAt: new Date().toISOString(),
    };
    db.prepare(
      `UPDATE drafts SET title = @title, body = @body, base_document_id = @baseDocumentId, version = @version,
         paragraphs = @paragraphs, updated_at = @updatedAt WHERE id = @id`,
    ).run({ ...next, paragraphs: JSON.stringify(next.paragraphs) });
    return { status: 'ok', draft: next };
  })();
}

export function deleteDraft(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
}

export function duplicateDraft(db: Db, id: string, title?: string): Draft | null {
  const src = getDraft(db, id);
  if (!src) return null;
  return insertDraft(db, {
    title: title ?? `${src.title} (copy)`.slice(0, DRAFT_LIMITS.title),
    language: src.language,
    body: src.body,
    baseDocumentId: src.baseDocumentId,
    paragraphs: src.paragraphs.map((p) => ({ ...p })),
  });
}
