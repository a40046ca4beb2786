// A resolution's body in extracted PDF text → paragraphs: PPs from "大会，" on, then
// numbered OPs with their items, footnote blocks resolved, up to the closing date.
import type { Language, ParsedParagraph } from '../../../core/model.js';
import { profileOf } from '../../../core/languages/index.js';
import { lexiconLead } from '../../../core/lead.js';
import { cleanLine, fourfoldLead, unwrapLines } from '../clean.js';
import { closingDate, isMeetingLine } from '../header-facts.js';
import { ParagraphBuilder, buildParagraphs, endsParagraph } from '../paragraph-builder.js';
import { ITEM, OP_NUMBER, type Token } from './tokens.js';

/**
 * Collects footnote texts from a footnote block: "n" on its own line, then the
 * text (indented), then wrapped lines of that text (not indented). An indented line
 * that does not follow a marker is the paragraph the block interrupted, or a new one.
 */
class FootnoteBlock {
  private current: { marker: string; lines: string[] } | null = null;
  private awaitingText = false;

  constructor(private readonly notes: Map<string, string>) {}

  /** Feeds one token; false when the block has ended and the token is not its own. */
  take(tok: Token): boolean {
    if (tok.kind === 'marker') {
      this.flush();
      this.current = { marker: tok.marker, lines: [] };
      this.awaitingText = true;
      return true;
    }
    if (tok.kind === 'blank' || tok.kind === 'sep' || tok.kind === 'rule') return true;
    if (this.current && (this.awaitingText || !tok.indent)) {
      this.current.lines.push(cleanLine(tok.text));
      this.awaitingText = false;
      return true;
    }
    this.flush();
    return false;
  }

  flush(): void {
    if (this.current?.lines.length) this.notes.set(this.current.marker, unwrapLines(this.current.lines));
    this.current = null;
  }
}

export function parseResolution(
  tokens: Token[],
  openerAt: number,
  language: Language,
  warnings: string[],
): { paragraphs: ParsedParagraph[]; closing: string | null } {
  const { preamble: ppLeads, operative: opLeads } = profileOf(language).leads;
  const body = tokens.slice(openerAt + 1);
  // Where the text draws bold glyphs four times, every emphasised lead shows it:
  // then that is the signal for a new preambular paragraph, not a word list.
  const boldSignal = body.some((t) => t.kind === 'text' && t.indent && fourfoldLead(t.raw) !== null);

  const notes = new Map<string, string>();
  const built: ParagraphBuilder[] = [];
  let cur: ParagraphBuilder | null = null;
  let block: FootnoteBlock | null = null;
  let afterMarker = false;
  let pp = 0;
  let op = 0;
  let closing: string | null = null;

  for (const tok of body) {
    if (tok.kind === 'rule') {
      block?.flush();
      block = new FootnoteBlock(notes);
      afterMarker = false;
      continue;
    }
    if (block) {
      if (block.take(tok)) continue;
      block = null;
    }
    if (tok.kind === 'blank') continue;
    if (tok.kind === 'sep') {
      // A marker followed by an empty line closed its paragraph.
      afterMarker = false;
      continue;
    }
    if (tok.kind === 'marker') {
      cur?.mark(tok.marker);
      afterMarker = true;
      continue;
    }
    const date = closingDate(tok.text);
    if (date || isMeetingLine(tok.text)) {
      closing ??= date;
      if (date) break;
      continue;
    }
    const mayStart = !afterMarker && (!cur || endsParagraph(cur.text));
    afterMarker = false;

    const num = OP_NUMBER.exec(tok.text);
    if (num && Number(num[1]) === op + 1 && mayStart) {
      op += 1;
      const rest = tok.text.slice(num[0].length);
      const bold = fourfoldLead(rest);
      const text = cleanLine(rest);
      cur = new ParagraphBuilder('operative', op, `OP ${op}`, bold?.lead ?? lexiconLead(text, opLeads));
      cur.append(text);
      built.push(cur);
      continue;
    }
    const item = ITEM.exec(tok.text);
    if (item && cur && (cur.hasItems || /[：:]$/.test(cur.text))) {
      cur.newPart(item[1], cleanLine(tok.text.slice(item[0].length)));
      continue;
    }
    if (op === 0 && (!cur || (tok.indent && mayStart))) {
      const bold = fourfoldLead(tok.raw);
      const text = cleanLine(tok.text);
      const lead = bold?.lead ?? (boldSignal ? '' : lexiconLead(text, ppLeads));
      if (!cur || bold || lead) {
        pp += 1;
        cur = new ParagraphBuilder('preamble', null, `PP ${pp}`, lead);
        cur.append(text);
        built.push(cur);
        continue;
      }
    }
    cur!.append(cleanLine(tok.text));
  }
  block?.flush();

  const paragraphs = buildParagraphs(built, notes, warnings);
  for (const p of paragraphs) {
    if (!p.lead) warnings.push(`${p.label}: no lead phrase recognised`);
  }
  return { paragraphs, closing };
}
