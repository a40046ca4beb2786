// Imports a .docx (a draft someone sent back) or pasted text as a draft:
// tracked changes resolved as accepted or rejected (and counted), footnotes
// kept as the paragraphs' footnotes, structure recognised (recognise.ts), and
// the provenance a file exported by this desk carries read back.
// Everything is checked before anything is stored: the caller inserts the
// result in one statement, so a bad file never leaves half a draft behind.
import { DRAFT_LIMITS } from '../../core/limits.js';
import type { Language } from '../../core/model.js';
import { PROPERTY, STYLE } from './layout.js';
import { DocxReadError, readDocx, viewOf, type DocxContent, type ViewParagraph } from './docx-read.js';
import { recognise, roleOfStyle, type ImportedDraft, type SourceLine } from './recognise.js';
import { LANGUAGES } from '../../core/model.js';

/** Stated limit for uploads. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export class ImportRejected extends Error {}

export interface DocxImport extends ImportedDraft {
  /** Tracked revisions seen in the file (0 when it had none). */
  changesSeen: number;
  changes: 'accept' | 'reject';
  baseDocumentId: string | null;
  /** Per exported paragraph, the corpus paragraph id it came from; null when the file carries no provenance. */
  sourceIds: (string | null)[] | null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Is this a .docx at all? Answers the user's question "which of the problems is it". */
export function checkUpload(bytes: Uint8Array, name?: string): void {
  if (bytes.length === 0) throw new ImportRejected('The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportRejected(`The file is ${(bytes.length / 1e6).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  if (!isZip) {
    const what = /^%PDF/.test(Buffer.from(bytes.subarray(0, 5)).toString('latin1'))
      ? 'a PDF'
      : bytes[0] === 0xd0 && bytes[1] === 0xcf
        ? 'an old binary Word (.doc) file'
        : 'not a Word .docx file';
    throw new ImportRejected(`${name ? `${name} is ` : 'This is '}${what}: upload a .docx (Word 2007 or later).`);
  }
}

export interface DocxImportOptions {
  changes?: 'accept' | 'reject';
  language?: Language;
  name?: string;
}

/** What the import's worker thread is given (docx-import-thread.ts). */
export interface DocxImportJob {
  bytes: Uint8Array;
  options: DocxImportOptions;
}

/** Reads and recognises the file here, in this thread: the server runs it in a worker (docx-import-thread.ts). */
export async function importDocx(bytes: Uint8Array, options: DocxImportOptions = {}): Promise<DocxImport> {
  checkUpload(bytes, options.name);
  let content: DocxContent;
  try {
    content = await readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxReadError) throw new ImportRejected(`The file is corrupt or not a Word document: ${e.message}.`);
    throw e;
  }
  const changes = options.changes ?? 'accept';
  const view = viewOf(content.paragraphs, changes);
  const footnoteText = (id: string) => {
    const paras = content.footnotes.get(id);
    if (!paras) return '';
    return viewOf(paras, changes)
      .map((p) => p.runs.map((r) => (r.kind === 'text' ? r.text : '')).join(''))
      .join('\n')
      .replace(/^\s+/, '')
      .replace(/\s+$/, '');
  };
  const property = content.properties[PROPERTY.language];
  const language = options.language ?? (LANGUAGES.includes(property as Language) ? (property as Language) : undefined);
  const listCounts = new Map<string, number>();
  const lines = view.map((p) => toLine(p, content, footnoteText, listCounts));
  if (!lines.some((l) => l.text.trim())) throw new ImportRejected('The document holds no paragraphs of text.');
  const draft = recognise(lines, { language });
  if (draft.paragraphs.length === 0) throw new ImportRejected('The document holds no paragraphs of text after its title.');
  return {
    ...draft,
    symbol: draft.symbol ?? content.properties[PROPERTY.symbol] ?? null,
    changesSeen: content.revisions,
    changes,
    baseDocumentId: content.properties[PROPERTY.base] ?? null,
    sourceIds: sourceIds(content.properties),
  };
}

