// Small pure text-cleaning steps shared by the importers: undo what PDF extraction
// and format conversion do to UN documents (four-fold bold glyphs, spaced digits,
// hard wraps, page furniture) and recognise the few textual facts every importer
// needs (dates, Chinese numerals). No I/O, no document structure. Lead phrases
// and what counts as Chinese text are the language profiles' (core/).
import { isCjk, isCjkCore } from '../../core/languages/index.js';

/**
 * Collapses glyphs that PDF extraction drew four times (how bold CJK text comes
 * out): per phrase "回顾回顾回顾回顾" → "回顾", per character "联联联联合合合合国国国国" →
 * "联合国", also when the runs are spread apart by spaces ("大大大大    会会会会").
 * Only four-fold runs go: a word that genuinely repeats (谢谢) stays.
 */
export function collapseFourfold(s: string): string {
  return s
    .replace(/(\p{Script=Han}{2,16}?)\1{3}/gu, '$1')
    .replace(/(\p{Script=Han})\1{3}[ \t\u3000]*(?=(\p{Script=Han})\2{3})/gu, '$1')
    .replace(/(\p{Script=Han})\1{3}/gu, '$1');
}

/**
 * The bold opening phrase of a line, read from its four-fold glyph run: the run
 * says exactly where the emphasised lead ends, which no lexicon can. Returns null
 * when the line does not open with a four-fold run.
 */
export function fourfoldLead(line: string): { lead: string; rest: string } | null {
  const s = line.replace(/^\s+/, '');
  const phrase = /^(\p{Script=Han}{2,16}?)\1{3}/u.exec(s);
  if (phrase) return { lead: phrase[1], rest: s.slice(phrase[0].length) };
  const chars = /^(?:(\p{Script=Han})\1{3})+/u.exec(s);
  if (chars) return { lead: collapseFourfold(chars[0]), rest: s.slice(chars[0].length) };
  return null;
}

/**
 * Joins digits that extraction spread apart ("2 0 0 7 年 1 2 月" → "2007 年 12 月").
 * Only runs of single digits separated by single spaces are joined, so grouped
 * thousands ("13 626 894") and ordinary numbers next to each other stay apart.
 */
export function joinSpacedDigits(s: string): string {
  return s.replace(/(?<![\d.,/])\d(?: \d)+(?![\d.,/])/g, (run) => run.replace(/ /g, ''));
}

/**
 * Removes spaces that extraction put between Chinese characters ("联 合 国 预 防"):
 * Chinese running text never has them. Spaces between a character and a Latin
 * word or a number ("2007 年") are the normal typesetting and stay.
 */
export function dropCjkGaps(s: string): string {
  return s.replace(
    /(\S)[ \t\u00a0\u3000]+(?=(\S))/gu,
    (gap, left: string, right: string) =>
      (isCjkCore(left) && isCjk(right)) || (isCjk(left) && isCjkCore(right)) ? left : gap,
  );
}

/** The clean-up every text line gets: glyph runs, spread digits, gaps, edge spaces. */
export function cleanLine(s: string): string {
  return dropCjkGaps(joinSpacedDigits(collapseFourfold(s.replace(/\u00a0/g, ' ')))).trim();
}

/**
 * Joins a hard-wrapped line onto the text before it: Chinese joins with no space,
 * Latin with one; a wrap after "/", "_" or "-" (inside a URL or symbol such as
 * "E/CN.7/2019/2-" + "E/CN.15/2019/2") joins with none.
 */
export function joinWrapped(before: string, after: string): string {
  const a = before.replace(/\s+$/, '');
  const b = after.replace(/^\s+/, '');
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (isCjk(last) || isCjk(first) || /[/_-]/.test(last)) return a + b;
  return `${a} ${b}`;
}

/** Unwraps a run of hard-wrapped lines into one line (see joinWrapped). */
export function unwrapLines(lines: string[]): string {
  return lines.reduce((text, line) => joinWrapped(text, line), '').trim();
}

