// A draft as a live, shared document (Yjs): what the server keeps, every
// browser edits and the CRDT merges. The text of each paragraph is a Y.Text in
// which each footnote stands as an embed at its place, so a footnote moves with
// the words around it whatever anyone types concurrently. The paragraph list is
// a Y.Array of Y.Maps, each with the paragraph's stable id and an order key
// (fractional indexing): moving a paragraph changes its key, never its map,
// so text typed into it meanwhile by someone else is never lost, and two
// concurrent moves of one paragraph leave it once, where the last one put it.
//
// Writers never set a whole draft: they say how the text they were shown (prev)
// became what they want (next), and applyDraftChange turns that into the
// smallest Yjs operations (a splice per changed paragraph, an insert or delete
// per added or removed one), so concurrent changes of others survive. Both the
// browser (each keystroke) and the server (a REST save, an accepted proposal,
// a restored version) write through it.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { preambleFirst } from './citation.js';
import { pointMapper } from './footnotes.js';
import type { DraftParagraph } from './model.js';

/** What the live document holds of a draft. */
export interface LiveContent {
  title: string;
  body: string;
  baseDocumentId: string | null;
  paragraphs: DraftParagraph[];
}

/** What the server announces to a draft's browsers beside its text (a proposal made or decided, a status set): they reload it. */
export type LiveAnnouncement = 'negotiation';
export interface LiveMessage {
  changed: LiveAnnouncement;
}

type Footnote = NonNullable<DraftParagraph['footnotes']>[number];
type Note = Pick<Footnote, 'marker' | 'text'>;
/** A UTF-16 unit of text, or a footnote standing where its marker is. */
type Piece = string | { footnote: Note };

const TITLE = 'title';
const META = 'meta';
const PARAGRAPHS = 'paragraphs';
/** Set once on the server when it builds a live document from a stored draft; browsers use it to tell a document's lineage. */
const LINEAGE = 'lineage';

const titleOf = (doc: Y.Doc) => doc.getText(TITLE);
const metaOf = (doc: Y.Doc) => doc.getMap<unknown>(META);
const paragraphsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(PARAGRAPHS);

// --- One paragraph's text as pieces ---------------------------------------------

function piecesOf(text: string, footnotes: readonly Footnote[] = []): Piece[] {
  const notes = [...footnotes].sort((a, b) => a.offset - b.offset);
  const out: Piece[] = [];
  let n = 0;
  for (let i = 0; i <= text.length; i++) {
    while (n < notes.length && Math.min(notes[n].offset, text.length) === i) {
      out.push({ footnote: { marker: notes[n].marker, text: notes[n].text } });
      n++;
    }
    if (i < text.length) out.push(text[i]);
  }
  return out;
}

const samePiece = (a: Piece, b: Piece) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.footnote.marker === b.footnote.marker && a.footnote.text === b.footnote.text;

const isHigh = (p: Piece | undefined) => typeof p === 'string' && p >= '\uD800' && p <= '\uDBFF';
const isLow = (p: Piece | undefined) => typeof p === 'string' && p >= '\uDC00' && p <= '\uDFFF';

export interface Splice {
  at: number;
  remove: number;
  insert: Piece[];
}

/**
 * The one contiguous change from `a` to `b` (what a keystroke, a paste or an
 * IME commit makes): common head and tail kept, never cutting a surrogate pair
 * (an astral CJK character split in two would be lost). Null when equal.
 */
