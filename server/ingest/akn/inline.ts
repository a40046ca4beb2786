// Inline AKN content → text: white space collapsed as print shows it (no spaces
// next to CJK), footnotes lifted out with their offsets, and the emphasised lead
// phrase that opens a paragraph.
import { isCjkCode } from '../../../core/languages/index.js';
import type { Footnote } from '../../../core/model.js';
import { attr, kids, tagOf, type XNode } from '../xml-tree.js';

/** Private-use characters stand in for footnote markers while whitespace is normalised. */
const NOTE_BASE = 0xe000;

function isWs(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export interface RichText {
  text: string;
  footnotes: Footnote[];
}

/**
 * Collects raw inline text in document order; footnotes are rendered separately and
 * leave a placeholder where their marker stood.
 */
class Collector {
  raw = '';
  notes: { marker: string; text: string }[] = [];

  add(nodes: XNode[]): void {
    for (const n of nodes) this.node(n);
  }

  node(n: XNode): void {
    if ('#text' in n) {
      this.raw += String(n['#text']);
      return;
    }
    const tag = tagOf(n);
    switch (tag) {
      case 'authorialNote': {
        const inner = new Collector();
        inner.add(kids(n));
        // Footnotes inside footnotes do not occur in the corpus; their text would be lost.
        const t = normalise(inner.raw, []).text;
        this.raw += String.fromCharCode(NOTE_BASE + this.notes.length);
        this.notes.push({ marker: attr(n, 'marker') ?? String(this.notes.length + 1), text: t });
        return;
      }
      case 'eol':
      case 'br':
        this.raw += ' ';
        return;
      case 'img':
      case 'decoration':
        return;
      case 'p':
        // Separate block-level pieces inside one unit so words do not fuse.
        this.raw += ' ';
        this.add(kids(n));
        this.raw += ' ';
        return;
      default:
        this.add(kids(n));
    }
  }

  result(): RichText {
    return normalise(this.raw, this.notes);
  }
}

/**
 * Collapses XML white space (one space between Latin-script words, none next to
 * CJK) and turns placeholders into footnote offsets in the cleaned text.
 */
function normalise(raw: string, notes: { marker: string; text: string }[]): RichText {
  let out = '';
  let pending = false;
  let last = -1; // last code point written, -1 at start
  let dropParen = false;
  const footnotes: Footnote[] = [];
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    if (isWs(code)) {
      pending = true;
      continue;
    }
    const noteIndex = code - NOTE_BASE;
    if (noteIndex >= 0 && noteIndex < notes.length && noteIndex < 0x1000) {
      // Arabic files wrap the footnote in "(" … ")" (<sup>(</sup><note/><sup>)</sup>),
      // or type an empty "()": print shows "(49)", so the parentheses are the marker's.
      if (out.endsWith('()')) out = out.slice(0, -2);
      else if (out.endsWith('(')) {
        out = out.slice(0, -1);
        dropParen = true;
      }
      const note = notes[noteIndex];
      footnotes.push({ marker: note.marker, text: note.text.replace(/^\(\)\s*/, ''), offset: out.length });
      continue;
    }
    if (dropParen) {
      dropParen = false;
      if (ch === ')') continue;
    }
    if (pending && last !== -1 && !isCjkCode(last) && !isCjkCode(code)) out += ' ';
    pending = false;
    out += ch;
    last = code;
  }
  return { text: out, footnotes };
}

/** Text and footnotes of a run of inline nodes. */
export function richOf(nodes: XNode[]): RichText {
  const c = new Collector();
  c.add(nodes);
  return c.result();
}

/** The text of a node's content (or of a run of nodes), footnotes left out. */
export function plain(nodes: XNode[] | XNode | undefined): string {
  if (!nodes) return '';
  return richOf(Array.isArray(nodes) ? nodes : kids(nodes)).text;
}

function isEmphasis(n: XNode): boolean {
  const t = tagOf(n);
  if (t === 'i' || t === 'b' || t === 'em' || t === 'strong') return true;
  if (t !== 'span') return false;
  const cls = attr(n, 'class') ?? '';
  return /\b(bold|italic)\b/.test(cls);
}

/**
 * The lead phrase: the emphasised run that opens a block, possibly split across
 * adjacent spans ("<i>Recalling</i><i> also</i>").
 */
export function leadOf(nodes: XNode[]): string {
  let flat: XNode[] = nodes;
  // Descend through a wrapping <p>/<content>/<intro> to the first inline content.
  for (;;) {
    const first = flat.find((n) => !('#text' in n && String(n['#text']).trim() === ''));
    if (!first) return '';
    const t = tagOf(first);
    if (t === 'p' || t === 'content' || t === 'intro' || t === 'listIntroduction' || t === 'blockList' || t === 'list') {
      flat = kids(first);
      continue;
    }
    break;
  }
  let lead = '';
  for (const n of flat) {
    if ('#text' in n) {
      if (String(n['#text']).trim() === '') {
        lead += String(n['#text']);
        continue;
      }
      break;
    }
    if (!isEmphasis(n)) break;
    lead += rawText(n);
  }
  return normalise(lead, []).text.replace(/[,，،:：]$/u, '').trim();
}

function rawText(n: XNode): string {
  if ('#text' in n) return String(n['#text']);
  if (tagOf(n) === 'authorialNote') return '';
  return kids(n).map(rawText).join('');
}
