// Imports one General Assembly resolution file in Akoma Ntoso (AKN4UN profile) into
// ParsedDocuments. Pure: XML text in, documents out; the caller reads files.
//
// Decisions (why, where the profile leaves room):
// - A file may hold one <statement> or a <documentCollection> whose <components>
//   hold parts A, B, C… (symbol "A/RES/80/84 A"); every part becomes a document.
// - Preamble: each <container> is one PP (number null, label "PP n"); a bare
//   <blockList> right under <preamble> continues the PP before it.
// - Operative part: <paragraph> with a "1." num is OP 1. A top-level paragraph
//   numbered "(a)", "(i)" is a sub-item of the paragraph before it, as in print
//   (80/84 A: an unnumbered "Urges … :" followed by sibling (a)…(k)). An
//   unnumbered operative paragraph gets number null and label "OP".
// - Headings (section num/heading, crossHeading, subheading, subheading-only
//   paragraphs) become section 'heading' paragraphs labelled with their text, so
//   the structure survives while search can skip them.
// - A table is its own paragraph (label "table n", "annex table n"), one row per
//   line with cells joined by " | ", keeping its container's eId.
// - Annexes (<attachments>) give section 'annex' paragraphs: "annex para. 3" for a
//   numbered one, "annex text 2" for the 2nd unnumbered one; with several
//   attachments the label names the annex ordinal ("annex 2 para. 3").
// - Whitespace: runs of XML white space collapse to one space, dropped altogether
//   where either neighbour is CJK, so Chinese never gains spaces between characters.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentKind, Footnote, Language, ParsedDocument, ParsedParagraph, Section, SubItem } from '../model.js';
import { ImportError, type ImportResult, type SourceMetadata } from './source.js';

type Attrs = Record<string, string>;
/** fast-xml-parser's preserveOrder shape: { tag: children, ':@': attrs } or { '#text': s }. */
type XNode = Record<string, unknown>;

const LANGUAGE_CODES: Record<string, Language> = {
  zho: 'zh', chi: 'zh', eng: 'en', fra: 'fr', fre: 'fr', spa: 'es', rus: 'ru', ara: 'ar',
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Text must reach us untouched: whitespace decisions depend on the script around it.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

// ---------- tree helpers ----------

function tagOf(n: XNode): string {
  for (const k in n) if (k !== ':@') return k;
  return '';
}
function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = n[t];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Attrs | undefined;
  return a?.[name];
}
function child(n: XNode | undefined, tag: string): XNode | undefined {
  return n ? kids(n).find((c) => tagOf(c) === tag) : undefined;
}
function children(n: XNode | undefined, tag: string): XNode[] {
  return n ? kids(n).filter((c) => tagOf(c) === tag) : [];
}
/** Depth-first search, not entering nodes for which `stop` holds. */
function find(n: XNode, pred: (x: XNode) => boolean, stop?: (x: XNode) => boolean): XNode | undefined {
  for (const c of kids(n)) {
    if (pred(c)) return c;
    if (stop?.(c)) continue;
    const r = find(c, pred, stop);
    if (r) return r;
  }
  return undefined;
}
function findAll(n: XNode, pred: (x: XNode) => boolean, out: XNode[] = []): XNode[] {
  for (const c of kids(n)) {
    if (pred(c)) out.push(c);
    else findAll(c, pred, out);
  }
  return out;
}

// ---------- text with footnotes ----------

/** Private-use characters stand in for footnote markers while whitespace is normalised. */
const NOTE_BASE = 0xe000;

