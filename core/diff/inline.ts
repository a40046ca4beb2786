// Inline changes inside one paragraph pair, as a negotiator reads them: jsdiff by
// character for Chinese (no spaces to split on; numbers and symbols whole), by word through
// Intl.Segmenter for every other language, with updated dates, symbols and
// session numbers marked `routine` and changes of letter case or spacing marked
// `editorial` so that the substantive edits stand out.
// Pure and browser-safe: the web app, drafts and the .docx writer share it.
import { diffArrays } from 'diff';
import { isCharacterLanguage } from '../languages/index.js';
import type { ChangeType } from './kinds.js';

export type { ChangeType };

export interface InlineChange {
  type: ChangeType;
  text: string;
  /** Only on insert/delete: true when the edit merely updates a date, symbol or session number, or is editorial. */
  routine?: boolean;
  /** Only on insert/delete: true when the edit changes nothing but letter case, spacing or character width. */
  editorial?: boolean;
}


const segmenters = new Map<string, Intl.Segmenter>();
/** One word segmenter per language, reused (creating one costs more than segmenting a paragraph). */
export function wordSegmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, s);
  }
  return s;
}

// Runs kept whole by the character diff: numbers, symbols and Latin words
// ("2022", "78/229", "A/RES/78/229", "COVID-19"), so that an update reads
// "2022→2024", never "202[2→4]". Every other character is a token of its own.
const CHARACTER_RUN = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+(?:[./\-－．／][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+)*|[\s\S]/gu;

/** Character tokens for Chinese and Japanese, numbers and symbols whole; joining them gives the text back. */
export function characterTokens(text: string): string[] {
  return text.match(CHARACTER_RUN) ?? [];
}

/** Word tokens with the white space and punctuation between them kept as tokens, so joining them gives the text back exactly. */
export function wordTokens(text: string, language: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter(language).segment(text)) out.push(s.segment);
  return out;
}

// ---------------------------------------------------------------------------
// Routine spans: the parts of a paragraph that a rollover updates mechanically.

const EN_ORDINAL =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)';
const EN_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
// Each pattern has a cheap guard: most paragraphs lack most of them, and the
// Unicode-class patterns are costly to scan for nothing.
const ROUTINE_PATTERNS: Array<[RegExp, RegExp]> = [
  // Document symbols: A/RES/78/229, E/CN.15/2024/L.3/Rev.1, A/C.3/80/L.3, and bare 78/229.
  [/\//, /(?:[A-Z]{1,6}(?:\.\d+)?\/)*\d{1,4}\/[0-9A-Za-z.]+(?:\/[0-9A-Za-z.]+)*/g],
  [/\//, /\b[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Z0-9][A-Za-z0-9.]*)+/g],
  // Years and year ranges (2024–2025), with the Chinese 年 and full dates 2023年12月19日.
  [/\d/, /(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)?\d{2,4})?(?:\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)?/g],
  [/月/, /\d{1,2}\s*月\s*\d{1,2}\s*日/g],
  // English dates: 19 December 2023, December 2023, December 19, 2023.
  [/(?:uary|March|April|May|June|July|August|ber)\b/, new RegExp(`\\b(?:\\d{1,2}\\s+)?${EN_MONTH}(?:\\s+\\d{1,2},?)?(?:\\s+(?:19|20)\\d{2})?\\b`, 'g')],
  // Sessions and meetings: 第七十八届 / 第 78 次, "seventy-eighth session", "78th meeting".
  [/[届次]/, /第\s*[一二三四五六七八九十百零〇两\d]+\s*(?:届|次)/g],
  // An ordinal counts when a session or meeting follows closely ("seventy-ninth and eightieth sessions").
  [/session|meeting/i, new RegExp(`\\b(?:${EN_ORDINAL}|\\d+(?:st|nd|rd|th))(?=[^.;:]{0,40}?\\b(?:session|sessions|meeting|meetings)\\b)`, 'gi')],
  // French / Spanish / Russian session ordinals ("quatre-vingtième session", "octogésimo período", "восьмидесятой сессии").
  [/i[èe]me session/i, /[\p{L}-]+(?:ième|ieme)(?=\s+session)/giu],
  [/ período/i, /[\p{L}]+(?:ésimo|ésima|avo|ava)(?:\s+[\p{L}]+(?:o|a))?(?=\s+período)/giu],
  [/ сесси/i, /[\p{L}]+(?:ой|ая|ую|ом)(?=\s+сесси)/giu],
];

/** [start, end) ranges of `text` that a rollover updates: symbols, dates, session and meeting numbers. */
export function routineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [guard, re] of ROUTINE_PATTERNS) {
    if (!guard.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  return spans.sort((x, y) => x[0] - y[0]);
}

// Characters that may sit in a routine edit without making it substantive:
// white space, punctuation and the words that string a list of recalled
// resolutions together ("… and 78/229 of 19 December 2023", "和2023年12月19日第78/229号").
const NEUTRAL = /^[\s\p{P}\p{S}]*$/u;
const CONNECTIVES = /\b(?:and|of|et|de|du|des|del|y|и|от|و)\b|以及|和|及|与|、|第|号/gu;

function covered(text: string, start: number, end: number, spans: Array<[number, number]>): boolean {
  // Keep the characters of [start, end) that no routine span covers; they must be neutral.
  let rest = '';
  let pos = start;
  for (const [s, e] of spans) {
    if (e <= pos) continue;
    if (s >= end) break;
    if (s > pos) rest += text.slice(pos, s);
    pos = Math.max(pos, e);
    if (pos >= end) break;
  }
  if (pos < end) rest += text.slice(pos, end);
  return NEUTRAL.test(rest.replace(CONNECTIVES, ' '));
}

/**
 * Editorial edits are routine too: a change of letter case ("parties" →
 * "Parties", the UN's house style since 2024) or of punctuation width/spacing
 * is never negotiated.
 */
function editorial(del: string, ins: string): boolean {
  if (!del && !ins) return false;
  const n = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  // A space added or removed alone ("States  parties", a no-break space) is editorial too.
  return n(del) === n(ins) && (n(del) !== '' || /^\s+$/u.test(del + ins));
}

/** The edit overlaps a routine span or borders one (", " → " and " between two symbols of a list). */
function touchesSpan(start: number, end: number, spans: Array<[number, number]>): boolean {
  return spans.some(([s, e]) => s <= end && e >= start);
}

// ---------------------------------------------------------------------------

interface RawPart {
  type: ChangeType;
  text: string;
}

/**
 * Folds tiny equal runs between two edits into the edits: "第 6[1→9]/1[81→97] 号"
 * reads better (and is judged routine as one edit) as "第 6[1/181→9/197] 号".
 */
function cleanup(parts: RawPart[], charMode: boolean): RawPart[] {
  const isTiny = (t: string) => (charMode ? t.length <= 2 : /^[\s\p{P}]{0,3}$/u.test(t) && t.length <= 3);
  const folded: RawPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.type === 'equal' && i > 0 && i < parts.length - 1 && parts[i - 1].type !== 'equal' && parts[i + 1].type !== 'equal' && isTiny(p.text)) {
      folded.push({ type: 'delete', text: p.text }, { type: 'insert', text: p.text });
    } else folded.push(p);
  }
  // Within each run of edits, one delete then one insert.
  const out: RawPart[] = [];
  for (let i = 0; i < folded.length; ) {
    if (folded[i].type === 'equal') {
      const last = out[out.length - 1];
      if (last?.type === 'equal') last.text += folded[i].text;
      else if (folded[i].text) out.push({ ...folded[i] });
      i++;
      continue;
    }
    let del = '';
    let ins = '';
    while (i < folded.length && folded[i].type !== 'equal') {
      if (folded[i].type === 'delete') del += folded[i].text;
      else ins += folded[i].text;
      i++;
    }
    if (del) out.push({ type: 'delete', text: del });
    if (ins) out.push({ type: 'insert', text: ins });
  }
  return out;
}

