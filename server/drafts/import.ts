// A .docx or pasted text into a new draft: exchange/ reads and recognises the
// file; here the result is checked against the draft limits and shaped as a
// new draft. Everything is checked before anything is stored (the caller
// inserts once), so a bad file never leaves half a draft behind. A .docx this
// desk exported brings its paragraphs' provenance back.
import { DRAFT_LIMITS } from '../../core/limits.js';
import type { Language } from '../../core/model.js';
import { ImportRejected, importText } from '../exchange/docx-import.js';
import type { DocxImporter } from '../exchange/docx-import-thread.js';
import type { ImportedDraft } from '../exchange/recognise.js';
import type { DraftSource, NewDraft } from './model.js';
import { sourceModified } from '../../core/citation.js';

export { ImportRejected };

/** What the user sent: pasted text, or the bytes of a .docx. */
export type ImportSource =
  | { text: string; title?: string; language?: Language }
  | { docx: Uint8Array; name?: string; changes?: 'accept' | 'reject'; language?: Language; title?: string };

export interface ReadImport {
  imported: ImportedDraft;
  /** Tracked changes seen in a .docx; null for pasted text. */
  changesSeen: number | null;
  /** The document the .docx says it was exported from, if it names one. */
  baseDocumentId: string | null;
  /** Per exported paragraph, the corpus paragraph id its provenance named (a .docx from this desk), else null. */
  sourceIds: (string | null)[] | null;
}

/**
 * Reads the source (a .docx through `docx`, in a worker thread); throws
 * ImportRejected with the reason the user sees, or ImportOverLimit when the
 * file ran past the reader's time or memory.
 */
export async function readImport(source: ImportSource, docx: DocxImporter): Promise<ReadImport> {
  if ('text' in source) {
    return { imported: importText(source.text, { language: source.language, title: source.title }), changesSeen: null, baseDocumentId: null, sourceIds: null };
  }
  const result = await docx.import(source.docx, { changes: source.changes, language: source.language, name: source.name });
  const imported = source.title ? { ...result, title: source.title } : result;
  return { imported, changesSeen: result.changesSeen, baseDocumentId: result.baseDocumentId, sourceIds: result.sourceIds };
}

/** Throws ImportRejected when the import would not fit in a draft. */
export function checkImportLimits(d: ImportedDraft): void {
  const L = DRAFT_LIMITS;
  if (d.paragraphs.length > L.paragraphs) throw new ImportRejected(`The document has ${d.paragraphs.length} paragraphs; a draft holds at most ${L.paragraphs}.`);
  const long = d.paragraphs.findIndex((p) => p.text.length > L.paragraphText);
  if (long >= 0) throw new ImportRejected(`Paragraph ${long + 1} has ${d.paragraphs[long].text.length} characters; the limit is ${L.paragraphText}.`);
}

/**
 * The new draft an import makes; `baseDocumentId` only when that document
 * exists; `sources` the provenance the file was exported with, resolved
 * (null where the corpus no longer has the paragraph).
 */
export function importedDraft(imported: ImportedDraft, baseDocumentId: string | null, sources: (DraftSource | null)[] = []): NewDraft {
  const matched = matchSources(imported.paragraphs, sources);
  return {
    title: imported.title.slice(0, DRAFT_LIMITS.title),
    language: imported.language,
    body: imported.body.slice(0, DRAFT_LIMITS.body),
    baseDocumentId,
    paragraphs: imported.paragraphs.map((p, i) => ({ id: '', section: p.section, text: p.text, lead: p.lead, footnotes: p.footnotes, source: matched[i] })),
  };
}

/**
 * Which exported provenance each imported paragraph keeps: by position while
 * the file has as many paragraphs as it was exported with (its text may have
 * been edited in Word: then it reads "modified"); otherwise only where a
 * paragraph's text is still its source's, each source used once.
 */
export function matchSources(paragraphs: readonly { text: string }[], sources: readonly (DraftSource | null)[]): (DraftSource | null)[] {
  if (sources.length === paragraphs.length) return [...sources];
  const unused = sources.filter((s): s is DraftSource => s !== null && s.text !== undefined);
  return paragraphs.map((p) => {
    const k = unused.findIndex((s) => !sourceModified(p.text, s));
    return k < 0 ? null : unused.splice(k, 1)[0];
  });
}