/** Han, kana, Hangul, CJK punctuation and full-width forms: no spaces around these. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // radicals, CJK punctuation, kana, unified ideographs
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x20000 && code <= 0x3ffff)
  );
}
function isWs(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

interface RichText {
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
  constructor(private readonly lang: Language | null) {}

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
        const inner = new Collector(this.lang);
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
    if (pending && last !== -1 && !isCjk(last) && !isCjk(code)) out += ' ';
    pending = false;
    out += ch;
    last = code;
  }
  return { text: out, footnotes };
}

function plain(nodes: XNode[] | XNode | undefined, lang: Language | null = null): string {
  if (!nodes) return '';
  const c = new Collector(lang);
  c.add(Array.isArray(nodes) ? nodes : kids(nodes));
  return c.result().text;
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
function leadOf(nodes: XNode[], lang: Language | null): string {
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

// ---------- paragraphs ----------

interface Block {
  text: string;
  footnotes: Footnote[];
  items: SubItem[];
}

function emptyBlock(): Block {
  return { text: '', footnotes: [], items: [] };
}

/** Appends a line (intro, item, table row) to a block, shifting its footnote offsets. */
function appendLine(b: Block, rt: RichText): void {
  if (rt.text === '' && rt.footnotes.length === 0) return;
  const sep = b.text === '' ? '' : '\n';
  const base = b.text.length + sep.length;
  b.text += sep + rt.text;
  for (const f of rt.footnotes) b.footnotes.push({ ...f, offset: f.offset + base });
}

function richOf(nodes: XNode[], lang: Language | null): RichText {
  const c = new Collector(lang);
  c.add(nodes);
  return c.result();
}

const ITEM_CONTAINERS = new Set(['list', 'sublist', 'blockList']);
const ITEM_TAGS = new Set(['point', 'item', 'subparagraph', 'paragraph']);

/** Renders a list (intro, then each item "(a) text" on its own line) into the block. */
function addList(b: Block, list: XNode, lang: Language | null): void {
  for (const c of kids(list)) {
    const t = tagOf(c);
    if (t === 'intro' || t === 'listIntroduction' || t === 'wrapUp' || t === 'listWrapUp') {
      appendLine(b, richOf(kids(c), lang));
    } else if (ITEM_TAGS.has(t)) {
      addItem(b, c, lang);
    } else if (ITEM_CONTAINERS.has(t)) {
      addList(b, c, lang);
    } else if (t === 'p') {
      appendLine(b, richOf(kids(c), lang));
    }
  }
}

function addItem(b: Block, item: XNode, lang: Language | null): void {
  const marker = plain(child(item, 'num'), lang);
  const own: XNode[] = [];
  const nested: XNode[] = [];
  for (const c of kids(item)) {
    const t = tagOf(c);
    if (t === 'num') continue;
    if (ITEM_CONTAINERS.has(t)) nested.push(c);
    else if (t === 'list' || t === 'intro') nested.push(c);
    else own.push(c);
  }
  const rt = richOf(own, lang);
  b.items.push({ marker, text: rt.text });
  const prefix = marker ? marker + ' ' : '';
  appendLine(b, {
    text: prefix + rt.text,
    footnotes: rt.footnotes.map((f) => ({ ...f, offset: f.offset + prefix.length })),
  });
  for (const n of nested) addList(b, n, lang);
}

function tableLines(table: XNode, lang: Language | null): RichText[] {
  return children(table, 'tr').map((tr) => {
    const cells = kids(tr).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
    const parts = cells.map((c) => richOf(kids(c), lang));
    let text = '';
    const footnotes: Footnote[] = [];
    parts.forEach((p, i) => {
      if (i > 0) text += ' | ';
      for (const f of p.footnotes) footnotes.push({ ...f, offset: f.offset + text.length });
      text += p.text;
    });
    return { text, footnotes };
  });
}

// ---------- document assembly ----------

interface BodyState {
  lang: Language | null;
  section: Section;
  paragraphs: ParsedParagraph[];
  /** Label prefix for annexes ("annex" or "annex 2"). */
  annexName: string;
  unnumbered: number;
  /** PPs so far: sectioned resolutions put preambular crossHeadings inside mainBody. */
  pp: number;
  tables: number;
}

