// A paragraph as a bag of features for alignment: words, with routine updates
// (symbols, dates, session numbers) masked so that a rollover's mechanical edits
// never lower a score. Chinese and Japanese words come from Intl.Segmenter
// (ICU's dictionary), single characters left out: scored that way a Chinese
// pair lands on the same side of the threshold as its English translation far
// more often than with character bigrams (tests/eval/alignment.md).
import { routineSpans, wordSegmenter } from '../../../core/diff/inline.js';
import { isCharacterLanguage } from '../../../core/languages/index.js';

/** Feature → count. */
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
    for (const w of wordSegmenter(language).segment(norm)) {
      if (!w.isWordLike || w.segment.length < 2) continue;
      bag.set(w.segment, (bag.get(w.segment) ?? 0) + 1);
    }
    // A paragraph of single characters only still has something to match on.
    if (bag.size === 0) for (const ch of norm.replace(/[\s\p{P}\p{S}]+/gu, '')) bag.set(ch, (bag.get(ch) ?? 0) + 1);
  } else {
    for (const m of norm.matchAll(WORD)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  }
  return bag;
}
