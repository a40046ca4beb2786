// Writes a resolution or a draft as a .docx laid out as the UN lays out a
// draft resolution (symbol, body, agenda item, title, enacting formula,
// preambular paragraphs, numbered operative paragraphs with lettered sub-items,
// real Word footnotes), optionally with every change against another document
// as Word tracked changes. A draft's provenance (which corpus paragraph each
// paragraph came from) rides along as custom document properties, for a
// re-import. Uses the docx package (no hand-written XML).
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Language } from '../../core/model.js';
import { localizedBody } from '../../core/languages/index.js';
import { INDENT, PROPERTY, STYLE, layoutFor, type LanguageLayout } from './layout.js';
import { alignForTracking, paragraphPieces, plainPieces, type ExportParagraph, type Piece, type Status } from './tracked-changes.js';

export type { ExportParagraph } from './tracked-changes.js';

export interface ExportDocument {
  language: Language;
  /** A/RES/80/229 or A/C.3/80/L.3 when known. */
  symbol: string | null;
  /** English name of the body ("General Assembly"); localized when printed. */
  body: string;
  agendaItem: string | null;
  title: string;
  /** "80/229" for an adopted resolution: printed before the title, as the UN does. */
  titleNumber: string | null;
  paragraphs: ExportParagraph[];
  /** The document a draft was rolled over from, kept for a re-import. */
  baseDocumentId?: string | null;
  /** Per paragraph, the corpus paragraph id its language came from (a draft's provenance), kept for a re-import. */
  sources?: (string | null)[];
}

type Revision = NonNullable<ExportParagraph['revision']>;

/** An ISO time as Word writes it: to the second. */
const wordDate = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

export interface ExportOptions {
  /** Show every change from this document's paragraphs to `doc`'s as tracked changes. */
  against?: ExportParagraph[] | null;
  /** The author of tracked changes whose paragraph names none. */
  author?: string;
  /** Revision date; fixed by callers that need reproducible files. */
  date?: Date;
}

export interface ExportResult {
  buffer: Buffer;
  /** Counts of tracked revisions written (0 without `against`). */
  revisions: { insertions: number; deletions: number };
}

/** "80/229" from "A/RES/80/229", for the title line of an adopted resolution. */
export function resolutionNumber(symbol: string | null): string | null {
  const m = symbol?.match(/^A\/RES\/(\d+\/\d+(?:\s*[A-Z])?)$/);
  return m ? m[1] : null;
}

/**
 * Provenance as custom document properties (Word keeps them through an edit
 * and save; each value is one short paragraph id, well under Word's 255
 * characters): the paragraph count, then "PrecedentSource<i>" per sourced one.
 */
function sourceProperties(sources: (string | null)[] | undefined): { name: string; value: string }[] {
  if (!sources?.some((s) => s)) return [];
  return [
    { name: PROPERTY.paragraphs, value: String(sources.length) },
    ...sources.flatMap((id, i) => (id ? [{ name: `${PROPERTY.source}${i}`, value: id }] : [])),
  ];
}

const OP_NUMBERING = 'un-operative';
const BODY_NUMBERING = 'un-body';