const ROMAN_OR_LETTER_ITEM = /^[(（]?[a-z]{1,6}[)）]$/i;
/** ㈠…㈩, (十一), (甲): the Chinese print's (i), (x), (xi), (a). */
const CIRCLED_ITEM = /^(?:[\u3220-\u3229]|[(（](?:[一二三四五六七八九十]+|[甲乙丙丁戊己庚辛壬癸])[)）])$/;
// Leading/trailing bidi marks (U+200E) wrap typed markers in some Chinese files.
const INLINE_MARKER =
  /^[\u200b-\u200f\ufeff\s]*([(（](?:[a-z]{1,2}|[ivxlc]{1,6}|[一二三四五六七八九十]{1,3}|[甲乙丙丁戊己庚辛壬癸])[)）]|[\u3220-\u3229]|\d{1,3}[.．](?!\d))[\u200b-\u200f\ufeff\s]*/i;

function headingPara(st: BodyState, text: string, eId: string | undefined): void {
  if (!text) return;
  st.paragraphs.push({ section: 'heading', number: null, label: text, lead: '', text, footnotes: [], items: [], eId: eId ?? null });
}

function pushPara(st: BodyState, num: string, block: Block, lead: string, eId: string | undefined): void {
  // "1.", "1．" and the Arabic print's "1 -".
  const m = /^(\d+)\s*[.．\-–]?$/.exec(num);
  const number = m ? Number(m[1]) : null;
  let label: string;
  if (st.section === 'annex') {
    label = number !== null ? `${st.annexName} para. ${number}` : `${st.annexName} text ${++st.unnumbered}`;
  } else {
    label = number !== null ? `OP ${number}` : num ? `OP ${num}` : 'OP';
  }
  st.paragraphs.push({
    section: st.section, number, label, lead, text: block.text, footnotes: block.footnotes, items: block.items, eId: eId ?? null,
  });
}

/** The last non-heading paragraph of this body, to which stray sub-items and tables belong. */
function lastPara(st: BodyState, since: number): ParsedParagraph | undefined {
  const p = st.paragraphs[st.paragraphs.length - 1];
  return st.paragraphs.length > since && p && p.section !== 'heading' ? p : undefined;
}

function appendToPara(p: ParsedParagraph, b: Block): void {
  const blk: Block = { text: p.text, footnotes: p.footnotes, items: p.items };
  const shift = blk.text === '' ? 0 : blk.text.length + 1;
  blk.text = blk.text === '' ? b.text : `${blk.text}\n${b.text}`;
  for (const f of b.footnotes) blk.footnotes.push({ ...f, offset: f.offset + shift });
  blk.items.push(...b.items);
  p.text = blk.text;
}

/**
 * A table is its own paragraph, keeping its container's eId: attaching it to the
 * paragraph before would depend on whether that is a heading, which differs
 * between language versions of the same file.
 */
function tablePara(st: BodyState, b: Block, eId: string | undefined): void {
  st.tables++;
  st.paragraphs.push({
    section: st.section, number: null, label: `${st.section === 'annex' ? st.annexName + ' ' : ''}table ${st.tables}`,
    lead: '', text: b.text, footnotes: b.footnotes, items: b.items, eId: eId ?? null,
  });
}

