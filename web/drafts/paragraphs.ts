// Pure edits on a draft's paragraph list (preamble first, then the operative
// part): add, delete, move (across the boundary too), split, merge, and labels.
import { paragraphLabels, preambleFirst, type ParagraphNumber } from '../../core/citation.js';
import type { DraftParagraphT } from '../api.js';

export type Para = DraftParagraphT;
export type Section = Para['section'];

let counter = 0;
export const newParagraphId = () => `p${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function blank(section: Section): Para {
  return { id: newParagraphId(), section, text: '', source: null };
}

/** Keeps the invariant: every preambular paragraph before every operative one (stable). */
export const normalise = (list: Para[]): Para[] => preambleFirst(list);

/** Each paragraph's label ("PP 3", "OP 8") by its id. */
export function labels(list: Para[]): Map<string, ParagraphNumber> {
  const numbers = paragraphLabels(list);
  return new Map(list.map((p, i) => [p.id, numbers[i]]));
}

export function update(list: Para[], id: string, patch: Partial<Para>): Para[] {
  return list.map((p) => (p.id === id ? { ...p, ...patch } : p));
}

/** Inserts `para` after `afterId` (or at the end of its section when afterId is null). */
export function insertAfter(list: Para[], afterId: string | null, para: Para): Para[] {
  const i = afterId ? list.findIndex((p) => p.id === afterId) : -1;
  if (i < 0) return normalise([...list, para]);
  return normalise([...list.slice(0, i + 1), para, ...list.slice(i + 1)]);
}

export function remove(list: Para[], id: string): Para[] {
  return list.filter((p) => p.id !== id);
}

/**
 * Moves a paragraph one place up or down. At the boundary between the parts it
 * changes part instead (last PP ↓ becomes the first OP; first OP ↑ the last PP).
 */
export function move(list: Para[], id: string, delta: -1 | 1): Para[] {
  const i = list.findIndex((p) => p.id === id);
  if (i < 0) return list;
  const p = list[i];
  const j = i + delta;
  const neighbour = list[j];
  if (p.section === 'preamble' && delta === 1 && (!neighbour || neighbour.section === 'operative')) return update(list, id, { section: 'operative' });
  if (p.section === 'operative' && delta === -1 && (!neighbour || neighbour.section === 'preamble')) return update(list, id, { section: 'preamble' });
  if (!neighbour) return list;
  const out = [...list];
  out[i] = neighbour;
  out[j] = p;
  return out;
}

/** Drag and drop: puts `id` before or after `targetId`, in the target's part; or at the end of `section`. */
export function moveTo(list: Para[], id: string, target: { id: string; after: boolean } | { section: Section }): Para[] {
  const p = list.find((x) => x.id === id);
  if (!p) return list;
  const rest = list.filter((x) => x.id !== id);
  if ('section' in target) return normalise([...rest, { ...p, section: target.section }]);
  if (target.id === id) return list;
  const t = rest.findIndex((x) => x.id === target.id);
  if (t < 0) return list;
  const moved = { ...p, section: rest[t].section };
  const at = target.after ? t + 1 : t;
  return normalise([...rest.slice(0, at), moved, ...rest.slice(at)]);
}

/** Splits at a character offset: the text after it becomes a new paragraph (returned as newId). */
export function split(list: Para[], id: string, at: number): { list: Para[]; newId: string } {
  const p = list.find((x) => x.id === id);
  if (!p) return { list, newId: id };
  const head = p.text.slice(0, at).replace(/\s+$/, '');
  const tail = p.text.slice(at).replace(/^\s+/, '');
  const skipped = p.text.length - head.length - tail.length; // trimmed white space at the cut
  const notes = p.footnotes ?? [];
  const second: Para = {
    ...blank(p.section),
    text: tail,
    source: p.source ?? null,
    footnotes: notes.filter((f) => f.offset > head.length).map((f) => ({ ...f, offset: Math.max(0, f.offset - head.length - skipped) })),
  };
  const first: Para = {
    ...p,
    text: head,
    lead: head.startsWith(p.lead ?? '\u0000') ? p.lead : undefined,
    footnotes: notes.filter((f) => f.offset <= head.length),
  };
  return { list: insertAfter(update(list, id, first), id, second), newId: second.id };
}

/**
 * Merges a paragraph into the one before it (same part). Returns the caret
 * offset at the junction, or null when there is nothing to merge into.
 */
export function mergeWithPrevious(list: Para[], id: string, language: string): { list: Para[]; intoId: string; caret: number } | null {
  const i = list.findIndex((p) => p.id === id);
  if (i <= 0 || list[i - 1].section !== list[i].section) return null;
  const prev = list[i - 1];
  const cur = list[i];
  const joiner = language === 'zh' || !prev.text || !cur.text ? '' : ' ';
  const text = prev.text + joiner + cur.text;
  const source = prev.source ?? cur.source ?? null;
  const shift = prev.text.length + joiner.length;
  const footnotes = [...(prev.footnotes ?? []), ...(cur.footnotes ?? []).map((f) => ({ ...f, offset: f.offset + shift }))];
  return { list: remove(update(list, prev.id, { text, source, footnotes }), id), intoId: prev.id, caret: shift };
}