export async function exportDocx(doc: ExportDocument, options: ExportOptions = {}): Promise<ExportResult> {
  const layout = layoutFor(doc.language);
  const author = options.author ?? 'Precedent';
  const date = wordDate((options.date ?? new Date()).toISOString());
  let nextId = 1;
  const revisions = { insertions: 0, deletions: 0 };
  const change = (status: Status, revision?: Revision) => {
    if (status === 'insert') revisions.insertions++;
    if (status === 'delete') revisions.deletions++;
    return { id: nextId++, author: revision?.author ?? author, date: revision ? wordDate(revision.date) : date };
  };

  const rtl = layout.rtl;
  const runBase: IRunOptions = rtl ? { rightToLeft: true } : {};

  const header: Paragraph[] = [];
  if (doc.symbol) header.push(new Paragraph({ style: STYLE.symbol, bidirectional: rtl, children: [new TextRun({ ...runBase, text: doc.symbol })] }));
  if (doc.body) header.push(new Paragraph({ style: STYLE.body, bidirectional: rtl, children: [new TextRun({ ...runBase, text: localizedBody(doc.language, doc.body) })] }));
  if (doc.agendaItem) header.push(new Paragraph({ style: STYLE.agenda, bidirectional: rtl, children: [new TextRun({ ...runBase, text: layout.agendaItem(doc.agendaItem) })] }));
  const titleText = doc.titleNumber ? `${doc.titleNumber}.\t${doc.title}` : doc.title;
  header.push(new Paragraph({ style: STYLE.title, bidirectional: rtl, children: textRuns(titleText, runBase) }));
  const hasResolutionBody = doc.paragraphs.some((p) => p.section === 'preamble' || p.section === 'operative');
  if (hasResolutionBody) header.push(new Paragraph({ style: STYLE.formula, bidirectional: rtl, children: [new TextRun({ ...runBase, text: layout.formula })] }));

  const body: Paragraph[] = [];
  const emit = (p: ExportParagraph, pieces: Piece[], mark: Status) => body.push(...wordParagraphs(p, pieces, mark, layout, (s) => change(s, p.revision), runBase));
  if (options.against) {
    for (const op of alignForTracking(options.against, doc.paragraphs, doc.language)) {
      if (op.kind === 'pair') emit(op.to, paragraphPieces(op.from, op.to, op.changes), 'equal');
      else if (op.kind === 'insert') emit(op.to, paragraphPieces(null, op.to, [{ type: 'insert', text: op.to.text }]), 'insert');
      else emit(op.from, paragraphPieces(op.from, null, [{ type: 'delete', text: op.from.text }]), 'delete');
    }
  } else {
    for (const p of doc.paragraphs) emit(p, plainPieces(p), 'equal');
  }
  // The UN closes a document with a short centred rule. It also gives every
  // tracked paragraph a following, untracked paragraph mark to merge into.
  const end = new Paragraph({ style: STYLE.end, bidirectional: rtl, children: [new TextRun({ text: '__________________' })] });

  const fonts = { ascii: layout.fonts.ascii, hAnsi: layout.fonts.ascii, eastAsia: layout.fonts.eastAsia, cs: layout.fonts.cs };
  const language = { value: layout.tag, eastAsia: 'zh-CN', bidirectional: 'ar-SA' };
  const size = layout.size * 2;
  const leadRun = layout.leadEmphasis === 'bold' ? { bold: true, boldComplexScript: true } : layout.leadEmphasis === 'italic' ? { italics: true, italicsComplexScript: true } : {};
  const para = (extra: Record<string, unknown> = {}) => ({ bidirectional: rtl, spacing: { after: 120 }, ...extra });

  const document = new Document({
    creator: author,
    title: doc.title,
    description: 'Exported by Precedent. Source of the corpus: United Nations.',
    customProperties: [
      { name: PROPERTY.language, value: doc.language },
      ...(doc.symbol ? [{ name: PROPERTY.symbol, value: doc.symbol }] : []),
      ...(doc.baseDocumentId ? [{ name: PROPERTY.base, value: doc.baseDocumentId }] : []),
      ...sourceProperties(doc.sources),
    ],
    features: options.against ? { trackRevisions: true } : undefined,
    styles: {
      default: {
        document: { run: { font: fonts, size, sizeComplexScript: size, language } },
      },
      paragraphStyles: [
        { id: STYLE.symbol, name: 'UN Symbol', basedOn: 'Normal', paragraph: para({ alignment: rtl ? AlignmentType.LEFT : AlignmentType.RIGHT, spacing: { after: 240 } }) },
        { id: STYLE.body, name: 'UN Body', basedOn: 'Normal', run: { bold: true, boldComplexScript: true, size: size + 8, sizeComplexScript: size + 8 }, paragraph: para({ spacing: { after: 120 } }) },
        { id: STYLE.agenda, name: 'UN Agenda item', basedOn: 'Normal', paragraph: para({ spacing: { after: 240 } }) },
        {
          id: STYLE.title,
          name: 'UN Title',
          basedOn: 'Normal',
          run: { bold: true, boldComplexScript: true, size: size + 4, sizeComplexScript: size + 4 },
          paragraph: para({ indent: { left: INDENT.left, right: INDENT.right, hanging: doc.titleNumber ? INDENT.left : 0 }, spacing: { after: 240, before: 120 }, keepNext: true }),
        },
        {
          id: STYLE.formula,
          name: 'UN Enacting formula',
          basedOn: 'Normal',
          run: layout.formulaItalic ? { italics: true, italicsComplexScript: true } : {},
          paragraph: para({ indent: { left: INDENT.left, right: INDENT.right, firstLine: INDENT.first }, keepNext: true }),
        },
        { id: STYLE.pp, name: 'UN Preambular paragraph', basedOn: 'Normal', paragraph: para({ alignment: AlignmentType.BOTH, indent: { left: INDENT.left, right: INDENT.right, firstLine: INDENT.first } }) },
        { id: STYLE.op, name: 'UN Operative paragraph', basedOn: 'Normal', paragraph: para({ alignment: AlignmentType.BOTH, indent: { left: INDENT.left, right: INDENT.right, firstLine: INDENT.first } }) },
        {
          id: STYLE.item,
          name: 'UN Sub-item',
          basedOn: 'Normal',
          paragraph: para({
            alignment: AlignmentType.BOTH,
            indent: { left: INDENT.left + INDENT.first + INDENT.item, right: INDENT.right, hanging: INDENT.item },
            tabStops: [{ type: TabStopType.LEFT, position: INDENT.left + INDENT.first + INDENT.item }],
          }),
        },
        { id: STYLE.other, name: 'UN Text', basedOn: 'Normal', paragraph: para({ alignment: AlignmentType.BOTH, indent: { left: INDENT.left, right: INDENT.right } }) },
        { id: STYLE.heading, name: 'UN Heading', basedOn: 'Normal', run: { bold: true, boldComplexScript: true }, paragraph: para({ indent: { left: INDENT.left, right: INDENT.right }, keepNext: true }) },
        { id: STYLE.end, name: 'UN End rule', basedOn: 'Normal', paragraph: para({ alignment: AlignmentType.CENTER, spacing: { before: 240 } }) },
      ],
      characterStyles: [{ id: STYLE.lead, name: 'UN Lead phrase', basedOn: 'DefaultParagraphFont', run: leadRun }],
    },
    numbering: {
      config: [
        {
          reference: OP_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: layout.opNumber,
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: INDENT.left, firstLine: INDENT.first } } },
            },
          ],
        },
        {
          reference: BODY_NUMBERING,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: INDENT.left, firstLine: 0 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1080, right: 1080 } },
        },
        children: [...header, ...body, end],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return { buffer, revisions };
}

