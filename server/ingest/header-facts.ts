// What the header of a text import says (symbol, session, title, body, date),
// the lines that open and close a resolution's body, and the merge of those facts
// with the manifest into a ParsedDocument. Shared by the PDF-text and Markdown importers.
import { formulaLanguage } from '../../core/languages/index.js';
import type { DocumentKind, Language, ParsedDocument, ParsedParagraph } from '../../core/model.js';
import type { SourceMetadata } from './source.js';
import { chineseNumeral, cleanLine, collapseFourfold, joinSpacedDigits, parseDate, stripInlineFurniture, unwrapLines } from './clean.js';

/** Bodies other than the General Assembly, whose formula every language profile knows. */
const OPENERS: [RegExp, string, Language][] = [
  [/^经济及社会理事会[，,]$/, 'ECOSOC', 'zh'],
  [/^人权理事会[，,]$/, 'Human Rights Council', 'zh'],
  [/^预防犯罪和刑事司法委员会[，,]$/, 'CCPCJ', 'zh'],
  [/^安全理事会[，,]$/, 'Security Council', 'zh'],
  [/^The Economic and Social Council,$/, 'ECOSOC', 'en'],
  [/^The Human Rights Council,$/, 'Human Rights Council', 'en'],
  [/^The Commission on Crime Prevention and Criminal Justice,$/, 'CCPCJ', 'en'],
  [/^The Security Council,$/, 'Security Council', 'en'],
];

/** The line that opens a resolution's body ("大会，", "The General Assembly,"), if it is one. */
export function bodyOpener(line: string): { body: string; language: Language } | null {
  const s = collapseFourfold(line).trim();
  const language = formulaLanguage(s);
  if (language) return { body: 'General Assembly', language };
  for (const [re, body, language] of OPENERS) if (re.test(s)) return { body, language };
  return null;
}

/**
 * The closing date line of a resolution, a date and nothing else: "2002年 12月 18日",
 * "18 December 2002", "5 décembre 2025", "5 de diciembre de 2025", "5 декабря 2025 года",
 * "5 كانون الأول/ديسمبر 2025".
 */
export function closingDate(line: string): string | null {
  const s = joinSpacedDigits(line).trim();
  if (
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(s) ||
    /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(s) ||
    /^\d{1,2}(?:er)? (?:de )?(?:[\p{L} ]+\/)?\p{L}+ (?:de )?\d{4}(?: года| г\.)?$/u.test(s)
  ) {
    return parseDate(s);
  }
  return null;
}

/**
 * The meeting line that closes a resolution, not a paragraph: "第 77 次全体会议", "18th plenary
 * meeting", "55e séance plénière", "55a sesión plenaria", "55-е пленарное заседание", "الجلسة العامة 55".
 */
export function isMeetingLine(line: string): boolean {
  const s = line.trim();
  return (
    /^第\s*\d+\s*次全体会议$/.test(s) ||
    /^\d+(?:st|nd|rd|th) plenary meeting$/i.test(s) ||
    /^\d+(?:e|re|ème)\s+séance plénière$/iu.test(s) ||
    /^\d+(?:a|ª|\.ª)\s+sesión plenaria$/iu.test(s) ||
    /^\d+[-‑]?(?:е|м|й)\s+пленарное заседание$/iu.test(s) ||
    /^الجلسة العامة\s+\d+$/u.test(s)
  );
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
