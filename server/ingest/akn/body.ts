// A resolution's body → paragraphs: preamble (PP n), operative part (OP n, with
// stray "(a)" paragraphs folded into the one before), headings, tables and annexes,
// labelled as the file's print would cite them.
import type { ParsedParagraph, Section } from '../../../core/model.js';
import { attr, child, children, find, findAll, kids, tagOf, type XNode } from '../xml-tree.js';
import { ITEM_CONTAINERS, addItem, addList, addTable, appendLine, appendToPara, emptyBlock, type Block } from './blocks.js';
import { leadOf, plain, richOf } from './inline.js';
import { designation, qualifyLabels } from './labels.js';
import { chineseNumeral } from '../clean.js';

interface BodyState {
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
  /^[\u200b-\u200f\ufeff\s]*([(（](?:[a-z]{1,2}|[ivxlc]{1,6}|[一二三四五六七八九十]{1,3}|[甲乙丙丁戊己庚辛壬癸])[)）]|[\u3220-\u3229]|\d{1,3}[.．](?!\d)|[一二三四五六七八九十]{1,3}、)[\u200b-\u200f\ufeff\s]*/i;
/** A line that ends a sentence or clause is text, never a heading. */
const ENDS_CLAUSE = /[。；;.，,:：、!?！？]$/;
/** "* * *" between parts of a declaration. */
const SEPARATOR = /^[*＊](?:\s*[*＊])+$/;

/** The paragraphs of one statement: preamble, main body, then each attachment as an annex. */
export function buildBody(statement: XNode): ParsedParagraph[] {
  const st: BodyState = { section: 'preamble', paragraphs: [], annexName: 'annex', unnumbered: 0, pp: 0, tables: 0 };
  const pre = child(statement, 'preamble');
  if (pre) preamble(pre, st);
  const main = child(statement, 'mainBody');
  if (main) {
    st.section = 'operative';
    walkBody(kids(main), st, st.paragraphs.length);
  }
  qualifyLabels(st.paragraphs, '');
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
    qualifyLabels(st.paragraphs.slice(since), st.annexName);
  });
  return st.paragraphs;
}

function headingPara(st: BodyState, text: string, eId: string | undefined): void {
  if (!text) return;
  st.paragraphs.push({ section: 'heading', number: null, label: text, lead: '', text, footnotes: [], items: [], eId: eId ?? null });
}

function pushPara(st: BodyState, num: string, block: Block, lead: string, eId: string | undefined): void {
  // "1.", "1．" and the Arabic print's "1 -".
  // "1.", "1．" and the Arabic print's "1 -"; the Chinese print of a convention's "一、".
  const m = /^(\d+)\s*[.．\-–]?$/.exec(num);
  const zh = /^([一二三四五六七八九十]+)、$/.exec(num);
  const number = m ? Number(m[1]) : zh ? chineseNumeral(zh[1]) : null;
  let label: string;
  if (st.section === 'annex') {
    label = number !== null ? `${st.annexName}, para. ${number}` : `${st.annexName}, text ${++st.unnumbered}`;
  } else {
    label = number !== null ? `OP ${number}` : num ? `OP ${num}` : 'OP';
  }
  st.paragraphs.push({
    section: st.section, number, label, lead, text: block.text, footnotes: block.footnotes, items: block.items, eId: eId ?? null,
  });
}

/**
 * Some files (often the Chinese ones) set a heading as a plain unnumbered
 * paragraph ("第六条", "一 导言") where the other language has <subheading>: a
 * short line that ends no clause and opens a unit, or the title line right
 * after an article's, chapter's or part's heading.
 */
function isPlainHeading(st: BodyState, text: string): boolean {
  if (!text || text.length > 80 || text.includes('\n') || ENDS_CLAUSE.test(text)) return false;
  if (designation(text) || SEPARATOR.test(text)) return true;
  const prev = st.paragraphs[st.paragraphs.length - 1];
  const unit = prev?.section === 'heading' ? designation(prev.text) : null;
  return unit !== null && (unit.bare || (unit.rank !== 'section' && unit.rank !== 'subsection'));
}

/** The last non-heading paragraph of this body, to which stray sub-items and tables belong. */
function lastPara(st: BodyState, since: number): ParsedParagraph | undefined {
  const p = st.paragraphs[st.paragraphs.length - 1];
  return st.paragraphs.length > since && p && p.section !== 'heading' ? p : undefined;
}

/**
 * A table is its own paragraph, keeping its container's eId: attaching it to the
 * paragraph before would depend on whether that is a heading, which differs
 * between language versions of the same file.
 */
