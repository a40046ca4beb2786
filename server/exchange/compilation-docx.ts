// Writes a draft's compilation text as a .docx, as delegations receive it in
// informals: the title, then every paragraph under its label ("OP 5", "OP 5
// bis", "OP 7 alt") with its status when it is not open, proposed words bold
// and underlined, proposed deletions struck through (formatting, not tracked
// changes: a compilation is read, not accepted), and who proposed and who
// supports each proposal in square brackets. The layout itself (what goes
// where) is negotiation/rules.ts's; this module only sets it in Word.
import { AlignmentType, Document, Packer, Paragraph, Tab, TextRun, UnderlineType, type IRunOptions } from 'docx';
import type { Language } from '../../core/model.js';
import { localizedBody } from '../../core/languages/index.js';
import type { CompilationParagraph, CompilationRun } from '../negotiation/rules.js';
import type { ParagraphStatus } from '../negotiation/model.js';
import { INDENT, layoutFor } from './layout.js';

export interface CompilationDocument {
  language: Language;
  title: string;
  /** English name of the body ("General Assembly"); localized when printed. */
  body: string;
  /** "Compilation text, 26 November 2026, 10:15 UTC" or as the caller words it. */
  heading: string;
  paragraphs: CompilationParagraph[];
}

/** A paragraph's status as the margin of a compilation says it; an open one says nothing. */
const STATUS_NOTE: Record<ParagraphStatus, string | null> = { open: null, 'agreed-ad-ref': 'agreed ad ref', agreed: 'agreed' };

function runOptions(run: CompilationRun, base: IRunOptions): IRunOptions {
  if (run.mark === 'added') return { ...base, bold: true, boldComplexScript: true, underline: { type: UnderlineType.SINGLE } };
  if (run.mark === 'deleted') return { ...base, strike: true };
  if (run.mark === 'attribution') return { ...base, italics: true, italicsComplexScript: true };
  return base;
}

export async function exportCompilationDocx(doc: CompilationDocument): Promise<Buffer> {
  const layout = layoutFor(doc.language);
  const rtl = layout.rtl;
  const base: IRunOptions = rtl ? { rightToLeft: true } : {};
  const size = layout.size * 2;
  const indent = { left: INDENT.left, right: INDENT.right };
  const children: Paragraph[] = [
    new Paragraph({ bidirectional: rtl, spacing: { after: 120 }, children: [new TextRun({ ...base, text: localizedBody(doc.language, doc.body), bold: true, size: size + 8 })] }),
    new Paragraph({ bidirectional: rtl, spacing: { after: 120 }, children: [new TextRun({ ...base, text: doc.heading, italics: true })] }),
    new Paragraph({ bidirectional: rtl, indent, spacing: { after: 240, before: 120 }, children: [new TextRun({ ...base, text: doc.title, bold: true, size: size + 4 })] }),
    new Paragraph({ bidirectional: rtl, indent: { ...indent, firstLine: INDENT.first }, spacing: { after: 120 }, children: [new TextRun({ ...base, text: layout.formula, italics: layout.formulaItalic })] }),
  ];
  for (const p of doc.paragraphs) {
    const note = p.status ? STATUS_NOTE[p.status] : null;
    children.push(
      new Paragraph({
        bidirectional: rtl,
        alignment: AlignmentType.BOTH,
        indent: { ...indent, hanging: INDENT.left },
        spacing: { after: 120 },
        children: [
          new TextRun({ ...base, text: p.label, bold: true }),
          ...(note ? [new TextRun({ ...base, text: ` (${note})`, italics: true })] : []),
          new TextRun({ ...base, children: [new Tab()] }),
          ...p.runs.filter((r) => r.text).map((r) => new TextRun({ ...runOptions(r, base), text: r.text })),
        ],
      }),
    );
  }
  const document = new Document({
    creator: 'Precedent',
    title: `${doc.title} (compilation text)`,
    description: 'Compilation text exported by Precedent. Source of the corpus: United Nations.',
    styles: {
      default: {
        document: {
          run: { font: { ascii: layout.fonts.ascii, hAnsi: layout.fonts.ascii, eastAsia: layout.fonts.eastAsia, cs: layout.fonts.cs }, size, sizeComplexScript: size, language: { value: layout.tag, eastAsia: 'zh-CN', bidirectional: 'ar-SA' } },
        },
      },
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1080, right: 1080 } } }, children }],
  });
  return Packer.toBuffer(document);
}
