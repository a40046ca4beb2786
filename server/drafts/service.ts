// The drafts feature over a database: what the API routes call. Each operation
// reads what it needs (store/), applies the rules (rules.ts, diff.ts,
// import.ts) and writes the result; a refusal is a DraftError (400 or 404 at
// the API). Stale saves are an answer, not an error: the caller shows both.
import type { Language } from '../../core/model.js';
import { getDocument, getParagraph, getParagraphs } from '../store/corpus.js';
import { paragraphSource } from '../../core/citation.js';
import type { Db } from '../store/db.js';
import * as store from '../store/drafts.js';
import type { DocumentDiff } from '../compare/diff.js';
import { draftDiff } from './diff.js';
import { DraftError } from './errors.js';
import { ImportRejected, checkImportLimits, importedDraft, readImport, type ImportSource } from './import.js';
import type { Draft, DraftParagraph, DraftPatch, DraftSource, DraftSummary, NewDraft } from './model.js';
import { DEFAULT_BODY, UNTITLED, applyPatch, copyOf, newDraft, rollover, summarize } from './rules.js';

/** Every draft's summary, its base named by symbol (each base looked up once, without its paragraphs). */
export function listDrafts(db: Db): DraftSummary[] {
  const names = new Map<string, string | null>();
  const nameOf = (id: string) => {
    if (!names.has(id)) {
      const doc = getDocument(db, id);
      names.set(id, doc ? (doc.symbol ?? doc.title) : null);
    }
    return names.get(id)!;
  };
  return store.listDrafts(db).map((d) => summarize(d, d.baseDocumentId ? nameOf(d.baseDocumentId) : null));
}

export function getDraft(db: Db, id: string): Draft {
  const draft = store.getDraft(db, id);
  if (!draft) throw DraftError.missing('Draft', id);
  return draft;
}

export function deleteDraft(db: Db, id: string): void {
  if (!store.deleteDraft(db, id)) throw DraftError.missing('Draft', id);
}

function insert(db: Db, input: NewDraft): Draft {
  const draft = newDraft(input, new Date().toISOString());
  store.insertDraft(db, draft);
  return draft;
}

export interface CreateInput {
  title?: string;
  language?: Language;
  body?: string;
  /** Roll over this document: its paragraphs (with provenance) start the draft. */
  base?: string;
  paragraphs?: DraftParagraph[];
}

/**
 * The paragraphs with the provenance the corpus gives them. A client names a
 * paragraph's source by its corpus paragraph id; the citation and source text
 * shown and exported are the corpus's, whatever the client sent, so a draft
 * never cites a paragraph for words it does not hold (a citation from an older
 * copy of the corpus is quietly brought up to date). A source the corpus does
 * not hold, or a paragraph named with another document than its own, is
 * refused, naming the draft paragraph; one the draft already had is kept as
 * stored (`stored`), so a draft whose source left the corpus can still be saved.
 */
function checkedSources(db: Db, paragraphs: readonly DraftParagraph[], stored: readonly DraftParagraph[] = []): DraftParagraph[] {
  const known = new Map<string, DraftSource>();
  for (const p of stored) if (p.source) known.set(p.source.paragraphId, p.source);
  const sameSource = (a: DraftSource, b: DraftSource) => a.paragraphId === b.paragraphId && a.documentId === b.documentId && a.citation === b.citation && a.text === b.text;
  return paragraphs.map((p, i) => {
    const sent = p.source;
    if (!sent) return p;
    const before = known.get(sent.paragraphId);
    if (before && sameSource(sent, before)) return p;
    const where = `paragraphs.${i} (${p.id || 'new'})`;
    const source = corpusSource(db, sent.paragraphId) ?? before;
    if (!source) throw DraftError.invalid(`${where}: source paragraph ${sent.paragraphId} is not in the corpus`);
    if (source.documentId !== sent.documentId) {
      throw DraftError.invalid(`${where}: source paragraph ${sent.paragraphId} belongs to ${source.documentId}, not ${sent.documentId}`);
    }
    return { ...p, source };
  });
}

/** An empty draft, one with the given paragraphs, or a rollover of `base`. */
export function createDraft(db: Db, input: CreateInput): Draft {
  if (input.base) {
    const doc = getDocument(db, input.base);
    if (!doc) throw DraftError.invalid(`base: no such document: ${input.base}`);
    if (input.language && input.language !== doc.language) {
      throw DraftError.invalid(`language: ${input.language} differs from the base document's (${doc.language})`);
    }
    return insert(db, rollover(doc, getParagraphs(db, doc.id), input));
  }
  if (!input.language) throw DraftError.invalid('language: required unless a base document is given');
  return insert(db, { title: input.title || UNTITLED, language: input.language, body: input.body ?? DEFAULT_BODY, paragraphs: checkedSources(db, input.paragraphs ?? []) });
}

export function duplicateDraft(db: Db, id: string, title?: string): Draft {
  return insert(db, copyOf(getDraft(db, id), title));
}

export type SaveResult = { status: 'ok'; draft: Draft } | { status: 'stale'; current: Draft };

/** Saves `patch` if the stored version is still `version`; else answers with the current draft. */
export function saveDraft(db: Db, id: string, version: number, patch: DraftPatch): SaveResult {
  if (patch.baseDocumentId && !getDocument(db, patch.baseDocumentId)) {
    throw DraftError.invalid(`baseDocumentId: no such document: ${patch.baseDocumentId}`);
  }
  const current = getDraft(db, id);
  if (current.version !== version) return { status: 'stale', current };
  const checked = patch.paragraphs ? { ...patch, paragraphs: checkedSources(db, patch.paragraphs, current.paragraphs) } : patch;
  const next = applyPatch(current, checked, new Date().toISOString());
  // The store writes only over `version`: a save that raced this one makes this one stale.
  if (!store.updateDraft(db, next, version)) return { status: 'stale', current: getDraft(db, id) };
  return { status: 'ok', draft: next };
}

/** The draft against `against`, or against its base document when none is named. */
export function diffDraft(db: Db, id: string, against?: string): DocumentDiff {
  const draft = getDraft(db, id);
  const docId = against ?? draft.baseDocumentId;
  if (!docId) throw DraftError.invalid('against: this draft has no base document; name one with ?against=');
  const doc = getDocument(db, docId);
  if (!doc) throw DraftError.missing('Document', docId);
  return draftDiff(draft, doc, getParagraphs(db, doc.id));
}

export interface ImportOutcome {
  draft: Draft;
  changesSeen: number | null;
  warnings: string[];
}

/** The provenance a corpus paragraph gives a draft paragraph; null when the corpus does not hold it. */
function corpusSource(db: Db, paragraphId: string): DraftSource | null {
  const p = getParagraph(db, paragraphId);
  const doc = p ? getDocument(db, p.documentId) : null;
  return p && doc ? paragraphSource(doc, p) : null;
}

/** A .docx or pasted text as a new draft, stored whole (one insert) or not at all. */
export async function importDraft(db: Db, source: ImportSource): Promise<ImportOutcome> {
  try {
    const { imported, changesSeen, baseDocumentId, sourceIds } = await readImport(source);
    checkImportLimits(imported);
    const base = baseDocumentId && getDocument(db, baseDocumentId) ? baseDocumentId : null;
    const sources = (sourceIds ?? []).map((id) => (id ? corpusSource(db, id) : null));
    return { draft: insert(db, importedDraft(imported, base, sources)), changesSeen, warnings: imported.warnings };
  } catch (e) {
    if (e instanceof ImportRejected) throw DraftError.invalid(e.message);
    throw e;
  }
}