function walkBody(nodes: XNode[], st: BodyState, since: number): void {
  for (const n of nodes) {
    const t = tagOf(n);
    switch (t) {
      case 'paragraph':
      case 'p':
        if (t === 'p' && !child(n, 'num')) {
          const rt = richOf(kids(n), st.lang);
          if (rt.text) pushPara(st, '', { ...emptyBlock(), text: rt.text, footnotes: rt.footnotes }, leadOf(kids(n), st.lang), undefined);
          break;
        }
        paragraph(n, st, since);
        break;
      case 'section':
      case 'part':
      case 'title':
      case 'chapter':
      case 'division':
      case 'hcontainer':
      case 'tblock': {
        const num = plain(child(n, 'num'), st.lang);
        const isHead = (c: XNode) => ['heading', 'crossHeading', 'subheading'].includes(tagOf(c)) && attr(c, 'refersTo') !== '#preamble';
        const heads = kids(n).filter(isHead);
        // Print shows "I. Title": number and heading make one heading line.
        if (heads.length === 0 && num) headingPara(st, num, attr(n, 'eId'));
        heads.forEach((h, i) => headingPara(st, (i === 0 && num ? num + ' ' : '') + plain(h, st.lang), attr(h, 'eId') ?? attr(n, 'eId')));
        walkBody(kids(n).filter((c) => tagOf(c) !== 'num' && !isHead(c)), st, since);
        break;
      }
      case 'crossHeading':
      case 'subheading':
      case 'heading':
        if (attr(n, 'refersTo') === '#preamble') ppPara(st, n);
        else headingPara(st, plain(n, st.lang), attr(n, 'eId'));
        break;
      case 'container':
      case 'blockContainer': {
        const tables = findAll(n, (c) => tagOf(c) === 'table');
        if (tables.length === 0) {
          const b = emptyBlock();
          appendLine(b, richOf(kids(n), st.lang));
          if (b.text) pushPara(st, '', b, leadOf(kids(n), st.lang), attr(n, 'eId'));
          break;
        }
        const b = emptyBlock();
        for (const tb of tables) for (const line of tableLines(tb, st.lang)) appendLine(b, line);
        tablePara(st, b, attr(n, 'eId'));
        break;
      }
      case 'table': {
        const b = emptyBlock();
        for (const line of tableLines(n, st.lang)) appendLine(b, line);
        tablePara(st, b, attr(n, 'eId'));
        break;
      }
      default:
        break;
    }
  }
}

function paragraph(n: XNode, st: BodyState, since: number): void {
  let num = plain(child(n, 'num'), st.lang);
  const b = emptyBlock();
  const body = kids(n).filter((c) => tagOf(c) !== 'num');
  const headings = body.filter((c) => ['heading', 'subheading', 'crossHeading'].includes(tagOf(c)));
  const rest = body.filter((c) => !headings.includes(c));
  let nestedParas: XNode[] = [];
  for (const c of rest) {
    const t = tagOf(c);
    if (t === 'content' || t === 'intro' || t === 'p' || t === 'wrapUp') {
      appendLine(b, richOf(kids(c), st.lang));
    } else if (ITEM_CONTAINERS.has(t)) {
      addList(b, c, st.lang);
    } else if (t === 'subparagraph' || t === 'point' || t === 'item') {
      addItem(b, c, st.lang);
    } else if (t === 'paragraph') {
      nestedParas.push(c);
    } else if (t === 'table') {
      for (const line of tableLines(c, st.lang)) appendLine(b, line);
    }
  }
  // A paragraph that is only a heading ("Annex", "Introduction") is structure, not text.
  if (b.text === '' && b.footnotes.length === 0) {
    for (const h of headings) headingPara(st, (num ? num + ' ' : '') + plain(h, st.lang), attr(n, 'eId'));
    if (headings.length === 0 && num) headingPara(st, num, attr(n, 'eId'));
    if (nestedParas.length) walkBody(nestedParas, st, since);
    return;
  }
  for (const h of headings) headingPara(st, plain(h, st.lang), attr(h, 'eId'));
  let leadNodes = rest;
  if (!num) {
    // Some files (often the Chinese ones) type the marker into the text ("㈢ 协助…",
    // "(b) To…") where the other language has <num>: lift it out so both agree.
    const m = INLINE_MARKER.exec(b.text);
    if (m) {
      num = m[1];
      const cut = m[0].length;
      b.text = b.text.slice(cut);
      b.footnotes = b.footnotes.map((f) => ({ ...f, offset: Math.max(0, f.offset - cut) }));
      leadNodes = [];
    }
  }
  if (ROMAN_OR_LETTER_ITEM.test(num) || CIRCLED_ITEM.test(num)) {
    const prev = lastPara(st, since);
    if (prev) {
      const line: Block = { text: '', footnotes: [], items: [] };
      appendLine(line, { text: `${num} ${b.text}`, footnotes: b.footnotes.map((f) => ({ ...f, offset: f.offset + num.length + 1 })) });
      line.items = [{ marker: num, text: b.text.split('\n')[0] }, ...b.items];
      appendToPara(prev, line);
      return;
    }
  }
  pushPara(st, num, b, leadNodes.length ? leadOf(leadNodes, st.lang) : '', attr(n, 'eId'));
  if (nestedParas.length) walkBody(nestedParas, st, since);
}

