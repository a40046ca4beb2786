// Turns "document A became document B" into the linear edit script Word's
// tracked changes can express, and each paragraph into a stream of pieces
// (equal / inserted / deleted text, paragraph marks, footnote references).
//
// Why our own paragraph pairing rather than the series alignment: Word's
// revisions are positional. A tracked file must, with every change accepted,
// read exactly as B and, with every change rejected, exactly as A; so the
// pairing must be monotone (no crossings). Moved paragraphs therefore become a
// deletion where they were and an insertion where they are, which is also what a
// facilitator's Word file shows. Pairs never cross sections (PP ↔ OP): the
// paragraph style and numbering would have to change with it.
// Inside a pair the changes are the diff view's own (core/diff/inline.ts):
// characters for Chinese, words for the others.
import { inlineDiff, type InlineChange } from '../../core/diff/inline.js';
import { isCharacterLanguage } from '../../core/languages/index.js';
import type { Footnote, Section } from '../../core/model.js';

/** One paragraph as the exporter sees it, from a draft or a corpus document. */
export interface ExportParagraph {
  section: Section;
  /** Lead included, sub-items one per line after the first ("\n(a) …"), no footnote markers. */
  text: string;
  lead: string;
  footnotes: Footnote[];
  /** Who made this paragraph's tracked changes, and when (ISO); the export's author when absent. */
  revision?: { author: string; date: string };
}

export type ParagraphOp =
  | { kind: 'pair'; from: ExportParagraph; to: ExportParagraph; changes: InlineChange[] }
  | { kind: 'insert'; to: ExportParagraph }
  | { kind: 'delete'; from: ExportParagraph };

// ---------------------------------------------------------------------------
// Pairing

/**
 * A paragraph's character bigrams (Chinese) or words, as a sorted array of
 * interned ids with repeats: the similarity of two is then one linear merge,
 * which keeps the all-pairs table of two 150-paragraph texts in milliseconds.
 */
function grams(text: string, language: string, ids: Map<string, number>): Int32Array {
  const out: number[] = [];
  const add = (g: string) => {
    let id = ids.get(g);
    if (id === undefined) ids.set(g, (id = ids.size));
    out.push(id);
  };
  if (isCharacterLanguage(language)) {
    const s = text.replace(/\s+/g, '');
    for (let i = 0; i + 1 < s.length; i++) add(s.slice(i, i + 2));
  } else {
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) add(w);
  }
  return Int32Array.from(out).sort();
}

/** Dice coefficient over the two multisets. */
function similarity(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / total;
}

/**
 * Below this, two paragraphs are shown as one deleted and one inserted rather
 * than as one paragraph edited beyond recognition: a reviewer reads a rewrite
 * better whole. Identical paragraphs score 1; a rollover's routine date and
 * symbol updates stay far above it.
 */
export const PAIR_THRESHOLD = 0.45;

/**
 * The monotone pairing that keeps the most similarity (a weighted LCS): each
 * paired paragraph scores its similarity, so exact copies anchor the script and
 * reworded ones pair when nothing better crosses them.
 */
export function alignForTracking(from: ExportParagraph[], to: ExportParagraph[], language: string): ParagraphOp[] {
  const ids = new Map<string, number>();
  const ga = from.map((p) => grams(p.text, language, ids));
  const gb = to.map((p) => grams(p.text, language, ids));
  const n = from.length;
  const m = to.length;
  const sim = (i: number, j: number) => {
    if (from[i].section !== to[j].section) return 0;
    if (from[i].text === to[j].text) return 1.0001;
    // Dice can be no higher than 2·min/(a+b): skip pairs whose sizes alone rule them out.
    const a = ga[i].length;
    const b = gb[j].length;
    if ((2 * Math.min(a, b)) / (a + b || 1) < PAIR_THRESHOLD) return 0;
    return similarity(ga[i], gb[j]);
  };
  // best[i][j]: best score for from[i..], to[j..]
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const simCache: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(i, j);
      simCache[i][j] = s;
      let v = Math.max(best[i + 1][j], best[i][j + 1]);
      if (s >= PAIR_THRESHOLD) v = Math.max(v, s + best[i + 1][j + 1]);
      best[i][j] = v;
    }
  }
  const ops: ParagraphOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = simCache[i][j];
      if (s >= PAIR_THRESHOLD && best[i][j] === s + best[i + 1][j + 1]) {
        ops.push(...pairOps(from[i++], to[j++], language));
        continue;
      }
      if (best[i][j] === best[i + 1][j]) {
        ops.push({ kind: 'delete', from: from[i++] });
        continue;
      }
      ops.push({ kind: 'insert', to: to[j++] });
      continue;
    }
    if (i < n) ops.push({ kind: 'delete', from: from[i++] });
    else ops.push({ kind: 'insert', to: to[j++] });
  }
  return ops;
}

