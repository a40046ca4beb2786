// Imports text extracted from a UN PDF (resolution or report) into a ParsedDocument:
// finds the header facts, the paragraphs and their footnotes in the line soup that
// extraction leaves behind. Pure: text in, document out. The header reading and
// paragraph assembly here are shared with the Markdown importer.
import type { DocumentKind, Footnote, Language, ParsedDocument, ParsedParagraph, Section, SubItem } from '../model.js';
import { ImportError, type ImportResult, type SourceMetadata } from './source.js';
import {
  OP_LEADS_EN,
  OP_LEADS_ZH,
  PP_LEADS_EN,
  PP_LEADS_ZH,
  chineseNumeral,
  cleanLine,
  collapseFourfold,
  fourfoldLead,
  isBareMarker,
  isFootnoteRule,
  isFurniture,
  joinSpacedDigits,
  joinWrapped,
  lexiconLead,
  parseDate,
  stripInlineFurniture,
  unwrapLines,
} from './clean.js';

// ---------------------------------------------------------------------------
// Paragraph assembly, shared with markdown.ts.

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
  return /[，,；;。.：:]\s*$/.test(text.replace(/[”’"')）\]]+$/, ''));
}

/** A report paragraph ends a sentence. */
function endsSentence(text: string): boolean {
  return /[。.；;：:！!？?]$/.test(text.replace(/[”’"')）\]]+$/, '').trimEnd());
}

const OPENERS: [RegExp, string, Language][] = [
  [/^大会[，,]$/, 'General Assembly', 'zh'],
  [/^经济及社会理事会[，,]$/, 'ECOSOC', 'zh'],
  [/^人权理事会[，,]$/, 'Human Rights Council', 'zh'],
  [/^预防犯罪和刑事司法委员会[，,]$/, 'CCPCJ', 'zh'],
  [/^安全理事会[，,]$/, 'Security Council', 'zh'],
  [/^The General Assembly,$/, 'General Assembly', 'en'],
  [/^The Economic and Social Council,$/, 'ECOSOC', 'en'],
  [/^The Human Rights Council,$/, 'Human Rights Council', 'en'],
  [/^The Commission on Crime Prevention and Criminal Justice,$/, 'CCPCJ', 'en'],
  [/^The Security Council,$/, 'Security Council', 'en'],
];

/** The line that opens a resolution's body ("大会，", "The General Assembly,"), if it is one. */
export function bodyOpener(line: string): { body: string; language: Language } | null {
  const s = collapseFourfold(line).trim();
  for (const [re, body, language] of OPENERS) if (re.test(s)) return { body, language };
  return null;
}

/** The closing date line of a resolution ("2002年 12月 18日", "18 December 2002"). */
export function closingDate(line: string): string | null {
  const s = joinSpacedDigits(line).trim();
  if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(s) || /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(s)) {
    return parseDate(s);
  }
  return null;
}

/** "18th plenary meeting", "第 77 次全体会议": closes a resolution, not a paragraph. */
export function isMeetingLine(line: string): boolean {
  return /^第\s*\d+\s*次全体会议$/.test(line.trim()) || /^\d+(?:st|nd|rd|th) plenary meeting$/i.test(line.trim());
}

const EN_UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const EN_TENS = ['', '', 'twent', 'thirt', 'fort', 'fift', 'sixt', 'sevent', 'eight', 'ninet'];

/** "Fifty-seventh" → 57 (English session ordinals). */
function englishOrdinal(word: string): number | null {
  const w = word.toLowerCase();
  for (let t = 2; t < 10; t++) {
    if (w === `${EN_TENS[t]}ieth`) return t * 10;
    for (let u = 1; u < 10; u++) if (w === `${EN_TENS[t]}y-${EN_UNITS[u]}`) return t * 10 + u;
  }
  return null;
}

/** What a header says about its document; every field may be absent. */
export interface HeaderFacts {
  symbol: string | null;
  /** "57/173" from the title line: session and number, when printed. */
  titleNumber: string | null;
  title: string | null;
  session: number | null;
  date: string | null;
  body: string | null;
  agendaItem: string | null;
}

/**
 * Reads the header lines of a resolution (cleaned, one line each): symbol,
 * session, agenda item, adoption date, body and the "57/173. Title" line with its
 * wrapped continuation.
 */
export function readHeader(lines: string[]): HeaderFacts {
  const facts: HeaderFacts = {
    symbol: null, titleNumber: null, title: null, session: null, date: null, body: null, agendaItem: null,
  };
  const titleLines: string[] = [];
  let inTitle = false;
  for (const raw of lines) {
    const line = cleanLine(stripInlineFurniture(raw));
    if (!line) continue;
    const title = /^(\d{1,3}\/\d{1,4})\s*[.．]\s*(.+)$/.exec(line);
    if (title) {
      facts.titleNumber = title[1];
      titleLines.push(title[2]);
      inTitle = true;
      continue;
    }
    if (inTitle) {
      titleLines.push(line);
      continue;
    }
    const symbol = /\b([A-Z]\/RES\/\d+\/\d+(?:\s?[A-Z]\b)?)/.exec(line);
    if (symbol && !facts.symbol) facts.symbol = symbol[1];
    const sessionZh = /第([〇零一二两三四五六七八九十百]+)届会议/.exec(line);
    if (sessionZh && facts.session === null) facts.session = chineseNumeral(sessionZh[1]);
    const sessionEn = /\b([A-Za-z]+(?:-[a-z]+)?) session\b/.exec(line);
    if (sessionEn && facts.session === null) facts.session = englishOrdinal(sessionEn[1]);
    const agenda = /(?:议程项目|Agenda item)\s*(\d+[\w()]*)/i.exec(line);
    if (agenda && !facts.agendaItem) facts.agendaItem = agenda[1];
    if (/^(?:大会|联合国大会)(?:决议)?$|大会决议|General Assembly|Resolution adopted by the General Assembly/.test(line)) {
      facts.body ??= 'General Assembly';
    }
    // "2007 年 12 月 18 日大会决议" / "Resolution adopted … on 18 December 2002": the adoption date.
    if (/决议|adopted/i.test(line) && !facts.date) facts.date = parseDate(line);
  }
  if (titleLines.length) facts.title = unwrapLines(titleLines);
  if (facts.titleNumber && facts.session === null) facts.session = Number(facts.titleNumber.split('/')[0]);
  return facts;
}

/** Chinese when most letters are ideographs. */
export function detectLanguage(text: string): Language {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return han >= latin ? 'zh' : 'en';
}

/**
 * Merges what the text says with the manifest: the text wins, the manifest fills
 * gaps, and every gap that stays open (or disagreement) becomes a warning.
 */
export function assembleDocument(
  facts: HeaderFacts,
  meta: SourceMetadata,
  opts: { source: string; kind: DocumentKind; language: Language; paragraphs: ParsedParagraph[]; warnings: string[] },
): ParsedDocument {
  const { warnings } = opts;
  const pick = <T>(name: string, fromText: T | null, fromMeta: T | null | undefined): T | null => {
    if (fromText !== null && fromMeta != null && fromMeta !== fromText) {
      warnings.push(`${name}: the text says ${JSON.stringify(fromText)}, the manifest ${JSON.stringify(fromMeta)}; the text is kept`);
    }
    return fromText ?? fromMeta ?? null;
  };
  let symbol = pick('symbol', facts.symbol, meta.symbol);
  if (!symbol && facts.titleNumber && facts.body === 'General Assembly' && opts.kind === 'resolution') {
    // The title line's "62/175" is the GA resolution number: the symbol follows from it.
    symbol = `A/RES/${facts.titleNumber}`;
    warnings.push(`symbol: no symbol line in the text; ${symbol} derived from the title number ${facts.titleNumber}`);
  } else if (!symbol) warnings.push('symbol: neither the text nor the manifest gives the symbol');
  const title = pick('title', facts.title, meta.title);
  if (!title) warnings.push('title: neither the text nor the manifest gives the title');
  const body = pick('body', facts.body, meta.body);
  if (!body) warnings.push('body: neither the text nor the manifest says which body issued the document');
  const session = pick('session', facts.session, meta.session);
  if (session === null && opts.kind !== 'report') warnings.push('session: not stated in the text or the manifest');
  const date = pick('date', facts.date, meta.date);
  if (!date) warnings.push('date: neither the text nor the manifest gives the date');
  const doc: ParsedDocument = {
    symbol,
    title: title ?? '',
    language: opts.language,
    kind: opts.kind,
    body: body ?? '',
    session,
    date,
    source: opts.source,
    paragraphs: opts.paragraphs,
  };
  if (facts.agendaItem) doc.agendaItem = facts.agendaItem;
  return doc;
}

// ---------------------------------------------------------------------------
// Lines of extracted PDF text.

type Token =
  | { kind: 'blank' }
  /** A line holding only a space or two: extraction's mark between blocks. */
  | { kind: 'sep' }
  /** The long run of spaces over a footnote block. */
  | { kind: 'rule' }
  | { kind: 'marker'; marker: string }
  | { kind: 'text'; raw: string; text: string; indent: boolean };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n')) {
    if (isFootnoteRule(raw)) tokens.push({ kind: 'rule' });
    else if (!raw.trim()) tokens.push(raw.length ? { kind: 'sep' } : { kind: 'blank' });
    else if (isFurniture(raw)) continue;
    else if (isBareMarker(raw)) tokens.push({ kind: 'marker', marker: raw.trim() });
    else tokens.push({ kind: 'text', raw, text: raw.trim(), indent: /^\s/.test(raw) });
  }
  return tokens;
}

// "16．2003 年期间" is paragraph 16, but "4.13、4.14" at the start of a wrapped line is not.
const OP_NUMBER = /^(\d{1,3})\s*(?:．|\.(?!\d))\s*/;
const ITEM = /^\(([a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\)\s*/;

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

// ---------------------------------------------------------------------------
// Resolutions.

function parseResolution(
  tokens: Token[],
  openerAt: number,
  language: Language,
  warnings: string[],
): { paragraphs: ParsedParagraph[]; closing: string | null } {
  const ppLeads = language === 'zh' ? PP_LEADS_ZH : PP_LEADS_EN;
  const opLeads = language === 'zh' ? OP_LEADS_ZH : OP_LEADS_EN;
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
      cur.newPart(`(${item[1]})`, cleanLine(tok.text.slice(item[0].length)));
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

  const missing = new Set<string>();
  const paragraphs = built.filter((b) => !b.isEmpty).map((b) => b.build(notes, missing));
  if (missing.size) warnings.push(`footnotes: no text found for marker(s) ${[...missing].join(', ')}`);
  for (const p of paragraphs) {
    if (!p.lead) warnings.push(`${p.label}: no lead phrase recognised`);
  }
  return { paragraphs, closing };
}

// ---------------------------------------------------------------------------
// Reports.

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

function parseReport(
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
  let phase: 'header' | 'summary' | 'body' | 'notes' | 'annex' = 'header';
  let section: Section = 'body';
  let expected = 1;
  let noteAt: { marker: string; lines: string[] } | null = null;
  let annex: { rows: string[]; seen: Set<string> } | null = null;
  let afterSep = false;
  let afterMarker = false;

  const flushHeading = () => {
    if (!heading) return;
    const text = unwrapLines(heading.lines);
    built.push(new ParagraphBuilder('heading', null, text, ''));
    built[built.length - 1].append(text);
    heading = null;
  };
  const flushNote = () => {
    if (noteAt) notes.set(noteAt.marker, unwrapLines(noteAt.lines));
    noteAt = null;
  };
  const flushAnnex = () => {
    if (!annex?.rows.length) return;
    const b = new ParagraphBuilder('annex', null, 'annex', '');
    annex.rows.forEach((row, i) => (i === 0 ? b.append(row) : b.newPart('', row)));
    built.push(b);
    annex = null;
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
      if (cur && phase === 'body') cur.mark(tok.marker);
      afterMarker = true;
      continue;
    }
    const sepBefore = afterSep;
    const markerBefore = afterMarker;
    afterSep = false;
    afterMarker = false;
    // Table columns are separated by spaces, so annex rows keep theirs.
    const text = phase === 'annex' ? collapseFourfold(tok.text).trim() : cleanLine(tok.text);
    if (!text) continue;

    if (phase === 'notes') {
      const note = /^(\d{1,3})\s+(.+)$/.exec(text);
      const open = noteAt as { marker: string; lines: string[] } | null;
      const next: string = open ? String(Number(open.marker) + 1) : '1';
      if (note && note[1] === next) {
        flushNote();
        noteAt = { marker: note[1], lines: [note[2]] };
        continue;
      }
      if (ANNEX.test(text)) flushNote();
      else {
        open?.lines.push(text);
        continue;
      }
    }
    if (ANNEX.test(text)) {
      flushHeading();
      cur = null;
      phase = 'annex';
      section = 'annex';
      built.push(new ParagraphBuilder('heading', null, text, ''));
      built[built.length - 1].append(text);
      annex = { rows: [], seen: new Set() };
      expected = 1;
      continue;
    }
    if (NOTES.test(text) && phase !== 'header') {
      flushHeading();
      cur = null;
      phase = 'notes';
      continue;
    }
    if (phase === 'header' || phase === 'summary') {
      if (SUMMARY.test(text)) {
        phase = 'summary';
        cur = new ParagraphBuilder('body', null, 'summary', '');
        built.push(cur);
        continue;
      }
      if (!startsStructure(text)) {
        if (phase === 'summary') cur!.append(text);
        else headerLines.push(text);
        continue;
      }
      phase = 'body';
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
      cur.newPart(`(${item[1]})`, text.slice(item[0].length));
      continue;
    }
    if (phase === 'annex') {
      // Table rows end with a figure; captions wrap like text. A table header
      // repeated at a page break is dropped.
      if (annex!.seen.has(text) && !/\d/.test(text)) continue;
      annex!.seen.add(text);
      const last = annex!.rows.length - 1;
      if (last >= 0 && !/[\d)）]$/.test(annex!.rows[last]) && !/\d/.test(text) && !/\s/.test(text)) {
        annex!.rows[last] = joinWrapped(annex!.rows[last], text);
      } else annex!.rows.push(text);
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
  flushNote();
  flushAnnex();

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

  const missing = new Set<string>();
  const paragraphs = built.filter((b) => !b.isEmpty).map((b) => b.build(notes, missing));
  if (missing.size) warnings.push(`footnotes: no text found for marker(s) ${[...missing].join(', ')}`);
  return { paragraphs, facts };
}

// ---------------------------------------------------------------------------

/**
 * Imports the text extracted from one PDF: a resolution (header, "大会，", PPs,
 * OPs, closing) or a report (numbered paragraphs, headings, notes, annex). What the
 * text does not say is taken from meta; what neither says is left null and warned.
 */
export function importPdfText(text: string, source: string, meta: SourceMetadata = {}): ImportResult {
  if (!text.trim()) throw new ImportError(source, 'the text is empty');
  const warnings: string[] = [];
  const tokens = tokenize(text);
  const openerAt = tokens.findIndex((t) => t.kind === 'text' && bodyOpener(t.text) !== null);
  const language = meta.language ?? detectLanguage(text);
  const detected: DocumentKind = openerAt >= 0 ? 'resolution' : 'report';
  const kind = meta.kind ?? detected;

  let paragraphs: ParsedParagraph[];
  let facts: HeaderFacts;
  if (openerAt >= 0 && kind !== 'report') {
    const headerLines = tokens.slice(0, openerAt).flatMap((t) => (t.kind === 'text' ? [t.raw] : []));
    facts = readHeader(headerLines);
    const opener = bodyOpener((tokens[openerAt] as { text: string }).text)!;
    facts.body ??= opener.body;
    const parsed = parseResolution(tokens, openerAt, language, warnings);
    paragraphs = parsed.paragraphs;
    facts.date ??= parsed.closing;
    if (!paragraphs.some((p) => p.section === 'operative')) warnings.push('no operative paragraphs found');
  } else {
    if (kind !== 'report') warnings.push(`kind is ${kind} but the text has no "大会，"/"The General Assembly," opener; read as a report`);
    const parsed = parseReport(tokens, language, meta.title, warnings);
    paragraphs = parsed.paragraphs;
    facts = { symbol: null, titleNumber: null, title: null, session: null, date: null, body: null, agendaItem: null, ...parsed.facts };
  }
  if (!paragraphs.length) throw new ImportError(source, 'no paragraphs found');
  const doc = assembleDocument(facts, meta, { source, kind, language, paragraphs, warnings });
  return { documents: [doc], warnings };
}
