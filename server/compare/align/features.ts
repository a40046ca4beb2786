// A paragraph as a bag of features for alignment: character bigrams for Chinese
// and Japanese, words otherwise, with routine updates (symbols, dates, session
// numbers) masked so that a rollover's mechanical edits never lower a score.
import { routineSpans } from '../../../core/diff/inline.js';
import { isCharacterLanguage } from '../../../core/languages/index.js';

/** Feature → count. Chinese bigrams are numbers (two code points), cheaper to hash than strings. */
export type Bag = Map<string | number, number>;

/** Masks routine spans, so "78/229" and "80/229" (or two dates) are the same feature. */
function maskRoutine(text: string): string {
  const spans = routineSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    if (e <= pos) continue;
    out += text.slice(pos, Math.max(pos, s)) + ' § ';
    pos = e;
  }
  return out + text.slice(pos);
}

// Words for matching. The official languages other than Chinese all separate
// words with spaces, so a letter-run regex finds the same words as
// Intl.Segmenter at a fraction of the cost (the inline diff still segments).
const WORD = /[\p{L}\p{M}\p{N}§]+/gu;

export function features(text: string, language: string): Bag {
  const bag: Bag = new Map();
  const norm = maskRoutine(text.normalize('NFKC')).toLowerCase();
  if (isCharacterLanguage(language)) {
    // Bigrams of the letters alone: punctuation widths and spacing vary between sources.
    const letters = norm.replace(/[\s\p{P}\p{S}]+/gu, '');
    let prev = -1;
    for (const ch of letters) {
      const cp = ch.codePointAt(0)!;
      if (prev >= 0) {
        const g = prev * 0x110000 + cp;
        bag.set(g, (bag.get(g) ?? 0) + 1);
      }
      prev = cp;
    }
    if (bag.size === 0 && prev >= 0) bag.set(prev, 1);
  } else {
    for (const m of norm.matchAll(WORD)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  }
  return bag;
}