/** One preambular paragraph: a <container>, a <p>, or a crossHeading marked #preamble. */
function ppPara(st: BodyState, c: XNode): void {
  const b = emptyBlock();
  // Inline runs (crossHeading holds its text directly) and block children in order.
  let run: XNode[] = [];
  const flush = () => {
    if (run.length) appendLine(b, richOf(run, st.lang));
    run = [];
  };
  for (const k of kids(c)) {
    const kt = tagOf(k);
    if (ITEM_CONTAINERS.has(kt)) {
      flush();
      addList(b, k, st.lang);
    } else if (kt === 'table') {
      flush();
      for (const line of tableLines(k, st.lang)) appendLine(b, line);
    } else if (kt === 'p') {
      flush();
      appendLine(b, richOf(kids(k), st.lang));
    } else run.push(k);
  }
  flush();
  if (b.text === '' && b.footnotes.length === 0) return;
  st.pp++;
  let lead = leadOf(kids(c), st.lang);
  const name = attr(c, 'name');
  // The container's name is the lead the markup intended; use it when no emphasis survived.
  if (!lead && name && b.text.startsWith(name)) lead = name;
  st.paragraphs.push({
    section: 'preamble', number: null, label: `PP ${st.pp}`, lead, text: b.text,
    footnotes: b.footnotes, items: b.items, eId: attr(c, 'eId') ?? null,
  });
}

function preamble(pre: XNode, st: BodyState): void {
  for (const c of kids(pre)) {
    const t = tagOf(c);
    if (t === 'formula') continue;
    if (t === 'container' || t === 'p' || t === 'crossHeading') {
      ppPara(st, c);
    } else if (ITEM_CONTAINERS.has(t)) {
      const b = emptyBlock();
      addList(b, c, st.lang);
      const prev = st.paragraphs[st.paragraphs.length - 1];
      if (prev && prev.section === 'preamble') appendToPara(prev, b);
      else {
        st.pp++;
        st.paragraphs.push({ section: 'preamble', number: null, label: `PP ${st.pp}`, lead: '', text: b.text, footnotes: b.footnotes, items: b.items, eId: attr(c, 'eId') ?? null });
      }
    }
  }
}

// ---------- metadata ----------

interface Meta {
  language: Language | null;
  date: string | null;
  draftSymbol: string | null;
  agendaItem: string | null;
  sponsors: string[];
  kindFromFrbr: string | null;
}

/** Member States whose names contain " and ": never split there. */
const AND_NAMES = [
  'Antigua and Barbuda', 'Bosnia and Herzegovina', 'Saint Kitts and Nevis', 'Saint Vincent and the Grenadines',
  'Sao Tome and Principe', 'Trinidad and Tobago', 'United Kingdom of Great Britain and Northern Ireland',
  'Heard Island and McDonald Islands', 'Turks and Caicos Islands', 'Wallis and Futuna',
];

/** "A, B, C and D" → [A, B, C, D], keeping "Bosnia and Herzegovina" and parentheses whole. */
export function splitSponsors(by: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of by) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const out: string[] = [];
  for (const raw of parts) {
    const p = raw.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    out.push(...splitAnd(p));
  }
  return out;
}

