// Recognises the structure of a resolution in a sequence of lines, whether
// they come from a .docx (with styles, numbering and emphasis) or from pasted
// text (with nothing but the words): header, enacting formula, preambular
// paragraphs, numbered operative paragraphs, lettered sub-items, lead phrases.
// Our own exports say everything through their styles; other files are read
// the way a drafting officer reads them.
import { PROFILES, detectLanguage, formulaLanguage, englishBody, isLanguage, type LeadEmphasis } from '../../core/languages/index.js';
import { sectionLead } from '../../core/lead.js';
import type { Footnote, Language } from '../../core/model.js';
import { STYLE } from './layout.js';

export type LineRole = 'symbol' | 'body' | 'agenda' | 'title' | 'formula' | 'pp' | 'op' | 'item' | 'text' | 'heading' | 'end';

export interface SourceLine {
  text: string;
  /** What the file's style says this line is, if it is one of ours. */
  role: LineRole | null;
  /** Word numbering on the line: level 0 for paragraphs, 1+ for sub-items; null if none. */
  level: number | null;
  /** A marker printed by Word's list numbering ("(a)"), for sub-items numbered by Word. */
  listMarker?: string | null;
  /** The text the line opens with in the lead style (character style or emphasis). */
  emphasized: { styled: string; bold: string; italic: string };
  footnotes: Array<{ offset: number; text: string }>;
}

export interface ImportedParagraph {
  section: 'preamble' | 'operative';
  text: string;
  lead: string;
  footnotes: Footnote[];
}

export interface ImportedDraft {
  title: string;
  language: Language;
  body: string;
  symbol: string | null;
  paragraphs: ImportedParagraph[];
  warnings: string[];
}

const STYLE_ROLES: Record<string, LineRole> = {
  [STYLE.symbol]: 'symbol',
  [STYLE.body]: 'body',
  [STYLE.agenda]: 'agenda',
  [STYLE.title]: 'title',
  [STYLE.formula]: 'formula',
  [STYLE.pp]: 'pp',
  [STYLE.op]: 'op',
  [STYLE.item]: 'item',
  [STYLE.other]: 'text',
  [STYLE.heading]: 'heading',
  [STYLE.end]: 'end',
};

export function roleOfStyle(style: string | null): LineRole | null {
  return style ? (STYLE_ROLES[style] ?? null) : null;
}

const OP_NUMBER_RE = /^\s*(\d{1,3})\s*(?:[.．]|\s-)\s*/u;
const ITEM_RE = /^\s*(\(?(?:[a-z]{1,2}|[ivxl]{1,5}|[а-я]|[\p{Script=Arabic}]{1,3}|\d{1,2})\))[\s\t]+/u;
const SYMBOL_RE = /^[A-Z]{1,6}(?:\.\d+)?\/[A-Z0-9.]+(?:\/[A-Za-z0-9.]+)+$/;
const END_RE = /^[_\s*]+$/;


function emphasisLead(line: SourceLine, emphasis: LeadEmphasis): string {
  if (line.emphasized.styled) return line.emphasized.styled;
  const e = emphasis === 'bold' ? line.emphasized.bold : emphasis === 'italic' ? line.emphasized.italic : '';
  // Emphasis that covers the whole line is a heading or a title, not a lead.
  if (!e || e.trim() === line.text.trim()) return '';
  return e.replace(/[\s,，،]+$/u, '');
}