export function spliceOf(a: readonly Piece[], b: readonly Piece[]): Splice | null {
  let head = 0;
  const max = Math.min(a.length, b.length);
  while (head < max && samePiece(a[head], b[head])) head++;
  if (head === a.length && head === b.length) return null;
  if (head > 0 && isHigh(a[head - 1])) head--;
  let tail = 0;
  while (tail < max - head && samePiece(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  if (tail > 0 && isLow(a[a.length - tail])) tail--;
  return { at: head, remove: a.length - head - tail, insert: b.slice(head, b.length - tail) };
}

function applySplice(text: Y.Text, s: Splice): void {
  const at = Math.min(s.at, text.length);
  if (s.remove > 0) text.delete(at, Math.min(s.remove, text.length - at));
  let pos = at;
  let run = '';
  const flush = () => {
    if (!run) return;
    text.insert(pos, run);
    pos += run.length;
    run = '';
  };
  for (const piece of s.insert) {
    if (typeof piece === 'string') run += piece;
    else {
      flush();
      text.insertEmbed(pos, { footnote: { ...piece.footnote } });
      pos += 1;
    }
  }
  flush();
}

function readText(text: Y.Text): { text: string; footnotes: Footnote[] } {
  let out = '';
  const footnotes: Footnote[] = [];
  for (const op of text.toDelta() as { insert: string | { footnote?: Note } }[]) {
    if (typeof op.insert === 'string') out += op.insert;
    else if (op.insert.footnote) footnotes.push({ marker: op.insert.footnote.marker, text: op.insert.footnote.text, offset: out.length });
  }
  return { text: out, footnotes };
}

function setText(text: Y.Text, from: Pick<DraftParagraph, 'text' | 'footnotes'>, to: Pick<DraftParagraph, 'text' | 'footnotes'>): void {
  const change = spliceOf(piecesOf(from.text, from.footnotes), piecesOf(to.text, to.footnotes));
  if (change) applySplice(text, change);
}

// --- Paragraphs ------------------------------------------------------------------

/** The plain fields of a paragraph, kept as JSON values in its map (Yjs stores no undefined). */
const FIELDS = ['section', 'lead', 'source'] as const;

function paragraphMap(p: DraftParagraph, order: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', p.id);
  map.set('order', order);
  for (const key of FIELDS) if (p[key] !== undefined) map.set(key, p[key]);
  const text = new Y.Text();
  map.set('text', text);
  return map;
}

function readParagraph(map: Y.Map<unknown>): DraftParagraph {
  const text = map.get('text');
  const { text: plain, footnotes } = text instanceof Y.Text ? readText(text) : { text: '', footnotes: [] };
  const p: DraftParagraph = { id: String(map.get('id')), section: map.get('section') as DraftParagraph['section'], text: plain };
  if (map.has('lead')) p.lead = map.get('lead') as string;
  if (map.has('source')) p.source = map.get('source') as DraftParagraph['source'];
  if (footnotes.length) p.footnotes = footnotes;
  return p;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Applies the change of one paragraph from `from` to `to` to its map (fields and text). */
function changeParagraph(map: Y.Map<unknown>, from: DraftParagraph, to: DraftParagraph): void {
  for (const key of FIELDS) {
    if (sameJson(from[key], to[key])) continue;
    if (to[key] === undefined) map.delete(key);
    else map.set(key, to[key]);
  }
  const text = map.get('text');
  if (text instanceof Y.Text) setText(text, from, to);
}

const orderOf = (map: Y.Map<unknown>) => String(map.get('order') ?? '');

/** The paragraph maps in draft order: by order key, then by place in the array (equal keys: two inserts at one spot). */
function ordered(list: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[] {
  return list
    .toArray()
    .map((map, i) => ({ map, i, key: orderOf(map) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((x) => x.map);
}

/** Each paragraph's map by id (the first in draft order when a paragraph is there twice). */
function mapsById(list: Y.Array<Y.Map<unknown>>): Map<string, Y.Map<unknown>> {
  const found = new Map<string, Y.Map<unknown>>();
  for (const map of ordered(list)) if (!found.has(String(map.get('id')))) found.set(String(map.get('id')), map);
  return found;
}

/** A key strictly between `lower` and `upper` (either may be absent); past `lower` when the two are out of order. */
function keyBetween(lower: string | null, upper: string | null): string {
  return generateKeyBetween(lower, upper !== null && lower !== null && upper <= lower ? null : upper);
}

/**
 * The kept paragraphs (in both orders) that stay in place: the longest run of
 * them whose order `next` keeps. Any other kept paragraph was moved.
 */
function stationary(prevOrder: readonly string[], nextOrder: readonly string[]): Set<string> {
  const prevIndex = new Map(prevOrder.map((id, i) => [id, i]));
  const seq = nextOrder.filter((id) => prevIndex.has(id));
  // Longest increasing subsequence of prev indexes, O(n log n), with back links.
  const tails: number[] = [];
  const back: number[] = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = prevIndex.get(seq[i])!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prevIndex.get(seq[tails[mid]])! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<string>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = back[i]) keep.add(seq[i]);
  return keep;
}

// --- The document ------------------------------------------------------------------

/** Fills an empty live document with a stored draft; `lineage` names this document's history. */
export function writeDraft(doc: Y.Doc, content: LiveContent, lineage: string): void {
  doc.transact(() => {
    titleOf(doc).insert(0, content.title);
    const meta = metaOf(doc);
    meta.set('body', content.body);
    meta.set('baseDocumentId', content.baseDocumentId);
    meta.set(LINEAGE, lineage);
    const list = paragraphsOf(doc);
    const keys = generateNKeysBetween(null, null, content.paragraphs.length);
    list.insert(0, content.paragraphs.map((p, i) => paragraphMap(p, keys[i])));
    content.paragraphs.forEach((p, i) => setText(list.get(i).get('text') as Y.Text, { text: '' }, p));
  });
}

/** The draft a live document holds now: preamble first, each paragraph once (two writers who both brought back a paragraph deleted under them leave it twice). */
export function readDraft(doc: Y.Doc): LiveContent {
  const meta = metaOf(doc);
  const paragraphs = [...mapsById(paragraphsOf(doc)).values()].map(readParagraph);
  return {
    title: titleOf(doc).toString(),
    body: String(meta.get('body') ?? ''),
    baseDocumentId: (meta.get('baseDocumentId') as string | null | undefined) ?? null,
    paragraphs: preambleFirst(paragraphs),
  };
}

/** JSON with every object's keys in order: equal values, equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The same draft text, whatever the order of fields or an absent field against an empty one (no footnotes, no source). */
export function sameContent(a: LiveContent, b: LiveContent): boolean {
  const key = (p: DraftParagraph) => canonical([p.id, p.section, p.text, p.lead ?? null, p.source ?? null, p.footnotes ?? []]);
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.baseDocumentId === b.baseDocumentId &&
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((p, i) => key(p) === key(b.paragraphs[i]))
  );
}

/** One paragraph as the live document holds it now; null when no paragraph has that id. */
export function paragraphOf(doc: Y.Doc, id: string): DraftParagraph | null {
  const map = mapsById(paragraphsOf(doc)).get(id);
  return map ? readParagraph(map) : null;
}

/** A paragraph's live text (null when no paragraph has that id): for relative positions across others' edits. */
export function paragraphText(doc: Y.Doc, id: string): Y.Text | null {
  const text = mapsById(paragraphsOf(doc)).get(id)?.get('text');
  return text instanceof Y.Text ? text : null;
}

/**
 * One paragraph's change from `from` to `to` (an IME composition, made on a
 * text others changed meanwhile), with the changed range placed by `place` in
 * the live text as it is now (from relative positions taken when it began).
 */
export function spliceParagraph(
  doc: Y.Doc,
  id: string,
  from: Pick<DraftParagraph, 'text' | 'footnotes'>,
  to: Pick<DraftParagraph, 'text' | 'footnotes'>,
  place: (start: number, end: number) => { start: number; end: number },
  origin: unknown = null,
): boolean {
  const text = paragraphText(doc, id);
  const change = spliceOf(piecesOf(from.text, from.footnotes), piecesOf(to.text, to.footnotes));
  if (!text || !change) return false;
  const range = place(change.at, change.at + change.remove);
  doc.transact(() => applySplice(text, { at: range.start, remove: Math.max(0, range.end - range.start), insert: change.insert }), origin);
  return true;
}

/** Pieces as one string, each footnote as U+FFFC (the object replacement character): the same length and places. */
const piecesText = (pieces: readonly Piece[]) => pieces.map((p) => (typeof p === 'string' ? p : '\uFFFC')).join('');

/**
 * One paragraph's edit, made on the text as this editor last showed it
 * (`shown`): what changed from `shown` to `next` is placed in the live text as
 * it is now, after whatever others typed meanwhile (a keystroke that raced a
 * co-editor's in the same paragraph). False when the paragraph is gone.
 */
export function applyParagraphEdit(doc: Y.Doc, id: string, shown: Pick<DraftParagraph, 'text' | 'footnotes'>, next: Pick<DraftParagraph, 'text' | 'footnotes'>, origin: unknown = null): boolean {
  const text = paragraphText(doc, id);
  if (!text) return false;
  const before = piecesOf(shown.text, shown.footnotes);
  const change = spliceOf(before, piecesOf(next.text, next.footnotes));
  if (!change) return true;
  const now = readText(text);
  const current = piecesText(piecesOf(now.text, now.footnotes));
  const then = piecesText(before);
  const place = then === current ? (k: number) => k : pointMapper(then, current);
  const start = place(change.at);
  const end = Math.max(start, place(change.at + change.remove));
  doc.transact(() => applySplice(text, { at: start, remove: end - start, insert: change.insert }), origin);
  return true;
}

/** The lineage the server gave this document; null before it has synced with the server. */
export const lineageOf = (doc: Y.Doc): string | null => (metaOf(doc).get(LINEAGE) as string | undefined) ?? null;

/** True when the document holds no draft yet (nothing written, nothing synced). */
export const isEmpty = (doc: Y.Doc): boolean => lineageOf(doc) === null && paragraphsOf(doc).length === 0 && titleOf(doc).length === 0;

/**
 * Applies how `prev` (the draft as the writer saw it) became `next` to the live
 * document, in one transaction of `origin`: only what the writer changed, so
 * whatever others changed meanwhile stays. A paragraph others deleted that the
 * writer changed comes back with the writer's text (nothing typed is lost).
 */
export function applyDraftChange(doc: Y.Doc, prev: LiveContent, next: LiveContent, origin: unknown = null): void {
  doc.transact(() => {
    const title = spliceOf(prev.title.split(''), next.title.split(''));
    if (title) applySplice(titleOf(doc), title);
    const meta = metaOf(doc);
    if (prev.body !== next.body) meta.set('body', next.body);
    if (prev.baseDocumentId !== next.baseDocumentId) meta.set('baseDocumentId', next.baseDocumentId);

    const list = paragraphsOf(doc);
    const before = new Map(prev.paragraphs.map((p) => [p.id, p]));
    const after = new Set(next.paragraphs.map((p) => p.id));
    let maps = mapsById(list);
    const removed = prev.paragraphs.filter((p) => !after.has(p.id) && maps.has(p.id)).map((p) => maps.get(p.id)!);
    if (removed.length) {
      const gone = new Set(removed);
      for (let i = list.length - 1; i >= 0; i--) if (gone.has(list.get(i))) list.delete(i, 1);
      maps = mapsById(list);
    }
    const keep = stationary(
      prev.paragraphs.map((p) => p.id),
      next.paragraphs.map((p) => p.id),
    );
    const kept = (id: string) => keep.has(id) && maps.has(id);
    let lower: string | null = null;
    next.paragraphs.forEach((p, n) => {
      const old = before.get(p.id);
      const map = maps.get(p.id);
      if (map && old && kept(p.id)) {
        changeParagraph(map, old, p);
        lower = orderOf(map);
        return;
      }
      // Added, moved, or deleted by someone else meanwhile: a key between its neighbours in `next`.
      const following = next.paragraphs.slice(n + 1).find((q) => kept(q.id));
      const order = keyBetween(lower, following ? orderOf(maps.get(following.id)!) : null);
      lower = order;
      if (map && old) {
        map.set('order', order);
        changeParagraph(map, old, p);
        return;
      }
      const base = old ?? { ...p, text: '', footnotes: [] };
      const fresh = paragraphMap(base, order);
      list.push([fresh]);
      setText(fresh.get('text') as Y.Text, { text: '' }, base);
      changeParagraph(fresh, base, p);
    });
  }, origin);
}
