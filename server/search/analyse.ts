// The multilingual analyser: turns a paragraph (or a query) into index terms and
// into comparison units, in any of the six official languages. Pure functions,
// no I/O: the index, the similarity and the phrase search all build on this.
//
// - normalise(): NFKC (full/half width), case fold, one space for any run of
//   white space, with a map back to the original offsets so highlights land on
//   the text the user typed.
// - indexTerms(): what MiniSearch indexes. Chinese has no spaces: either
//   Intl.Segmenter words or overlapping character bigrams (ZhMode; the eval in
//   tests/eval/results.md decides the default). Alphabetic languages get a light
//   stemmer so "strengthening"/"strengthen", "программы"/"программа" meet.
// - units(): the sequence compared by the similarity: one unit per CJK character
//   and per word elsewhere, punctuation dropped, each with its span in the text.
import { isHan } from '../../core/languages/index.js';
import type { Language } from '../../core/model.js';

export type ZhMode = 'words' | 'bigrams';

/**
 * The Chinese analyser the index uses unless told otherwise. Segmenter words:
 * suggestions take their candidates from the shingle index (the similarity's
 * units), so the analyser's terms serve keyword search, queries under a
 * shingle and pruning; words hold 43% fewer postings than bigrams, which at a
 * million paragraphs is what MiniSearch's heap and load time are made of
 * (tests/bench/search-results.md). Bigrams remain selectable (eval: npm run eval).
 */
export const DEFAULT_ZH_MODE: ZhMode = 'words';

export interface Normalised {
  /** NFKC, lower case, white space collapsed to single spaces, trimmed. */
  text: string;
  /** map[i] = offset in the original text of normalised char i; map[text.length] = original length. */
  map: number[];
}

const SPACE = /\s/u;

/**
 * Width, case and space normalisation with an offset map. Each original code
 * point is normalised on its own so every output char knows where it came from
 * (NFKC of isolated code points is what width folding needs: ，→, Ａ→a １→1).
 */
export function normalise(input: string): Normalised {
  // Fast path: when folding keeps every char in place (the usual case: full-width
  // forms fold one to one), only white space needs remapping.
  const folded = input.normalize('NFKC').toLowerCase();
  if (folded.length === input.length) return collapseSpaces(folded);
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const start = i;
    i += ch.length;
    if (SPACE.test(ch)) {
      if (text.length > 0 && pendingSpace < 0) pendingSpace = start;
      continue;
    }
    const folded = cp < 0x80 ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase();
    if (folded.length === 0) continue;
    if (pendingSpace >= 0) {
      text += ' ';
      map.push(pendingSpace);
      pendingSpace = -1;
    }
    for (let k = 0; k < folded.length; k++) {
      const c = folded[k];
      // NFKC can itself produce spaces (e.g. U+3000 is caught above, but ligatures are not spaces).
      text += c;
      map.push(start);
    }
  }
  map.push(input.length);
  return { text, map };
}

function collapseSpaces(folded: string): Normalised {
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  let runStart = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const space = c === 32 || (c <= 13 && c >= 9) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85 || c === 0xfeff;
    if (space) {
      if (i > runStart) text += folded.slice(runStart, i);
      runStart = i + 1;
      if (text.length > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (i > runStart) text += folded.slice(runStart, i);
      runStart = i;
      text += ' ';
      map.push(pendingSpace);
      pendingSpace = -1;
    }
    map.push(i);
  }
  if (folded.length > runStart && pendingSpace < 0) text += folded.slice(runStart);
  map.push(folded.length);
  return { text, map };
}