/**
 * The inline changes turning `a` into `b`. Joining the equal+delete texts gives
 * `a` back, equal+insert gives `b`. Each edit (a delete, an insert, or a delete
 * followed by its insert) is marked `routine` when it only updates symbols,
 * dates or session numbers.
 */
export function inlineDiff(a: string, b: string, language: string): InlineChange[] {
  if (a === b) return a ? [{ type: 'equal', text: a }] : [];
  const charMode = isCharacterLanguage(language);
  let raw: RawPart[];
  if (charMode) {
    raw = diffArrays(characterTokens(a), characterTokens(b)).map((c) => ({ type: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') }));
  } else {
    // Word tokens from Intl.Segmenter diffed as arrays: exact reconstruction of
    // spacing, which diffWords' own white-space heuristics do not guarantee.
    // Segmenting is the costly part, so the common head and tail (cut at white
    // space, hence at a word boundary in both texts) are kept out of it.
    let head = 0;
    const max = Math.min(a.length, b.length);
    while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
    while (head > 0 && !/\s/.test(a[head - 1])) head--;
    let tail = 0;
    while (tail < max - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
    while (tail > 0 && !/\s/.test(a[a.length - tail])) tail--;
    const midA = a.slice(head, a.length - tail);
    const midB = b.slice(head, b.length - tail);
    raw = diffArrays(wordTokens(midA, language), wordTokens(midB, language)).map((c) => ({
      type: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
      text: c.value.join(''),
    }));
    if (head) raw.unshift({ type: 'equal', text: a.slice(0, head) });
    if (tail) raw.push({ type: 'equal', text: a.slice(a.length - tail) });
  }
  const parts = cleanup(raw, charMode);
  const spansA = routineSpans(a);
  const spansB = routineSpans(b);
  const out: InlineChange[] = [];
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < parts.length; ) {
    const p = parts[i];
    if (p.type === 'equal') {
      out.push({ type: 'equal', text: p.text });
      pa += p.text.length;
      pb += p.text.length;
      i++;
      continue;
    }
    const del = p.type === 'delete' ? p : null;
    const ins = del ? (parts[i + 1]?.type === 'insert' ? parts[i + 1] : null) : p;
    const delEnd = pa + (del?.text.length ?? 0);
    const insEnd = pb + (ins?.text.length ?? 0);
    // Routine: every character is inside a routine span (or neutral), and the edit
    // actually touches one: a lone inserted comma is not a routine update.
    const isEditorial = editorial(del?.text ?? '', ins?.text ?? '');
    const routine =
      isEditorial ||
      (covered(a, pa, delEnd, spansA) &&
      covered(b, pb, insEnd, spansB) &&
        (touchesSpan(pa, delEnd, spansA) || touchesSpan(pb, insEnd, spansB)));
    const mark = isEditorial ? { routine, editorial: true } : { routine };
    if (del) out.push({ type: 'delete', text: del.text, ...mark });
    if (ins) out.push({ type: 'insert', text: ins.text, ...mark });
    pa = delEnd;
    pb = insEnd;
    i += del && ins ? 2 : 1;
  }
  return out;
}

/** True when every edit of `changes` is routine (and there is at least one). */
export function onlyRoutine(changes: InlineChange[]): boolean {
  const edits = changes.filter((c) => c.type !== 'equal');
  return edits.length > 0 && edits.every((c) => c.routine);
}