function splitAnd(p: string): string[] {
  // Mask protected names and parenthesised text, then split on the remaining " and ".
  let masked = p;
  for (const n of AND_NAMES) masked = masked.split(n).join(n.replace(/ and /g, ' \u0001 '));
  masked = masked.replace(/\([^)]*\)/g, (m) => m.replace(/ and /g, ' \u0001 '));
  return masked
    .split(/ and /)
    .map((s) => s.replace(/\u0001/g, 'and').trim())
    .filter(Boolean);
}

function readMeta(meta: XNode | undefined): Meta {
  const m: Meta = { language: null, date: null, draftSymbol: null, agendaItem: null, sponsors: [], kindFromFrbr: null };
  if (!meta) return m;
  const ident = child(meta, 'identification');
  const lang = ident && find(ident, (n) => tagOf(n) === 'FRBRlanguage');
  const code = lang && attr(lang, 'language');
  if (code) m.language = LANGUAGE_CODES[code.toLowerCase()] ?? null;
  const work = child(ident, 'FRBRWork');
  const adopted = children(work, 'FRBRdate').find((d) => attr(d, 'name') === 'adoption');
  m.date = adopted ? (attr(adopted, 'date') ?? null) : null;
  const agenda = find(meta, (n) => tagOf(n) === 'keyword' && attr(n, 'refersTo') === 'agenda');
  m.agendaItem = agenda ? (attr(agenda, 'value') ?? null) : null;
  const wf = child(meta, 'workflow');
  for (const step of children(wf, 'step')) {
    const outcome = attr(step, 'outcome') ?? '';
    const by = attr(step, 'by') ?? '';
    if (/^draft(Resolution|Decision)$/.test(outcome)) {
      m.draftSymbol = attr(step, 'as')?.trim() || m.draftSymbol;
      m.sponsors.push(...splitSponsors(by));
    } else if (/^draft(Resolution|Decision)AdditionalSponsors$/.test(outcome)) {
      m.sponsors.push(...splitSponsors(by));
    }
  }
  m.sponsors = [...new Set(m.sponsors)];
  return m;
}

function mergeMeta(own: Meta, outer: Meta): Meta {
  return {
    language: own.language ?? outer.language,
    date: own.date ?? outer.date,
    draftSymbol: own.draftSymbol ?? outer.draftSymbol,
    agendaItem: own.agendaItem ?? outer.agendaItem,
    sponsors: own.sponsors.length ? own.sponsors : outer.sponsors,
    kindFromFrbr: own.kindFromFrbr ?? outer.kindFromFrbr,
  };
}

function symbolFromNumber(docNumber: string): string | null {
  const m = /^(\d+)\/(\d+)\s*([A-Z](?:[-–][A-Z])?)?\.?$/.exec(docNumber.trim());
  if (!m) return null;
  return `A/RES/${m[1]}/${m[2]}${m[3] ? ' ' + m[3] : ''}`;
}

interface Head {
  symbol: string | null;
  /** The cover page's symbol when it contradicts the preface's number (the preface wins). */
  conflictingCoverSymbol: string | null;
  session: number | null;
  title: string;
  agendaItem: string | null;
  conclusionDate: string | null;
}