/** The provenance the file was exported with (docx-export.ts): a corpus paragraph id per exported paragraph, or null. */
function sourceIds(properties: Record<string, string>): (string | null)[] | null {
  const count = Number(properties[PROPERTY.paragraphs]);
  if (!Number.isInteger(count) || count <= 0 || count > DRAFT_LIMITS.paragraphs) return null;
  return Array.from({ length: count }, (_, i) => properties[`${PROPERTY.source}${i}`] ?? null);
}

function toLine(p: ViewParagraph, content: DocxContent, footnoteText: (id: string) => string, listCounts: Map<string, number>): SourceLine {
  let text = '';
  const footnotes: SourceLine['footnotes'] = [];
  const emphasized = { styled: '', bold: '', italic: '' };
  const open = { styled: true, bold: true, italic: true };
  for (const r of p.runs) {
    if (r.kind === 'footnote') {
      footnotes.push({ offset: text.length, text: footnoteText(r.id) });
      continue;
    }
    // The lead is the opening stretch of runs in the lead style; a footnote
    // reference inside it does not end it.
    if (open.styled && r.style === STYLE.lead) emphasized.styled += r.text;
    else open.styled = false;
    if (open.bold && r.bold && r.style !== STYLE.lead) emphasized.bold += r.text;
    else if (!(r.text.trim() === '' && emphasized.bold)) open.bold = false;
    if (open.italic && r.italic && r.style !== STYLE.lead) emphasized.italic += r.text;
    else if (!(r.text.trim() === '' && emphasized.italic)) open.italic = false;
    text += r.text;
  }
  const role = roleOfStyle(p.style);
  let level: number | null = null;
  let listMarker: string | null = null;
  if (p.numbering && role === null) {
    level = p.numbering.level;
    // A paragraph of a higher level restarts the lists below it, as in Word.
    for (const key of [...listCounts.keys()]) {
      const [id, l] = key.split(':');
      if (id === p.numbering.numId && Number(l) > level) listCounts.delete(key);
    }
    if (level > 0) listMarker = listMarkerOf(content, p.numbering.numId, level, listCounts);
  }
  return { text, role, level, listMarker, emphasized, footnotes };
}

/**
 * The marker Word prints for a sub-item numbered by a list ("(a)"): the
 * level's text with its counter in the level's format. Counted per list and
 * level, restarting after a paragraph of a higher level, as Word does.
 */
function listMarkerOf(content: DocxContent, numId: string, level: number, listCounts: Map<string, number>): string | null {
  const lvl = content.numbering.get(numId)?.get(level);
  if (!lvl) return null;
  const key = `${numId}:${level}`;
  const n = (listCounts.get(key) ?? 0) + 1;
  listCounts.set(key, n);
  const num = formatCounter(n, lvl.format);
  return lvl.text.replace(new RegExp(`%${level + 1}`, 'g'), num).replace(/%\d/g, '');
}

function formatCounter(n: number, format: string): string {
  const letters = (base: string) => {
    let s = '';
    let k = n;
    while (k > 0) {
      k--;
      s = base[k % base.length] + s;
      k = Math.floor(k / base.length);
    }
    return s;
  };
  switch (format) {
    case 'lowerLetter':
      return letters('abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
    case 'upperRoman': {
      const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
      let k = n;
      let s = '';
      for (const [v, r] of table) {
        while (k >= v) {
          s += r;
          k -= v;
        }
      }
      return format === 'upperRoman' ? s.toUpperCase() : s;
    }
    case 'russianLower':
      return letters('абвгдежзиклмнопрстуфхцчшщэюя');
    case 'arabicAlpha':
    case 'arabicAbjad':
      return letters('أبجدهوزحطيكلمنسعفصقرشتثخذضظغ');
    default:
      return String(n);
  }
}

/** Pasted text: one paragraph per line (blank lines ignored), numbers and leads recognised. */
export function importText(text: string, options: { language?: Language; title?: string } = {}): ImportedDraft {
  const lines: SourceLine[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t) => t.replace(/\s+$/, ''))
    .filter((t) => t.trim())
    .map((t) => ({ text: t, role: null, level: null, emphasized: { styled: '', bold: '', italic: '' }, footnotes: [] }));
  if (!lines.length) throw new ImportRejected('The pasted text holds no paragraphs.');
  const draft = recognise(lines, options);
  if (!draft.paragraphs.length) throw new ImportRejected('The pasted text holds no paragraphs after its title.');
  return draft;
}