/** Title text with a tab after the resolution number kept as a real tab. */
function textRuns(text: string, base: IRunOptions): TextRun[] {
  return text.split('\t').flatMap((part, k) => [
    ...(k > 0 ? [new TextRun({ ...base, children: [new Tab()] })] : []),
    ...(part ? [new TextRun({ ...base, text: part })] : []),
  ]);
}

/**
 * The Word paragraphs of one logical paragraph: the first line in the
 * section's style (operative ones numbered), each further line a sub-item.
 * `mark` is the status of the paragraph as a whole: whole insertions and
 * deletions carry it on every paragraph mark, so rejecting (or accepting)
 * leaves no empty paragraph behind.
 */
function wordParagraphs(
  p: ExportParagraph,
  pieces: Piece[],
  mark: Status,
  layout: LanguageLayout,
  change: (s: Status) => { id: number; author: string; date: string },
  runBase: IRunOptions,
): Paragraph[] {
  const out: Paragraph[] = [];
  let children: ParagraphChild[] = [];
  let line = 0;
  const finish = (markStatus: Status) => {
    const first = line === 0;
    const style = !first ? STYLE.item : p.section === 'preamble' ? STYLE.pp : p.section === 'operative' ? STYLE.op : p.section === 'heading' ? STYLE.heading : STYLE.other;
    const numbering = first && p.section === 'operative' ? { reference: OP_NUMBERING, level: 0 } : undefined;
    const run =
      markStatus === 'insert' ? { insertion: change('insert') } : markStatus === 'delete' ? { deletion: change('delete') } : undefined;
    out.push(new Paragraph({ style, bidirectional: layout.rtl, numbering, run, children }));
    children = [];
    line++;
  };
  for (const piece of pieces) {
    if (piece.type === 'break') {
      finish(piece.status === 'equal' ? mark : piece.status);
      continue;
    }
    if (piece.type === 'footnote') {
      const ref = new FootnoteReferenceRun({
        // A space after the note's number, as Word itself writes it (the reader trims it).
        children: [new Paragraph({ bidirectional: layout.rtl, style: 'FootnoteText', children: [new TextRun({ ...runBase, text: ` ${piece.text}` })] })],
      });
      if (piece.status === 'equal') children.push(ref);
      else if (piece.status === 'insert') children.push(new InsertedTextRun({ ...change('insert'), children: [ref] }));
      else children.push(new DeletedTextRun({ ...change('delete'), children: [ref] }));
      continue;
    }
    const opts: IRunOptions = { ...runBase, ...(piece.lead ? { style: STYLE.lead } : {}) };
    // A sub-item line starts with its marker then a tab, as the UN sets them.
    const parts = line > 0 && !children.length ? splitMarker(piece.text) : [piece.text];
    for (const [k, text] of parts.entries()) {
      if (!text) continue;
      const content = k === 1 && parts.length === 3 ? { children: [new Tab()] } : { text };
      if (piece.status === 'equal') children.push(new TextRun({ ...opts, ...content }));
      else if (piece.status === 'insert') children.push(new InsertedTextRun({ ...opts, ...content, ...change('insert') }));
      else children.push(new DeletedTextRun({ ...opts, ...content, ...change('delete') }));
    }
  }
  finish(mark);
  return out;
}

/** "(a) text" → ["(a)", " ", "text"]: the space after a marker is written as a tab. */
export function splitMarker(text: string): string[] {
  const m = text.match(/^(\(?[\p{L}\p{N}]{1,6}\))( )/u);
  return m ? [m[1], m[2], text.slice(m[0].length)] : [text];
}
