// A report in extracted PDF text → paragraphs: header lines, summary, numbered
// paragraphs under headings (numbering may restart), notes and an annex table.
import type { Language, ParsedParagraph, Section } from '../../../core/model.js';
import { cleanLine, collapseFourfold, joinWrapped, unwrapLines } from '../clean.js';
import type { HeaderFacts } from '../header-facts.js';
import { ParagraphBuilder, buildParagraphs } from '../paragraph-builder.js';
import { ITEM, OP_NUMBER, type Token } from './tokens.js';

/** A report paragraph ends a sentence. */
function endsSentence(text: string): boolean {
  return /[。.；;：:！!？?]$/.test(text.replace(/[”’"')）\]]+$/, '').trimEnd());
}

const ZH_HEADING = /^[一二三四五六七八九十]+、\s*/;
const LETTER_HEADING = /^[A-Z]\s*[．.](?!\d)\s*(?=\S)/;
const ANNEX = /^(?:附件[一二三四五六七八九十]*|Annex(?:\s+[IVX]+)?)$/;
const NOTES = /^(?:注|Notes)$/;
const SUMMARY = /^(?:摘要|Summary)$/;
const REPORT_LABELS = /^(?:秘书长的报告|秘书长的说明|增编|Report of the Secretary-General|Note by the Secretary-General|Addendum)$/;

/** Whether a run of lines reads as a heading: short, no sentence in it, no closing stop. */
function headingLike(text: string): boolean {
  return text.length <= 90 && !/[。；;]/.test(text) && !/[，,：:。.；;]$/.test(text);
}

/** A note being read under "注"/"Notes": "n text", then its wrapped lines. */
interface OpenNote {
  marker: string;
  lines: string[];
}

/** An annex read as a table: its rows, and the lines seen (a header repeated at a page break is dropped). */
interface AnnexTable {
  rows: string[];
  seen: Set<string>;
}

/** Where in the report the reader is, with what that part is filling. */
type Phase =
  | { name: 'header' }
  | { name: 'summary'; summary: ParagraphBuilder }
  | { name: 'body' }
  | { name: 'notes'; open: OpenNote | null }
  | { name: 'annex'; table: AnnexTable };

export function parseReport(
  tokens: Token[],
  language: Language,
  metaTitle: string | undefined,
  warnings: string[],
): { paragraphs: ParsedParagraph[]; facts: Partial<HeaderFacts> } {
  const notes = new Map<string, string>();
  const built: ParagraphBuilder[] = [];
  const headerLines: string[] = [];
  const facts: Partial<HeaderFacts> = {};
  let cur: ParagraphBuilder | null = null;
  /** The heading being read; wrapped heading lines are joined onto it. */
  let heading: { lines: string[]; section: Section } | null = null;
  let phase: Phase = { name: 'header' };
  let section: Section = 'body';
  let expected = 1;
  /** Only the last annex's table becomes a paragraph, at the end: notes may follow it. */
  let lastTable: AnnexTable | null = null;
  let afterSep = false;
  let afterMarker = false;

  const flushHeading = () => {
    if (!heading) return;
    const text = unwrapLines(heading.lines);
    built.push(new ParagraphBuilder('heading', null, text, ''));
    built[built.length - 1].append(text);
    heading = null;
  };
  const closeNote = (note: OpenNote | null) => {
    if (note) notes.set(note.marker, unwrapLines(note.lines));
  };
  /** The text tokens from i on that would continue a heading begun at i. */
  const blockAt = (i: number): { text: string; next: Token | undefined } => {
    const lines = [cleanLine((tokens[i] as { text: string }).text)];
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.kind === 'blank') continue;
      if (t.kind !== 'text' || t.indent || startsStructure(t.text)) break;
      lines.push(cleanLine(t.text));
    }
    while (j < tokens.length && tokens[j].kind !== 'text') j++;
    return { text: unwrapLines(lines), next: tokens[j] };
  };
  const startsStructure = (text: string): boolean => {
    const n = OP_NUMBER.exec(text);
    return (
      (n !== null && Number(n[1]) === expected) ||
      ZH_HEADING.test(text) ||
      LETTER_HEADING.test(text) ||
      ANNEX.test(text) ||
      NOTES.test(text)
    );
  };
  /**
   * A numbered line that is a sub-heading although its number is the one the next
   * paragraph needs ("2. 会员国的援助" then "2. 自 2002 年…"): short, and followed
   * by a paragraph with that same number.
   */
  const isSubHeading = (i: number): boolean => {
    const { text, next } = blockAt(i);
    if (!headingLike(text) || next?.kind !== 'text') return false;
    const n = OP_NUMBER.exec(next.text);
    return n !== null && Number(n[1]) === expected;
  };
  const startsNumbered = (t: Token | undefined): boolean =>
    t?.kind === 'text' && (startsStructure(t.text) || (OP_NUMBER.test(t.text) && headingLike(t.text)));

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.kind === 'blank') continue;
    if (tok.kind === 'sep' || tok.kind === 'rule') {
      afterSep = true;
      afterMarker = false;
      if (heading) flushHeading();
      continue;
    }
    if (tok.kind === 'marker') {
      if (cur && phase.name === 'body') cur.mark(tok.marker);
      afterMarker = true;
      continue;
    }
    const sepBefore = afterSep;
    const markerBefore = afterMarker;
    afterSep = false;
    afterMarker = false;
    // Table columns are separated by spaces, so annex rows keep theirs.
    const text = phase.name === 'annex' ? collapseFourfold(tok.text).trim() : cleanLine(tok.text);
    if (!text) continue;

    if (phase.name === 'notes') {
      const note = /^(\d{1,3})\s+(.+)$/.exec(text);
      const next = phase.open ? String(Number(phase.open.marker) + 1) : '1';
      if (note && note[1] === next) {
        closeNote(phase.open);
        phase.open = { marker: note[1], lines: [note[2]] };
        continue;
      }
      if (ANNEX.test(text)) closeNote(phase.open);
      else {
        phase.open?.lines.push(text);
        continue;
      }
    }
    if (ANNEX.test(text)) {
      flushHeading();
      cur = null;
      lastTable = { rows: [], seen: new Set() };
      phase = { name: 'annex', table: lastTable };
      section = 'annex';
      built.push(new ParagraphBuilder('heading', null, text, ''));
      built[built.length - 1].append(text);
      expected = 1;
      continue;
    }
    if (NOTES.test(text) && phase.name !== 'header') {
      flushHeading();
      cur = null;
      phase = { name: 'notes', open: null };
      continue;
    }
    if (phase.name === 'header' || phase.name === 'summary') {
      if (SUMMARY.test(text)) {
        const summary = new ParagraphBuilder('body', null, 'summary', '');
        built.push(summary);
        phase = { name: 'summary', summary };
        continue;
      }
      if (!startsStructure(text)) {
        if (phase.name === 'summary') phase.summary.append(text);
        else headerLines.push(text);
        continue;
      }
      phase = { name: 'body' };
      cur = null;
    }

    const num = OP_NUMBER.exec(text);
    if (num && Number(num[1]) === expected && !isSubHeading(i)) {
      flushHeading();
      cur = new ParagraphBuilder(section, expected, `para. ${expected}`, '');
      cur.append(text.slice(num[0].length));
      built.push(cur);
      expected += 1;
      continue;
    }
    const item = ITEM.exec(text);
    if (item && cur && !heading && (cur.hasItems || /[：:]$/.test(cur.text))) {
      cur.newPart(item[1], text.slice(item[0].length));
      continue;
    }
    if (phase.name === 'annex') {
      // Table rows end with a figure; captions wrap like text.
      const { rows, seen } = phase.table;
      if (seen.has(text) && !/\d/.test(text)) continue;
      seen.add(text);
      const last = rows.length - 1;
      if (last >= 0 && !/[\d)）]$/.test(rows[last]) && !/\d/.test(text) && !/\s/.test(text)) {
        rows[last] = joinWrapped(rows[last], text);
      } else rows.push(text);
      continue;
    }
    const marked = ZH_HEADING.test(text) || LETTER_HEADING.test(text) || ((num || item) !== null && headingLike(text));
    if (heading && !marked && !tok.indent && !sepBefore) {
      heading.lines.push(text);
      continue;
    }
    const settled = !cur || endsSentence(cur.text) || heading !== null;
    if (marked || (settled && !markerBefore && headingLike(blockAt(i).text) && startsNumbered(blockAt(i).next))) {
      flushHeading();
      cur = null;
      heading = { lines: [text], section };
      continue;
    }
    if (heading) flushHeading();
    if (!cur) {
      warnings.push(`unnumbered text outside any paragraph kept as its own paragraph: "${text.slice(0, 30)}…"`);
      cur = new ParagraphBuilder(section, null, 'unnumbered', '');
      built.push(cur);
      cur.append(text);
      continue;
    }
    // A quotation or list set off after a colon starts its own line.
    if (tok.indent && /[：:]$/.test(cur.text)) cur.newPart('', text);
    else cur.append(text);
  }
  flushHeading();
  if (phase.name === 'notes') closeNote(phase.open);
  if (lastTable?.rows.length) {
    const table = new ParagraphBuilder('annex', null, 'annex', '');
    lastTable.rows.forEach((row, i) => (i === 0 ? table.append(row) : table.newPart('', row)));
    built.push(table);
  }

  // Title lines: what the header holds besides the kind of report.
  const titleLines = headerLines.filter((l) => !REPORT_LABELS.test(l));
  if (headerLines.some((l) => /^(?:秘书长的报告|秘书长的说明|Report of the Secretary-General|Note by the Secretary-General)$/.test(l))) {
    facts.body = 'Secretary-General';
  }
  // A report's header lines are often not its title: 003 starts mid-title, 004
  // shows the agenda item's title. So the manifest title wins here, and the
  // header text is used (with a warning) only when the manifest has none.
  const title = unwrapLines(titleLines);
  if (!title || metaTitle) {
    // nothing to say: the manifest gives the title, or nobody does (warned later)
  } else if (title.length < (language === 'zh' ? 6 : 15)) {
    warnings.push(`title: the text starts mid-title ("${title}"); not used as the title`);
  } else {
    facts.title = title;
    warnings.push(`title: taken from the header lines ("${title}"), which may be an agenda item's title rather than the report's`);
  }
  const symbol = headerLines.map((l) => /^([A-Z]\/[A-Z0-9.]+(?:\/[A-Z0-9.]+)+)$/.exec(l)?.[1]).find(Boolean);
  if (symbol) facts.symbol = symbol;

  const paragraphs = buildParagraphs(built, notes, warnings);
  return { paragraphs, facts };
}