function tablePara(st: BodyState, b: Block, eId: string | undefined): void {
  st.tables++;
  st.paragraphs.push({
    section: st.section, number: null, label: `${st.section === 'annex' ? st.annexName + ', ' : ''}table ${st.tables}`,
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
          const rt = richOf(kids(n));
          if (isPlainHeading(st, rt.text)) headingPara(st, rt.text, undefined);
          else if (rt.text) pushPara(st, '', { ...emptyBlock(), text: rt.text, footnotes: rt.footnotes }, leadOf(kids(n)), undefined);
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
        const num = plain(child(n, 'num'));
        const isHead = (c: XNode) => ['heading', 'crossHeading', 'subheading'].includes(tagOf(c)) && attr(c, 'refersTo') !== '#preamble';
        const heads = kids(n).filter(isHead);
        // Print shows "I. Title": number and heading make one heading line.
        if (heads.length === 0 && num) headingPara(st, num, attr(n, 'eId'));
        heads.forEach((h, i) => headingPara(st, (i === 0 && num ? num + ' ' : '') + plain(h), attr(h, 'eId') ?? attr(n, 'eId')));
        walkBody(kids(n).filter((c) => tagOf(c) !== 'num' && !isHead(c)), st, since);
        break;
      }
      case 'crossHeading':
      case 'subheading':
      case 'heading':
        if (attr(n, 'refersTo') === '#preamble') ppPara(st, n);
        else headingPara(st, plain(n), attr(n, 'eId'));
        break;
      case 'container':
      case 'blockContainer': {
        const tables = findAll(n, (c) => tagOf(c) === 'table');
        if (tables.length === 0) {
          const b = emptyBlock();
          appendLine(b, richOf(kids(n)));
          if (b.text) pushPara(st, '', b, leadOf(kids(n)), attr(n, 'eId'));
          break;
        }
        const b = emptyBlock();
        for (const tb of tables) addTable(b, tb);
        tablePara(st, b, attr(n, 'eId'));
        break;
      }
      case 'table': {
        const b = emptyBlock();
        addTable(b, n);
        tablePara(st, b, attr(n, 'eId'));
        break;
      }
      default:
        break;
    }
  }
}

function paragraph(n: XNode, st: BodyState, since: number): void {
  let num = plain(child(n, 'num'));
  const b = emptyBlock();
  const body = kids(n).filter((c) => tagOf(c) !== 'num');
  const headings = body.filter((c) => ['heading', 'subheading', 'crossHeading'].includes(tagOf(c)));
  const rest = body.filter((c) => !headings.includes(c));
  const nestedParas: XNode[] = [];
  for (const c of rest) {
    const t = tagOf(c);
    if (t === 'content' || t === 'intro' || t === 'p' || t === 'wrapUp') {
      appendLine(b, richOf(kids(c)));
    } else if (ITEM_CONTAINERS.has(t)) {
      addList(b, c);
    } else if (t === 'subparagraph' || t === 'point' || t === 'item') {
      addItem(b, c);
    } else if (t === 'paragraph') {
      nestedParas.push(c);
    } else if (t === 'table') {
      addTable(b, c);
    }
  }
  // A paragraph that is only a heading ("Annex", "Introduction") is structure, not text.
  if (b.text === '' && b.footnotes.length === 0) {
    for (const h of headings) headingPara(st, (num ? num + ' ' : '') + plain(h), attr(n, 'eId'));
    if (headings.length === 0 && num) headingPara(st, num, attr(n, 'eId'));
    if (nestedParas.length) walkBody(nestedParas, st, since);
    return;
  }
  for (const h of headings) headingPara(st, plain(h), attr(h, 'eId'));
  let leadNodes = rest;
  if (!num && b.footnotes.length === 0 && isPlainHeading(st, b.text)) {
    headingPara(st, b.text, attr(n, 'eId'));
    return;
  }
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
      const line = emptyBlock();
      appendLine(line, { text: `${num} ${b.text}`, footnotes: b.footnotes.map((f) => ({ ...f, offset: f.offset + num.length + 1 })) });
      line.items = [{ marker: num, text: b.text.split('\n')[0] }, ...b.items];
      appendToPara(prev, line);
      return;
    }
  }
  pushPara(st, num, b, leadNodes.length ? leadOf(leadNodes) : '', attr(n, 'eId'));
  if (nestedParas.length) walkBody(nestedParas, st, since);
}

/** One preambular paragraph: a <container>, a <p>, or a crossHeading marked #preamble. */
function ppPara(st: BodyState, c: XNode): void {
  const b = emptyBlock();
  // Inline runs (crossHeading holds its text directly) and block children in order.
  let run: XNode[] = [];
  const flush = () => {
    if (run.length) appendLine(b, richOf(run));
    run = [];
  };
  for (const k of kids(c)) {
    const kt = tagOf(k);
    if (ITEM_CONTAINERS.has(kt)) {
      flush();
      addList(b, k);
    } else if (kt === 'table') {
      flush();
      addTable(b, k);
    } else if (kt === 'p') {
      flush();
      appendLine(b, richOf(kids(k)));
    } else run.push(k);
  }
  flush();
  if (b.text === '' && b.footnotes.length === 0) return;
  st.pp++;
  let lead = leadOf(kids(c));
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
      addList(b, c);
      const prev = st.paragraphs[st.paragraphs.length - 1];
      if (prev && prev.section === 'preamble') appendToPara(prev, b);
      else {
        st.pp++;
        st.paragraphs.push({ section: 'preamble', number: null, label: `PP ${st.pp}`, lead: '', text: b.text, footnotes: b.footnotes, items: b.items, eId: attr(c, 'eId') ?? null });
      }
    }
  }
}
