// Footnotes inside the paragraph being edited. The editor is a plain textarea
// (IME-safe), so each footnote stands in its text as one marker character
// (❶ ❷ … ⓴, the paragraph's first to twentieth footnote): typed around,
// deleted, cut and pasted elsewhere like any character. Pure: the marked
// value of a paragraph, and the paragraph (text and footnotes) a marked value
// gives back; caret offsets between the two.
import { reanchorFootnotes } from '../../core/footnotes.js';
import type { Para } from './paragraphs.js';

type Footnote = NonNullable<Para['footnotes']>[number];

/** Dingbat negative circled numbers 1–10, then 11–20: never found in resolution text. */
export const MARKS = [...'❶❷❸❹❺❻❼❽❾❿⓫⓬⓭⓮⓯⓰⓱⓲⓳⓴'];

/** The paragraph's footnotes in text order (stable for equal offsets). */
const ordered = (p: Pick<Para, 'footnotes'>): Footnote[] => [...(p.footnotes ?? [])].sort((a, b) => a.offset - b.offset);

/** The textarea value: the text with a marker where each footnote stands (the first twenty). */
export function markedValue(p: Pick<Para, 'text' | 'footnotes'>): string {
  const notes = ordered(p).slice(0, MARKS.length);
  let out = '';
  let at = 0;
  notes.forEach((f, i) => {
    const o = Math.min(f.offset, p.text.length);
    out += p.text.slice(at, o) + MARKS[i];
    at = o;
  });
  return out + p.text.slice(at);
}

/**
 * The text and footnotes a marked value stands for. A footnote's marker gives
 * its new offset; a marker gone deletes its footnote; a marker's second copy
 * (pasted, not cut) is dropped; footnotes past the twentieth (no marker) are
 * re-anchored by diff. Markers of no footnote are ordinary text.
 */
export function fromMarkedValue(p: Pick<Para, 'text' | 'footnotes'>, value: string): { text: string; footnotes: Footnote[] } {
  const notes = ordered(p);
  const marked = notes.slice(0, MARKS.length);
  const placed = new Map<number, number>();
  let text = '';
  for (const ch of value) {
    const i = MARKS.indexOf(ch);
    if (i >= 0 && i < marked.length) {
      if (!placed.has(i)) placed.set(i, text.length);
      continue;
    }
    text += ch;
  }
  const kept = marked.flatMap((f, i) => (placed.has(i) ? [{ ...f, offset: placed.get(i)! }] : []));
  const rest = notes.length > MARKS.length ? reanchorFootnotes(p.text, text, notes.slice(MARKS.length)) : [];
  return { text, footnotes: [...kept, ...rest].sort((a, b) => a.offset - b.offset) };
}

/** A caret in the marked value as an offset in the text. */
export function textOffset(value: string, at: number): number {
  let n = 0;
  for (const ch of value.slice(0, at)) if (!MARKS.includes(ch)) n++;
  return n;
}

/** A caret in the text as an offset in the marked value (after the markers standing there). */
export function valueOffset(p: Pick<Para, 'text' | 'footnotes'>, caret: number): number {
  const shown = ordered(p).slice(0, MARKS.length);
  return caret + shown.filter((f) => f.offset <= caret).length;
}
