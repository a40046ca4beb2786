// Footnote anchors that move with the text around them. A footnote's offset
// says which character it follows (offset k: after the k-th character); when a
// paragraph's text changes, each footnote is re-anchored by diffing the old
// text with the new one (jsdiff, by character) so that it still follows the
// same character. Pure and browser-safe: the server re-anchors on save (for
// any client that changed a paragraph's text and kept its footnotes), and the
// editor can use the same function.
import { diffChars } from 'diff';
import type { Footnote } from './model.js';

/** Footnote lists equal in marker, text and offset, in order. */
export function sameFootnotes(a: readonly Footnote[] | undefined, b: readonly Footnote[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((f, i) => f.marker === y[i].marker && f.text === y[i].text && f.offset === y[i].offset);
}

/**
 * Where old offset `k` (a point between characters, "after the k-th") lands
 * in the new text. A point after a character that survives follows it; a point
 * at the end of a deleted stretch that was replaced goes after the
 * replacement ("also¹" → "further¹"); a point inside a deleted stretch goes
 * where the stretch was.
 */
/** The lengths of the longest common head and (not overlapping it) tail of two texts: where an edit starts and ends. */
export function commonEnds(a: string, b: string): { head: number; tail: number } {
  let head = 0;
  const max = Math.min(a.length, b.length);
  while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { head, tail };
}

/** Where each point of `oldText` (a caret, an anchor) is in `newText`, by a character diff. */
export function pointMapper(oldText: string, newText: string): (k: number) => number {
  // Common head and tail first: most edits are local, and the diff then only sees the middle.
  const { head, tail } = commonEnds(oldText, newText);
  const shift = newText.length - oldText.length;
  const oldMid = oldText.slice(head, oldText.length - tail);
  const newMid = newText.slice(head, newText.length - tail);
  // The middle's parts: old and new ranges, kept (=), deleted (-) or inserted (+).
  type Part = { o0: number; o1: number; n0: number; n1: number; kind: '=' | '-' | '+' };
  const parts: Part[] = [];
  if (oldMid || newMid) {
    let o = head;
    let n = head;
    for (const c of diffChars(oldMid, newMid)) {
      const len = c.value.length;
      if (c.added) {
        parts.push({ o0: o, o1: o, n0: n, n1: n + len, kind: '+' });
        n += len;
      } else if (c.removed) {
        parts.push({ o0: o, o1: o + len, n0: n, n1: n, kind: '-' });
        o += len;
      } else {
        parts.push({ o0: o, o1: o + len, n0: n, n1: n + len, kind: '=' });
        o += len;
        n += len;
      }
    }
  }
  return (k) => {
    if (k <= head) return k;
    if (k > oldText.length - tail) return Math.max(0, Math.min(newText.length, k + shift));
    // k - 1 is the character the point follows: find its part.
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.kind === '+' || k - 1 < p.o0 || k - 1 >= p.o1) continue;
      if (p.kind === '=') return p.n0 + (k - p.o0);
      // Deleted: at the stretch's end, after whatever replaced it; inside it, where it was.
      if (k === p.o1) {
        let n = p.n0;
        for (let j = i + 1; j < parts.length && parts[j].kind === '+'; j++) n = parts[j].n1;
        return n;
      }
      return p.n0;
    }
    return Math.min(k, newText.length);
  };
}

/**
 * The footnotes of a paragraph whose text went from `oldText` to `newText`,
 * each following the same character as before (see pointMapper), in text
 * order. Unchanged text gives the footnotes back as they were.
 */
export function reanchorFootnotes(oldText: string, newText: string, footnotes: readonly Footnote[]): Footnote[] {
  if (oldText === newText || footnotes.length === 0) return [...footnotes];
  const at = pointMapper(oldText, newText);
  return footnotes
    .map((f) => ({ ...f, offset: at(Math.min(f.offset, oldText.length)) }))
    .sort((a, b) => a.offset - b.offset);
}