export function recognise(lines: SourceLine[], options: { language?: Language; title?: string } = {}): ImportedDraft {
  const warnings: string[] = [];
  const allText = lines.map((l) => l.text).join('\n');
  const language = options.language ?? detectLanguage(allText);
  const profile = PROFILES[language];
  const ours = lines.some((l) => l.role !== null);

  let symbol: string | null = null;
  let body = '';
  let title = options.title ?? '';
  const paragraphs: ImportedParagraph[] = [];

  // Where the operative and preambular part begins: after the formula when
  // there is one; for text without it, at the first line that looks like a
  // paragraph (a lead, a number) rather than a heading.
  let start = 0;
  if (ours) {
    const f = lines.findIndex((l) => l.role === 'formula' || l.role === 'pp' || l.role === 'op' || l.role === 'text');
    start = f < 0 ? lines.length : lines[f].role === 'formula' ? f + 1 : f;
  } else {
    const f = lines.findIndex((l) => formulaLanguage(l.text) !== null);
    if (f >= 0) start = f + 1;
    else {
      const g = lines.findIndex((l) => l.level === 0 || OP_NUMBER_RE.test(l.text) || emphasisLead(l, profile.leadEmphasis) || sectionLead(l.text, language, 'preamble') || sectionLead(l.text, language, 'operative'));
      start = g < 0 ? 0 : g;
      if (f < 0 && g > 0) warnings.push('No enacting formula found ("The General Assembly,"): the lines before the first paragraph are taken as the header.');
    }
  }

  // Header.
  const headerLines: string[] = [];
  for (const l of lines.slice(0, start)) {
    const t = l.text.trim();
    if (!t || l.role === 'formula' || formulaLanguage(t) !== null) continue;
    if (l.role === 'symbol' || (!l.role && !symbol && SYMBOL_RE.test(t))) symbol = t;
    else if (l.role === 'body') body = englishBody(t);
    else if (l.role === 'agenda') continue;
    else if (l.role === 'title') title = options.title ?? t.replace(/^\d+\/\d+(?:\s*[A-Z])?\.\s*/, '');
    else headerLines.push(t);
  }
  if (!ours && !title && headerLines.length) {
    const t = headerLines[headerLines.length - 1];
    title = t.replace(/^\d+\/\d+(?:\s*[A-Z])?\.\s*/, '');
    for (const h of headerLines.slice(0, -1)) {
      const b = englishBody(h);
      if (b !== h || /General Assembly|Economic and Social Council/.test(h)) body = b;
    }
  }

  let sawOperative = false;
  for (const l of lines.slice(start)) {
    if (l.role === 'end' || (!l.role && END_RE.test(l.text))) continue;
    if (!l.text.trim() && !l.footnotes.length) continue;
    const last = paragraphs[paragraphs.length - 1];
    const literalItem = ITEM_RE.test(l.text);
    const isItem = l.role === 'item' || (!ours && last && ((l.level !== null && l.level > 0) || (l.level === null && literalItem)));
    if (isItem && last) {
      // A sub-item line: joined to its paragraph, marker and text separated by one space.
      // Our exports write "marker<tab>text" for "marker text": exactly one
      // character back. Other files: the list's marker, or the typed one.
      let text: string;
      if (l.role === 'item') text = l.text.replace(/^(\(?[\p{L}\p{N}]{1,6}\))\t/u, '$1 ');
      else {
        text = l.text.replace(/^\s+/, '');
        if (l.listMarker) text = `${l.listMarker} ${text}`;
        text = text.replace(/^(\(?[^\s\t)]{1,6}\))[\s\t]+/u, '$1 ');
      }
      const base = last.text.length + 1;
      last.text += `\n${text}`;
      for (const f of l.footnotes) last.footnotes.push({ marker: '', text: f.text, offset: base + Math.max(0, f.offset - (l.text.length - text.length)) });
      continue;
    }
    let section: 'preamble' | 'operative';
    let text = l.text;
    let shift = 0;
    if (l.role === 'pp') section = 'preamble';
    else if (l.role === 'op') section = 'operative';
    else {
      const literal = text.match(OP_NUMBER_RE);
      if (l.level === 0 || literal) {
        section = 'operative';
        if (literal && l.level === null) {
          shift = literal[0].length;
          text = text.slice(shift);
        }
      } else section = sawOperative ? 'operative' : 'preamble';
      const trimmed = text.replace(/^\s+/, '');
      shift += text.length - trimmed.length;
      text = trimmed.replace(/\s+$/, '');
    }
    if (section === 'operative') sawOperative = true;
    let lead = emphasisLead(l, profile.leadEmphasis).slice(Math.max(0, shift));
    if (!text.startsWith(lead)) lead = '';
    if (!lead && !ours) lead = sectionLead(text, language, section);
    const footnotes = l.footnotes.map((f) => ({ marker: '', text: f.text, offset: Math.min(text.length, Math.max(0, f.offset - shift)) }));
    paragraphs.push({ section, text, lead, footnotes });
  }

  // Word numbers footnotes in order of reference; the markers follow it.
  let n = 0;
  for (const p of paragraphs) for (const f of p.footnotes) f.marker = String(++n);
  if (!isLanguage(language)) warnings.push(`Unknown language ${language}`);
  return { title: title || 'Imported draft', language, body: body || 'General Assembly', symbol, paragraphs, warnings };
}
