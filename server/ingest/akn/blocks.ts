// A paragraph's text as blocks of lines: its own text, list items "(a) …" and
// table rows "cell | cell", each on its own line, footnote offsets kept in step.
import type { Footnote, ParsedParagraph, SubItem } from '../../../core/model.js';
import { child, children, kids, tagOf, type XNode } from '../xml-tree.js';
import { plain, richOf, type RichText } from './inline.js';

export interface Block {
  text: string;
  footnotes: Footnote[];
  items: SubItem[];
}

export function emptyBlock(): Block {
  return { text: '', footnotes: [], items: [] };
}

/** Appends a line (intro, item, table row) to a block, shifting its footnote offsets. */
export function appendLine(b: Block, rt: RichText): void {
  if (rt.text === '' && rt.footnotes.length === 0) return;
  const sep = b.text === '' ? '' : '\n';
  const base = b.text.length + sep.length;
  b.text += sep + rt.text;
  for (const f of rt.footnotes) b.footnotes.push({ ...f, offset: f.offset + base });
}

/** Appends a block's lines, footnotes and items to a paragraph already built. */
export function appendToPara(p: ParsedParagraph, b: Block): void {
  const blk: Block = { text: p.text, footnotes: p.footnotes, items: p.items };
  const shift = blk.text === '' ? 0 : blk.text.length + 1;
  blk.text = blk.text === '' ? b.text : `${blk.text}\n${b.text}`;
  for (const f of b.footnotes) blk.footnotes.push({ ...f, offset: f.offset + shift });
  blk.items.push(...b.items);
  p.text = blk.text;
}

export const ITEM_CONTAINERS = new Set(['list', 'sublist', 'blockList']);
const ITEM_TAGS = new Set(['point', 'item', 'subparagraph', 'paragraph']);

/** Renders a list (intro, then each item "(a) text" on its own line) into the block. */
export function addList(b: Block, list: XNode): void {
  for (const c of kids(list)) {
    const t = tagOf(c);
    if (t === 'intro' || t === 'listIntroduction' || t === 'wrapUp' || t === 'listWrapUp') {
      appendLine(b, richOf(kids(c)));
    } else if (ITEM_TAGS.has(t)) {
      addItem(b, c);
    } else if (ITEM_CONTAINERS.has(t)) {
      addList(b, c);
    } else if (t === 'p') {
      appendLine(b, richOf(kids(c)));
    }
  }
}

export function addItem(b: Block, item: XNode): void {
  const marker = plain(child(item, 'num'));
  const own: XNode[] = [];
  const nested: XNode[] = [];
  for (const c of kids(item)) {
    const t = tagOf(c);
    if (t === 'num') continue;
    if (ITEM_CONTAINERS.has(t)) nested.push(c);
    else if (t === 'list' || t === 'intro') nested.push(c);
    else own.push(c);
  }
  const rt = richOf(own);
  b.items.push({ marker, text: rt.text });
  const prefix = marker ? marker + ' ' : '';
  appendLine(b, {
    text: prefix + rt.text,
    footnotes: rt.footnotes.map((f) => ({ ...f, offset: f.offset + prefix.length })),
  });
  for (const n of nested) addList(b, n);
}

/** Appends a table, one row a line with its cells joined by " | ". */
export function addTable(b: Block, table: XNode): void {
  for (const line of tableLines(table)) appendLine(b, line);
}

function tableLines(table: XNode): RichText[] {
  return children(table, 'tr').map((tr) => {
    const cells = kids(tr).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
    const parts = cells.map((c) => richOf(kids(c)));
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
