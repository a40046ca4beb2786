// A .docx or pasted text into a new draft: exchange/ reads and recognises the
// file; here the result is checked against the draft limits and shaped as a
// new draft. Everything is checked before anything is stored (the caller
// inserts once), so a bad file never leaves half a draft behind.
import { DRAFT_LIMITS } from '../../core/limits.js';
import type { Language } from '../../core/model.js';
import { ImportRejected, importDocx, importText } from '../exchange/docx-import.js';
import type { ImportedDraft } from '../exchange/recognise.js';
import type { NewDraft } from './model.js';

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
}

/** Reads the source (a .docx asynchronously); throws ImportRejected with the reason the user sees. */
export async function readImport(source: ImportSource): Promise<ReadImport> {
  if ('text' in source) {
    return { imported: importText(source.text, { language: source.language, title: source.title }), changesSeen: null, baseDocumentId: null };
  }
  const result = await importDocx(source.docx, { changes: source.changes, language: source.language, name: source.name });
  const imported = source.title ? { ...result, title: source.title } : result;
  return { imported, changesSeen: result.changesSeen, baseDocumentId: result.baseDocumentId };
}

/** Throws ImportRejected when the import would not fit in a draft. */
export function checkImportLimits(d: ImportedDraft): void {
  const L = DRAFT_LIMITS;
  if (d.paragraphs.length > L.paragraphs) throw new ImportRejected(`The document has ${d.paragraphs.length} paragraphs; a draft holds at most ${L.paragraphs}.`);
  const long = d.paragraphs.findIndex((p) => p.text.length > L.paragraphText);
  if (long >= 0) throw new ImportRejected(`Paragraph ${long + 1} has ${d.paragraphs[long].text.length} characters; the limit is ${L.paragraphText}.`);
}

/** The new draft an import makes; `baseDocumentId` only when that document exists. */
export function importedDraft(imported: ImportedDraft, baseDocumentId: string | null): NewDraft {
  return {
    title: imported.title.slice(0, DRAFT_LIMITS.title),
    language: imported.language,
    body: imported.body.slice(0, DRAFT_LIMITS.body),
    baseDocumentId,
    paragraphs: imported.paragraphs.map((p) => ({ id: '', section: p.section, text: p.text, lead: p.lead, footnotes: p.footnotes, source: null })),
  };
}