function readHead(holder: XNode): Head {
  const cover = child(holder, 'coverPage');
  const preface = child(holder, 'preface');
  const coverNo = cover && find(cover, (n) => tagOf(n) === 'docNumber');
  const prefNo = preface && find(preface, (n) => tagOf(n) === 'docNumber');
  const prefTitle = preface && find(preface, (n) => tagOf(n) === 'docTitle');
  const sessionNode = cover && find(cover, (n) => tagOf(n) === 'session');
  const agendaNode = cover && find(cover, (n) => tagOf(n) === 'inline' && attr(n, 'name') === 'agenda item');
  const concl = child(holder, 'conclusions');
  const cDate = concl && find(concl, (n) => tagOf(n) === 'docDate');
  let symbol = coverNo ? plain(coverNo).replace(/\s+/g, ' ') : '';
  const fromPreface = prefNo ? symbolFromNumber(plain(prefNo)) : null;
  let conflictingCoverSymbol: string | null = null;
  // 75/269 zh: the cover says A/RES/75/268 while its preface and FRBR say 75/269;
  // the preface number is the one printed above the title, so it wins.
  if (symbol && fromPreface && symbol.replace(/\s+[A-Z](?:\s*[-–]\s*[A-Z])?$/, '') !== fromPreface.replace(/\s+[A-Z](?:[-–][A-Z])?$/, '')) {
    conflictingCoverSymbol = symbol;
    symbol = fromPreface;
  }
  if (!symbol && fromPreface) symbol = fromPreface;
  const sv = sessionNode && attr(sessionNode, 'value');
  const symSession = /^A\/RES\/(\d+)\//.exec(symbol);
  return {
    symbol: symbol || null,
    conflictingCoverSymbol,
    session: sv && /^\d+$/.test(sv) ? Number(sv) : symSession ? Number(symSession[1]) : null,
    title: prefTitle ? plain(prefTitle) : '',
    agendaItem: agendaNode ? (attr(agendaNode, 'title') ?? null) : null,
    conclusionDate: cDate ? (attr(cDate, 'date') ?? null) : null,
  };
}

function buildBody(statement: XNode, lang: Language | null): ParsedParagraph[] {
  const st: BodyState = { lang, section: 'preamble', paragraphs: [], annexName: 'annex', unnumbered: 0, pp: 0, tables: 0 };
  const pre = child(statement, 'preamble');
  if (pre) preamble(pre, st);
  const main = child(statement, 'mainBody');
  if (main) {
    st.section = 'operative';
    walkBody(kids(main), st, st.paragraphs.length);
  }
  const atts = child(statement, 'attachments');
  const list = children(atts, 'attachment');
  list.forEach((att, i) => {
    const doc = find(att, (n) => ['doc', 'statement', 'documentCollection'].includes(tagOf(n)));
    if (!doc) return;
    st.section = 'annex';
    st.annexName = list.length > 1 ? `annex ${i + 1}` : 'annex';
    st.unnumbered = 0;
    const inner = child(doc, 'preamble');
    const since = st.paragraphs.length;
    if (inner) walkBody(kids(inner).filter((c) => tagOf(c) !== 'formula'), st, since);
    const body = child(doc, 'mainBody');
    if (body) walkBody(kids(body), st, since);
  });
  return st.paragraphs;
}

// ---------- entry point ----------

/**
 * Imports one AKN4UN file. A documentCollection (resolutions A, B, …) yields one
 * document per part. Throws ImportError when the XML is malformed or not AKN.
 */
