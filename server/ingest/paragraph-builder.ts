// One paragraph of a text import being put together from wrapped lines, items
// and footnote markers, then built into a ParsedParagraph. Shared by the PDF-text
// and Markdown importers.
import type { Footnote, ParsedParagraph, Section, SubItem } from '../../core/model.js';
import { joinWrapped } from './clean.js';

/** A footnote reference seen while reading; its text is resolved at the end. */
interface MarkerRef {
  marker: string;
  part: number;
  pos: number;
}

/**
 * One paragraph being read. Text comes in wrapped pieces; sub-items and quoted
 * lines open new parts, which become separate lines of the final text.
 */
export class ParagraphBuilder {
  /** parts[0] is the paragraph's own text; later parts are items or quoted lines. */
  private parts: { marker: string; text: string }[] = [{ marker: '', text: '' }];
  private refs: MarkerRef[] = [];

  constructor(
    readonly section: Section,
    readonly number: number | null,
    readonly label: string,
    public lead: string,
  ) {}

  /** Appends wrapped text (already cleaned) to the current part. */
  append(text: string): void {
    const part = this.parts[this.parts.length - 1];
    part.text = joinWrapped(part.text, text);
  }

  /** Starts a new line of the paragraph: a sub-item "(a)" or, with marker "", a quoted line. */
  newPart(marker: string, text: string): void {
    this.parts.push({ marker, text: '' });
    this.append(text);
  }

  /** Records a footnote marker where the text now ends. */
  mark(marker: string): void {
    const part = this.parts.length - 1;
    this.refs.push({ marker, part, pos: this.parts[part].text.length });
  }

  get text(): string {
    return this.parts[this.parts.length - 1].text;
  }

  get hasItems(): boolean {
    return this.parts.some((p) => p.marker !== '');
  }

  get isEmpty(): boolean {
    return this.parts.every((p) => !p.text);
  }

  build(notes: ReadonlyMap<string, string>, missing: Set<string>): ParsedParagraph {
    const lines: string[] = [];
    const starts: number[] = [];
    let at = 0;
    for (const p of this.parts) {
      if (!p.text && !p.marker && lines.length > 0) {
        starts.push(at);
        continue;
      }
      const prefix = p.marker ? `${p.marker} ` : '';
      starts.push(at + prefix.length);
      lines.push(prefix + p.text);
      at += prefix.length + p.text.length + 1;
    }
    const items: SubItem[] = this.parts.filter((p) => p.marker).map((p) => ({ marker: p.marker, text: p.text }));
    const footnotes: Footnote[] = this.refs.map((r) => {
      const text = notes.get(r.marker);
      if (text === undefined) missing.add(r.marker);
      return { marker: r.marker, text: text ?? '', offset: starts[r.part] + r.pos };
    });
    return {
      section: this.section,
      number: this.number,
      label: this.label,
      lead: this.lead,
      text: lines.join('\n'),
      footnotes,
      items,
    };
  }
}

/** A resolution paragraph ends with "，" (preamble), "；" or "。" (operative). */
export function endsParagraph(text: string): boolean {
  return /[，,；;。.：:،؛]\s*$/u.test(text.replace(/[”’"')）\]]+$/, ''));
}


/** The non-empty paragraphs, built; markers whose footnote text never came are warned about once. */
export function buildParagraphs(built: ParagraphBuilder[], notes: ReadonlyMap<string, string>, warnings: string[]): ParsedParagraph[] {
  const missing = new Set<string>();
  const paragraphs = built.filter((b) => !b.isEmpty).map((b) => b.build(notes, missing));
  if (missing.size) warnings.push(`footnotes: no text found for marker(s) ${[...missing].join(', ')}`);
  return paragraphs;
}