/** Normalised text only, when no offsets are needed (phrase scanning). */
export function normaliseText(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

// A space that touches punctuation or a Han character carries nothing ("1991 年", "States, to").
const LOOSE_SPACE = /\s+(?=[^\p{L}\p{N}\p{M}]|\p{Script=Han}|$)|(?<=^|[^\p{L}\p{N}\p{M}\s]|\p{Script=Han})\s+/gu;

/**
 * What "the same text" means for a similarity of 1: equal after width (NFKC)
 * and space normalisation only. Case, punctuation and every character still
 * count: "parties" is not "Parties", a ";" is not a ".".
 */
export function identityKey(input: string): string {
  return input.normalize('NFKC').replace(LOOSE_SPACE, '').replace(/\s+/gu, ' ');
}

// ---------------------------------------------------------------------------
// Units: the sequence the similarity compares.

export interface Unit {
  /** The folded unit (a CJK character, or a word folded like an index term but not stemmed). */
  key: string;
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

// A Han character alone, or a run of other letters/digits (a Latin run stops at Han: "173号" is 173 + 号).
const WORD_OR_HAN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

/** Diacritics off (French, Spanish accents; Arabic harakat), and letter variants merged. */
function foldLetters(word: string, lang: Language): string {
  switch (lang) {
    case 'fr':
    case 'es':
    case 'en':
      return word.normalize('NFD').replace(/\p{M}/gu, '');
    case 'ru':
      return word.replace(/ё/g, 'е');
    case 'ar':
      return word
        .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // harakat, dagger alef, tatweel
        .replace(/[أإآٱ]/g, 'ا')
        .replace(/ى/g, 'ي')
        .replace(/ة/g, 'ه');
    default:
      return word;
  }
}

/**
 * Comparison units with their spans in the original text. Works on the
 * normalised text and maps back, so width and case never break a match.
 */
export function units(text: string, lang: Language): Unit[] {
  const n = normalise(text);
  const out: Unit[] = [];
  for (const m of n.text.matchAll(WORD_OR_HAN)) {
    const s = m.index;
    const e = s + m[0].length;
    out.push({ key: foldLetters(m[0], lang), start: n.map[s], end: n.map[e - 1] + (text.codePointAt(n.map[e - 1])! > 0xffff ? 2 : 1) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Index terms.

/** Light, rule-based stemmers: enough to merge inflections, never a full morphology. */
function stem(word: string, lang: Language): string {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return word;
  switch (lang) {
    case 'en': {
      if (word.length <= 3) return word;
      if (word.endsWith("'s")) word = word.slice(0, -2);
      if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
      if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
      if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
      if (word.endsWith('es') && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
      if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
      return word;
    }
    case 'fr':
    case 'es': {
      if (word.length <= 3) return word;
      for (const suffix of lang === 'fr' ? ['ements', 'ement', 'ations', 'ation', 'es', 'e', 's', 'x'] : ['mente', 'ciones', 'cion', 'es', 'as', 'os', 'a', 'o', 's']) {
        if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
      }
      return word;
    }
    case 'ru': {
      for (const suffix of RU_SUFFIXES) {
        if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
      }
      return word;
    }
    case 'ar': {
      let w = word;
      for (const prefix of ['وال', 'بال', 'كال', 'فال', 'لل', 'ال']) {
        if (w.startsWith(prefix) && w.length - prefix.length >= 2) {
          w = w.slice(prefix.length);
          break;
        }
      }
      for (const suffix of ['ات', 'ون', 'ين', 'ها', 'هم', 'ه', 'ي']) {
        if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
      }
      return w;
    }
    default:
      return word;
  }
}

const RU_SUFFIXES = [
  'иями', 'ями', 'ами', 'ией', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ых', 'их', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя',
  'ое', 'ее', 'ие', 'ые', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем', 'ов', 'ев', 'ую', 'юю', 'ия', 'ию', 'ии', 'а', 'я', 'о', 'е',
  'ы', 'и', 'у', 'ю', 'ь',
].sort((a, b) => b.length - a.length);

let segmenter: Intl.Segmenter | null = null;

/**
 * Chinese words by Intl.Segmenter. Long strings slow the segmenter down sharply
 * (Node 20), so the text is cut at clause punctuation first.
 */
function zhWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const clause of text.split(/[，。；：、,.;:!?！？()（）]/u)) {
    if (!clause) continue;
    for (const s of segmenter.segment(clause)) if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/**
 * Index terms of a text, in order, repeats kept (MiniSearch counts them).
 * Chinese: runs of Han characters become words or bigrams; Latin letters and
 * digits inside Chinese text (symbols, years) are words as elsewhere.
 */
export function indexTerms(text: string, lang: Language, zhMode: ZhMode = DEFAULT_ZH_MODE): string[] {
  const norm = normaliseText(text);
  const out: string[] = [];
  if (lang === 'zh') {
    for (const m of norm.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
      const run = m[0];
      if (!isHan(run[0])) {
        out.push(run);
        continue;
      }
      if (zhMode === 'words') {
        out.push(...zhWords(run));
      } else if (run.length === 1) {
        out.push(run);
      } else {
        for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
      }
    }
    return out;
  }
  // Fold the whole text once (accents, Arabic letter variants): per word it was
  // the analyser's main cost on 80k English paragraphs.
  const folded = /[\u0080-\uffff]/.test(norm) ? foldLetters(norm, lang) : norm;
  for (const m of folded.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = m[0];
    // Single letters carry nothing but noise ("a", "y", "à"); numbers do carry meaning.
    if (word.length < 2 && !(word >= '0' && word <= '9')) continue;
    out.push(stem(word, lang));
  }
  return out;
}

/**
 * Terms as the index stores them. CJK characters are re-encoded as "~hhhh":
 * MiniSearch's radix tree scans a node's children on every insert, and a root
 * with thousands of single-Han-character children made build and load several
 * times slower (see the measurements); hex keeps every node small.
 */
export function encodeTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    out += c < 0x80 ? term[i] : `~${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}