export function importAkn(xml: string, source: string, meta: SourceMetadata = {}): ImportResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportError(source, `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let tree: XNode[];
  try {
    tree = parser.parse(xml) as XNode[];
  } catch (e) {
    throw new ImportError(source, `malformed XML: ${(e as Error).message}`);
  }
  const root = tree.find((n) => !('#text' in n) && tagOf(n) !== '?xml' && !tagOf(n).startsWith('#'));
  if (!root) throw new ImportError(source, 'no root element: not Akoma Ntoso');
  if (tagOf(root) !== 'akomaNtoso') {
    throw new ImportError(source, `not Akoma Ntoso: root element is <${tagOf(root)}>, expected <akomaNtoso>`);
  }
  const warnings: string[] = [];
  const documents: ParsedDocument[] = [];

  const statement = child(root, 'statement');
  const collection = child(root, 'documentCollection');
  if (statement) {
    documents.push(buildDocument(statement, readMeta(child(statement, 'meta')), readHead(statement), source, meta, warnings, null));
  } else if (collection) {
    const outerMeta = readMeta(child(collection, 'meta'));
    const outerHead = readHead(collection);
    const comps = children(child(root, 'components'), 'component');
    if (comps.length === 0) throw new ImportError(source, 'documentCollection without <components>: nothing to import');
    for (const comp of comps) {
      const part = find(comp, (n) => tagOf(n) === 'statement' || tagOf(n) === 'doc');
      if (!part) continue;
      const m = mergeMeta(readMeta(child(part, 'meta')), outerMeta);
      const h = readHead(part);
      const letter = h.symbol && /^[A-Z]$/.test(h.symbol.trim()) ? h.symbol.trim() : null;
      const pref = child(part, 'preface');
      const partNo = pref ? plain(find(pref, (n) => tagOf(n) === 'docNumber')) : '';
      const partLetter = letter ?? (/^[A-Z]\.?$/.test(partNo.trim()) ? partNo.trim().replace('.', '') : null);
      // The collection's symbol is "A/RES/80/84 A-B"; each part is "A/RES/80/84 A".
      const baseSymbol = outerHead.symbol?.replace(/\s+[A-Z](?:\s*[-–]\s*[A-Z])?$/, '') ?? null;
      const head: Head = {
        symbol: baseSymbol && partLetter ? `${baseSymbol} ${partLetter}` : baseSymbol,
        conflictingCoverSymbol: outerHead.conflictingCoverSymbol,
        session: outerHead.session,
        title: h.title || outerHead.title,
        agendaItem: outerHead.agendaItem,
        conclusionDate: h.conclusionDate ?? outerHead.conclusionDate,
      };
      if (!partLetter) warnings.push(`${source}: a component has no part letter; symbol ${head.symbol}`);
      documents.push(buildDocument(part, m, head, source, meta, warnings, partLetter));
    }
  } else {
    throw new ImportError(source, 'not an AKN resolution: <akomaNtoso> holds neither <statement> nor <documentCollection>');
  }
  return { documents, warnings };
}

function buildDocument(
  statement: XNode, m: Meta, head: Head, source: string, meta: SourceMetadata, warnings: string[], part: string | null,
): ParsedDocument {
  const language = m.language ?? meta.language ?? null;
  if (!language) throw new ImportError(source, 'no FRBRlanguage in the file and no language in the metadata');
  if (meta.language && m.language && meta.language !== m.language) {
    warnings.push(`${source}: file says language ${m.language}, metadata says ${meta.language}; the file wins`);
  }
  const symbol = head.symbol ?? meta.symbol ?? null;
  if (head.conflictingCoverSymbol) {
    warnings.push(`${source}: cover page says ${head.conflictingCoverSymbol}, the preface says ${head.symbol}; the preface wins`);
  }
  if (!symbol) warnings.push(`${source}: no symbol in the file or the metadata`);
  else if (meta.symbol && head.symbol && meta.symbol !== head.symbol && !part) {
    warnings.push(`${source}: file says symbol ${head.symbol}, metadata says ${meta.symbol}; the file wins`);
  }
  const date = m.date ?? head.conclusionDate ?? meta.date ?? null;
  if (!date) warnings.push(`${source}: no adoption date`);
  const name = attr(statement, 'name') ?? '';
  const kind: DocumentKind = /decision/i.test(name) ? 'decision' : (meta.kind ?? 'resolution');
  const title = head.title || meta.title || '';
  if (!title) warnings.push(`${source}: no title`);
  const paragraphs = buildBody(statement, language);
  if (paragraphs.length === 0) warnings.push(`${source}${part ? ` part ${part}` : ''}: no paragraphs`);
  return {
    symbol,
    title,
    language,
    kind,
    body: meta.body ?? 'General Assembly',
    session: head.session ?? meta.session ?? null,
    date,
    source,
    draftSymbol: m.draftSymbol,
    agendaItem: m.agendaItem ?? head.agendaItem,
    sponsors: m.sponsors,
    paragraphs,
  };
}
