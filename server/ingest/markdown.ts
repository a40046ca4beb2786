// Imports a resolution converted to Markdown ("## 69/197. …", "**回顾**", "<sup>7</sup>",
// "---") into a ParsedDocument. Pure: text in, document out. Header reading
// (header-facts.ts) and paragraph assembly (paragraph-builder.ts) are shared with
// the PDF-text importer.
import type { Language } from '../../core/model.js';
import { ImportError, type ImportResult, type SourceMetadata } from './source.js';
import { detectLanguage, profileOf } from '../../core/languages/index.js';
import { lexiconLead } from '../../core/lead.js';
import { cleanLine, isFurniture } from './clean.js';
import { assembleDocument, bodyOpener, closingDate, isMeetingLine, readHeader } from './header-facts.js';
import { ParagraphBuilder, buildParagraphs, endsParagraph } from './paragraph-builder.js';

/** A footnote reference in running text: "<sup>7</sup>" or "[^7]". */
const REF = /<sup>\s*([\w*]+)\s*<\/sup>|\[\^([\w*]+)\](?!:)/g;
/** A footnote's own text, at the start of a block: "<sup>7</sup> 第 60/288 号决议。" or "[^7]: …". */
const NOTE = /^(?:<sup>\s*([\w*]+)\s*<\/sup>|\[\^([\w*]+)\]:)\s*(.*)$/s;
/** "1." / "1．", or Arabic's "1 -". */
const OP_NUMBER = /^(\d{1,3})\s*(?:[.．]|\s-)\s+/;
/** A sub-item block, "(a) …", "a) …" (French, Spanish, Russian), "(أ) …" (Arabic), also as a list entry "- (a) …"; group 1 is the marker. */
const ITEM = /^(?:[-*]\s+)?(\(?(?:[a-z]{1,2}|[ivxl]{1,5})\)|\(\p{Script=Arabic}{1,2}\))\s*/u;
/** "**回顾**" or "__回顾__" opening a block: the emphasised lead. */
const BOLD_LEAD = /^(?:\*\*|__)(.+?)(?:\*\*|__)/;

/** Blocks of text between blank lines, with Markdown markup that carries nothing removed. */
function blocksOf(text: string): string[] {
  const blocks: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) blocks.push(lines.join('\n'));
    lines = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    // "---" is a page break in converted documents; headings' "#" only mark size.
    if (!line || /^(?:-{3,}|\*{3,}|_{3,})$/.test(line) || isFurniture(line)) {
      flush();
      continue;
    }
    lines.push(line.replace(/^#{1,6}\s+/, ''));
  }
  flush();
  return blocks;
}

/**
 * Appends a block's text to a paragraph, moving footnote references out of the
 * text and recording where they stood.
 */
function appendWithRefs(para: ParagraphBuilder, block: string): void {
  let at = 0;
  for (const m of block.matchAll(REF)) {
    para.append(cleanLine(stripEmphasis(block.slice(at, m.index))));
    para.mark(m[1] ?? m[2]);
    at = m.index + m[0].length;
  }
  para.append(cleanLine(stripEmphasis(block.slice(at))));
}

function stripEmphasis(s: string): string {
  return s.replace(/\*\*|__/g, '').replace(/\n/g, ' ');
}

/** The lead a block opens with: its bold run when marked, else the lexicon's. */
function leadOf(block: string, lexicon: readonly string[]): string {
  const bold = BOLD_LEAD.exec(block);
  if (bold) return cleanLine(bold[1]).replace(/[，,：:]$/, '');
  return lexiconLead(cleanLine(stripEmphasis(block.replace(REF, ''))), lexicon);
}

/**
 * Imports one resolution in Markdown. Blocks between blank lines are paragraphs,
 * except where a block does not end a paragraph ("，" "；" "。"): then the next
 * text block continues it, as when footnotes or a page break split a paragraph.
 */
export function importMarkdown(text: string, source: string, meta: SourceMetadata = {}): ImportResult {
  if (!text.trim()) throw new ImportError(source, 'the text is empty');
  const warnings: string[] = [];
  const blocks = blocksOf(text);
  const notes = new Map<string, string>();
  const body: string[] = [];
  for (const block of blocks) {
    const note = NOTE.exec(block);
    if (note) notes.set(note[1] ?? note[2], cleanLine(stripEmphasis(note[3])));
    else body.push(block);
  }

  const openerAt = body.findIndex((b) => bodyOpener(b) !== null);
  if (openerAt < 0) throw new ImportError(source, 'no "大会，" / "The General Assembly," line opens the body');
  const opener = bodyOpener(body[openerAt])!;
  const language: Language = meta.language ?? detectLanguage(text);
  const { preamble: ppLeads, operative: opLeads } = profileOf(language).leads;
  const facts = readHeader(body.slice(0, openerAt).flatMap((b) => b.split('\n')));
  facts.body ??= opener.body;

  const built: ParagraphBuilder[] = [];
  let cur: ParagraphBuilder | null = null;
  let pp = 0;
  let op = 0;
  for (const block of body.slice(openerAt + 1)) {
    const plain = cleanLine(stripEmphasis(block.replace(REF, '')));
    // The closing date and meeting usually share one block, on two lines, in either order.
    const date = block.split('\n').map((line) => closingDate(cleanLine(line))).find((d) => d !== null) ?? null;
    if (date) {
      facts.date ??= date;
      break;
    }
    if (isMeetingLine(plain)) continue;
    const mayStart = !cur || endsParagraph(cur.text);
    const item = ITEM.exec(block);
    if (item && cur && (cur.hasItems || /[：:]$/.test(cur.text))) {
      cur.newPart(item[1], '');
      appendWithRefs(cur, block.slice(item[0].length));
      continue;
    }
    const num = OP_NUMBER.exec(block);
    if (mayStart && num && Number(num[1]) === op + 1) {
      op += 1;
      const rest = block.slice(num[0].length);
      cur = new ParagraphBuilder('operative', op, `OP ${op}`, leadOf(rest, opLeads));
      appendWithRefs(cur, rest);
      built.push(cur);
    } else if (mayStart && op === 0) {
      pp += 1;
      cur = new ParagraphBuilder('preamble', null, `PP ${pp}`, leadOf(block, ppLeads));
      appendWithRefs(cur, block);
      built.push(cur);
    } else if (cur) {
      appendWithRefs(cur, block);
    }
  }

  const paragraphs = buildParagraphs(built, notes, warnings);
  if (!paragraphs.length) throw new ImportError(source, 'no paragraphs found');
  for (const p of paragraphs) if (!p.lead) warnings.push(`${p.label}: no lead phrase recognised`);
  if (!op) warnings.push('no operative paragraphs found');
  const kind = meta.kind ?? 'resolution';
  const doc = assembleDocument(facts, meta, { source, kind, language, paragraphs, warnings });
  return { documents: [doc], warnings };
}
