// Extracted PDF text as a stream of line tokens (text, blank, separator, footnote
// rule, bare footnote marker), page furniture dropped, and the paragraph and item
// numbers both the resolution and the report parser look for.
import { isBareMarker, isFootnoteRule, isFurniture } from '../clean.js';

export type Token =
  | { kind: 'blank' }
  /** A line holding only a space or two: extraction's mark between blocks. */
  | { kind: 'sep' }
  /** The long run of spaces over a footnote block. */
  | { kind: 'rule' }
  | { kind: 'marker'; marker: string }
  | { kind: 'text'; raw: string; text: string; indent: boolean };

export function tokenize(text: string): Token[] {
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
// Arabic numbers its paragraphs "1 -".
export const OP_NUMBER = /^(\d{1,3})\s*(?:．|\.(?!\d)|\s-(?=\s))\s*/;
/** A sub-item's marker as printed (group 1): "(a)", "(iv)"; "a)" in French, Spanish and Russian; "(أ)" in Arabic. */
export const ITEM = /^(\(?(?:[a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\)|\(\p{Script=Arabic}{1,2}\))\s*/u;