const FURNITURE: RegExp[] = [
  /^\d{2}[- ]\d{5}(?:\s*\([A-Z]\))?(?:\s+\*\d+\*)?$/, // job number "02 54959", "04-12345 (C)"
  /^[A-Z]\.\d{2}-\d{5}$/, // Vienna job number "V.19-03785"
  /^\*\d{7,}\*$/, // bar-code text
  /^Distr\.?:\s*\w+$/i,
  /^https?:\/\/\S+$/i, // link lines under the page ("http://undocs.org/ch/E/CN.7/2019/2")
  /^\d{1,3}\s*\/\s*\d{1,3}$/, // page "2/10"
  /^[-–—]\s*\d{1,3}\s*[-–—]$/, // page "- 2 -"
  /^(?:Page|第)\s*\d{1,3}\s*页?$/i,
  /^[-–—_=]{3,}$/, // rules under the text block
];

/**
 * Whether a (trimmed) line is page furniture rather than text: job numbers,
 * distribution marks, page numbers, link lines, rules. Bare numbers are NOT
 * furniture here: in extracted UN text they are nearly always footnote markers.
 */
export function isFurniture(line: string): boolean {
  const s = line.trim();
  if (!s) return false;
  return FURNITURE.some((re) => re.test(s));
}

/** Strips furniture that shares a line with header text ("大会 Distr.: General"). */
export function stripInlineFurniture(line: string): string {
  return line.replace(/\s*Distr\.?:\s*(?:General|Limited|Restricted)\s*/gi, ' ').trimEnd();
}

/** A standalone superscript footnote marker as PDF extraction leaves it: "1", "12 ". */
export function isBareMarker(line: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(line);
}

/** The separator over a footnote block: a long run of spaces on its own line. */
export function isFootnoteRule(line: string): boolean {
  return /^[ \t]{10,}$/.test(line);
}

/**
 * The form text is compared in, for search and matching only (display keeps the
 * original widths): NFKC folds full-width letters, digits and punctuation to their
 * usual forms ("１．" → "1.", "，" → ","), white space collapses to one space, and
 * spaces beside Chinese characters go ("2007 年" ≡ "2007年").
 */
export function normalizeForMatching(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
    .trim();
}

// ---------------------------------------------------------------------------
// Textual facts: lead phrases, dates, numerals.

const ZH_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numerals up to the hundreds ("五十七" → 57, "一百零五" → 105); null if not one. */
export function chineseNumeral(s: string): number | null {
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = ZH_DIGITS[ch];
  }
  return total + digit;
}

const MONTHS_EN = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Month names as the other official languages write a date: French, Spanish,
 * Russian (genitive: "5 декабря 2025 года") and Arabic (the Gregorian name after
 * the slash: "5 كانون الأول/ديسمبر 2025"; both spellings of June and July).
 */
const MONTHS_OTHER: Record<string, number> = Object.fromEntries(
  [
    ['janvier', 'enero', 'января', 'يناير'], ['février', 'febrero', 'февраля', 'فبراير'], ['mars', 'marzo', 'марта', 'مارس'],
    ['avril', 'abril', 'апреля', 'أبريل'], ['mai', 'mayo', 'мая', 'مايو'], ['juin', 'junio', 'июня', 'يونيه', 'يونيو'],
    ['juillet', 'julio', 'июля', 'يوليه', 'يوليو'], ['août', 'agosto', 'августа', 'أغسطس'], ['septembre', 'septiembre', 'сентября', 'سبتمبر', 'setiembre'],
    ['octobre', 'octubre', 'октября', 'أكتوبر'], ['novembre', 'noviembre', 'ноября', 'نوفمبر'], ['décembre', 'diciembre', 'декабря', 'ديسمبر'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1])),
);

/**
 * The first date a text states, as yyyy-mm-dd: "2002年 12月 18日", "18 December 2002",
 * "1er décembre 2025", "5 de diciembre de 2025", "5 декабря 2025 года", "5 كانون الأول/ديسمبر 2025".
 */
export function parseDate(s: string): string | null {
  const t = joinSpacedDigits(s);
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(t);
  if (zh) return iso(+zh[1], +zh[2], +zh[3]);
  const en = /\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/.exec(t);
  if (en) {
    const m = MONTHS_EN.indexOf(en[2].toLowerCase());
    if (m >= 0) return iso(+en[3], m + 1, +en[1]);
  }
  const other = /(?<!\d)(\d{1,2})(?:er)?\s+(?:de\s+)?(?:[\p{L} ]+\/)?(\p{L}+)\s+(?:de\s+)?(\d{4})(?!\d)/u.exec(t);
  if (other) {
    const m = MONTHS_OTHER[other[2].toLowerCase()];
    if (m) return iso(+other[3], m, +other[1]);
  }
  return null;
}