function pairOps(from: ExportParagraph, to: ExportParagraph, language: string): ParagraphOp[] {
  const changes = from.text === to.text ? [{ type: 'equal' as const, text: to.text }] : inlineDiff(from.text, to.text, language);
  // A line break inside an insertion or deletion would move a sub-item's
  // paragraph mark, and with it the style of the line it ends (a sub-item
  // would take the paragraph's place): show such a paragraph as deleted and
  // inserted whole, which reads, accepts and rejects unambiguously.
  if (changes.some((c) => c.type !== 'equal' && c.text.includes('\n'))) {
    return [{ kind: 'delete', from }, { kind: 'insert', to }];
  }
  return [{ kind: 'pair', from, to, changes }];
}

// ---------------------------------------------------------------------------
// Streams

export type Status = 'equal' | 'insert' | 'delete';

export type Piece =
  | { type: 'text'; status: Status; text: string; lead: boolean }
  | { type: 'footnote'; status: Status; text: string }
  /** A line break inside the paragraph: the mark of a Word paragraph, with its own status. */
  | { type: 'break'; status: Status };

/**
 * The pieces of one paragraph, in order. `changes` must concatenate to
 * `from.text` (equal + delete) and `to.text` (equal + insert). Footnote
 * references are placed at the latest point where their offset holds, so a
 * footnote that only moved with unchanged text around it stays one plain
 * reference instead of a deleted and an inserted one.
 */
export function paragraphPieces(from: ExportParagraph | null, to: ExportParagraph | null, changes: InlineChange[]): Piece[] {
  const out: Piece[] = [];
  const oldNotes = [...(from?.footnotes ?? [])].sort((a, b) => a.offset - b.offset);
  const newNotes = [...(to?.footnotes ?? [])].sort((a, b) => a.offset - b.offset);
  const oldLead = from?.lead && from.text.startsWith(from.lead) ? from.lead.length : 0;
  const newLead = to?.lead && to.text.startsWith(to.lead) ? to.lead.length : 0;
  let oi = 0;
  let ni = 0;
  let oldPos = 0;
  let newPos = 0;

  // Emit footnotes due at this point. `advancesOld`/`advancesNew`: whether the
  // next piece moves that side on; if it does not, its notes can wait.
  const flush = (advancesOld: boolean, advancesNew: boolean) => {
    const olds: Footnote[] = [];
    const news: Footnote[] = [];
    if (advancesOld) while (oi < oldNotes.length && oldNotes[oi].offset <= oldPos) olds.push(oldNotes[oi++]);
    if (advancesNew) while (ni < newNotes.length && newNotes[ni].offset <= newPos) news.push(newNotes[ni++]);
    for (const n of news) {
      const k = olds.findIndex((o) => o.text === n.text);
      if (k >= 0) {
        olds.splice(k, 1);
        out.push({ type: 'footnote', status: 'equal', text: n.text });
      } else out.push({ type: 'footnote', status: 'insert', text: n.text });
    }
    for (const o of olds) out.push({ type: 'footnote', status: 'delete', text: o.text });
  };

  const pushText = (status: Status, text: string, lead: boolean) => {
    // Line breaks become paragraph marks of the same status.
    const lines = text.split('\n');
    lines.forEach((line, k) => {
      if (k > 0) out.push({ type: 'break', status });
      if (line) {
        const last = out[out.length - 1];
        if (last && last.type === 'text' && last.status === status && last.lead === lead) last.text += line;
        else out.push({ type: 'text', status, text: line, lead });
      }
    });
  };

  for (const c of changes) {
    let rest = c.text;
    while (rest.length > 0) {
      const advOld = c.type !== 'insert';
      const advNew = c.type !== 'delete';
      flush(advOld, advNew);
      // Cut the piece at the next footnote offset or lead end on either side it advances.
      let len = rest.length;
      if (advOld) {
        if (oi < oldNotes.length) len = Math.min(len, oldNotes[oi].offset - oldPos);
        if (oldPos < oldLead) len = Math.min(len, oldLead - oldPos);
      }
      if (advNew) {
        if (ni < newNotes.length) len = Math.min(len, newNotes[ni].offset - newPos);
        if (newPos < newLead) len = Math.min(len, newLead - newPos);
      }
      len = Math.max(1, len);
      const piece = rest.slice(0, len);
      rest = rest.slice(len);
      const lead = c.type === 'delete' ? oldPos < oldLead : newPos < newLead;
      pushText(c.type, piece, lead);
      if (advOld) oldPos += len;
      if (advNew) newPos += len;
    }
  }
  flush(true, true);
  // Notes whose offset lies past the text (bad data) are still kept, at the end.
  while (ni < newNotes.length) out.push({ type: 'footnote', status: 'insert', text: newNotes[ni++].text });
  while (oi < oldNotes.length) out.push({ type: 'footnote', status: 'delete', text: oldNotes[oi++].text });
  return out;
}

/** Pieces of a paragraph shown unchanged (plain export). */
export function plainPieces(p: ExportParagraph): Piece[] {
  return paragraphPieces(p, p, [{ type: 'equal', text: p.text }]);
}
