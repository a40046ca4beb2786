// Writes a resolution or a draft as Akoma Ntoso XML in the UN's AKN4UN shape:
// FRBR Work/Expression/Manifestation metadata with the language, a cover page
// and preface with the symbol when known, the preamble (enacting formula, one
// <container> per preambular paragraph), the main body (numbered operative
// <paragraph>s with their sub-items as <list>/<point>), annexes as attachments,
// footnotes as <authorialNote> where their marker stands, and the lead phrase
// emphasised as the UN's files do. Pure: a document in, XML text out. eIds
// are kept where a paragraph has one (a precedent's, the same in every
// language) and generated otherwise, never twice in one file.
import { PROFILES, isCjk, localizedBody } from '../../core/languages/index.js';
import { leadOf } from '../../core/lead.js';
import type { DocumentKind, DocumentRecord, Footnote, Language, Section, SubItem } from '../../core/model.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export interface AknParagraph {
  section: Section;
  /** OP number, annex paragraph number; null otherwise (OPs without one are numbered in order). */
  number: number | null;
  /** "annex 2, para. 3" says which annex an annex paragraph belongs to. */
  label?: string;
  lead: string;
  /** Lead included; sub-items and other lines after the first, one a line. */
  text: string;
  footnotes: readonly Footnote[];
  /** The sub-items among the text's lines; read from the lines ("(a) …") when absent. */
  items?: readonly SubItem[];
  eId?: string | null;
}

export interface AknDocument {
  language: Language;
  /** "draft" for a draft not yet tabled. */
  kind: DocumentKind | 'draft';
  symbol: string | null;
  title: string;
  /** English name of the body, as the store keeps it ("General Assembly"). */
  body: string;
  session: number | null;
  /** Adoption (resolutions) or issue date, yyyy-mm-dd; null for a draft. */
  date: string | null;
  agendaItem: string | null;
  draftSymbol?: string | null;
  sponsors?: readonly string[];
  paragraphs: readonly AknParagraph[];
  /** The day the file is written (yyyy-mm-dd): the Manifestation's date, and the Work's for a draft. */
  exportedOn: string;
  /** Names a draft in its FRBR URI (its id). */
  draftName?: string;
}

/** ISO 639-2 codes, as AKN4UN writes FRBRlanguage. */
const ISO_639_2: Record<Language, string> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };

/** How the UN's AKN files mark a lead: bold in Chinese, bold italic in Arabic, italic in the others. */
const LEAD_CLASS: Record<Language, string> = { ar: 'bold italic', zh: 'bold', en: 'italic', fr: 'italic', ru: 'italic', es: 'italic' };

/** Sub-item markers as printed: "(a)", "(iv)", "a)" (French, Spanish, Russian), "(أ)", "㈠". */
const ITEM_MARKER = /^(\(?[a-z]{1,2}\)|\([ivxlc]{1,6}\)|\([\p{Script=Arabic}]{1,3}\)|[\u3220-\u3229]|[(（][一二三四五六七八九十]{1,3}[)）])\s/u;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function attrs(a: Record<string, string | null | undefined>): string {
  return Object.entries(a)
    .filter((e): e is [string, string] => e[1] != null)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

function el(tag: string, a: Record<string, string | null | undefined>, inner?: string): string {
  return inner === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

/** Hands out eIds: a paragraph's own where it has one not yet used, else the next free one of the kind. */
class EIds {
  private used = new Set<string>();
  private next = new Map<string, number>();

  reserve(ids: Iterable<string | null | undefined>): void {
    for (const id of ids) if (id) this.used.add(id);
  }

  take(own: string | null | undefined, prefix: string): string {
    if (own && !this.taken.has(own)) {
      this.taken.add(own);
      return own;
    }
    let n = this.next.get(prefix) ?? 1;
    while (this.used.has(`${prefix}_${n}`) || this.taken.has(`${prefix}_${n}`)) n++;
    this.next.set(prefix, n + 1);
    const id = `${prefix}_${n}`;
    this.taken.add(id);
    return id;
  }

  private taken = new Set<string>();
}

interface Line {
  /** The item's marker, or null for a line that is no sub-item. */
  marker: string | null;
  /** The line's text without its marker. */
  text: string;
  /** The line's start in the paragraph text, and where its own text starts. */
  start: number;
  textStart: number;
}

/** The paragraph's lines, each known sub-item (or, without a list of them, each "(a) …" line) told apart. */
function linesOf(p: AknParagraph): Line[] {
  const lines: Line[] = [];
  const items = [...(p.items ?? [])];
  let start = 0;
  p.text.split('\n').forEach((raw, i) => {
    let marker: string | null = null;
    let textStart = start;
    if (i > 0) {
      const known = items[0];
      if (p.items) {
        const prefix = known?.marker ? `${known.marker} ` : '';
        if (known && raw.startsWith(prefix) && (raw.slice(prefix.length).trim() === known.text.trim() || raw.slice(prefix.length).startsWith(known.text.trim().slice(0, 20)))) {
          marker = known.marker;
          textStart = start + prefix.length;
          items.shift();
        }
      } else {
        const m = ITEM_MARKER.exec(raw);
        if (m) {
          marker = m[1];
          textStart = start + m[0].length;
        }
      }
    }
    lines.push({ marker, text: p.text.slice(textStart, start + raw.length), start, textStart });
    start += raw.length + 1;
  });
  return lines;
}

/**
 * Inline content of one line: the lead (first line only) in the language's
 * emphasis, then the text, each footnote as an <authorialNote> where its
 * marker stood. A footnote inside the lead goes after it.
 */
function inline(text: string, from: number, lead: string, notes: readonly Footnote[], language: Language, ids: EIds): string {
  const end = from + text.length;
  // A lead may follow white space XML does not collapse (no-break and em spaces in a few files).
  const leadStart = text.length - text.trimStart().length;
  const leadEnd = lead && text.startsWith(lead, leadStart) ? leadStart + lead.length : 0;
  const mine = notes
    .map((f, i) => ({ ...f, marker: f.marker || String(i + 1) }))
    .filter((f) => f.offset >= from && f.offset <= end)
    .map((f) => ({ ...f, at: Math.min(text.length, Math.max(f.offset - from, leadEnd)) }))
    .sort((a, b) => a.at - b.at);
  let out = leadEnd ? escapeXml(text.slice(0, leadStart)) + el('span', { class: LEAD_CLASS[language] }, escapeXml(text.slice(leadStart, leadEnd))) : '';
  let pos = leadEnd;
  for (const f of mine) {
    out += escapeXml(text.slice(pos, f.at));
    out += el('authorialNote', { marker: f.marker, placement: 'bottom', eId: ids.take(null, 'authorialNote') }, el('p', {}, escapeXml(f.text)));
    pos = f.at;
  }
  return out + escapeXml(text.slice(pos));
}

/** The footnotes of a line: from its start (a note before an item's marker goes after it) to its end. */
function lineNotes(p: AknParagraph, line: Line): Footnote[] {
  const end = line.textStart + line.text.length;
  return p.footnotes.filter((f) => f.offset >= line.start && f.offset <= end).map((f) => ({ ...f, offset: Math.max(f.offset, line.textStart) }));
}

function preambular(p: AknParagraph, language: Language, ids: EIds): string {
  const eId = ids.take(p.eId, 'container');
  const lines = linesOf(p);
  let inner = '';
  let list = '';
  const flush = () => {
    if (list) inner += el('blockList', { eId: ids.take(null, `${eId}__list`) }, list);
    list = '';
  };
  lines.forEach((line, i) => {
    const body = inline(line.text, line.textStart, i === 0 ? p.lead : '', lineNotes(p, line), language, ids);
    if (line.marker !== null) list += el('item', { eId: ids.take(null, `${eId}__item`) }, (line.marker ? el('num', {}, escapeXml(line.marker)) : '') + el('p', {}, body));
    else {
      flush();
      inner += el('p', {}, body);
    }
  });
  flush();
  return el('container', { name: p.lead || 'preambularParagraph', eId }, inner);
}

function numbered(p: AknParagraph, num: string, language: Language, ids: EIds, prefix: string): string {
  const eId = ids.take(p.eId, prefix);
  const lines = linesOf(p);
  const numEl = num ? el('num', {}, escapeXml(num)) : '';
  const body = (line: Line, i: number) => el('p', {}, inline(line.text, line.textStart, i === 0 ? p.lead : '', lineNotes(p, line), language, ids));
  if (lines.length === 1) return el('paragraph', { eId }, numEl + el('content', { eId: `${eId}__content` }, body(lines[0], 0)));
  // Lines after the first are the sub-items; a line that is none becomes the
  // list's wrap-up when it closes the paragraph, else an unnumbered point.
  const last = lines.length - 1;
  let points = '';
  let wrapUp = '';
  lines.slice(1).forEach((line, k) => {
    const i = k + 1;
    if (line.marker === null && i === last) wrapUp = el('wrapUp', { eId: `${eId}__list__wrapUp` }, body(line, i));
    else {
      const pointId = ids.take(null, `${eId}__list__point`);
      points += el('point', { eId: pointId }, (line.marker ? el('num', {}, escapeXml(line.marker)) : '') + el('content', { eId: `${pointId}__content` }, body(line, i)));
    }
  });
  if (!points) return el('paragraph', { eId }, numEl + el('intro', { eId: `${eId}__intro` }, body(lines[0], 0)) + wrapUp);
  const list = el('list', { eId: `${eId}__list` }, el('intro', { eId: `${eId}__list__intro` }, body(lines[0], 0)) + points + wrapUp);
  return el('paragraph', { eId }, numEl + list);
}

/**
 * A heading as an hcontainer. A space beside Chinese ("一 导言", "D. 教育补助金")
 * would be lost as XML white space: the part before it goes in <num>, which
 * the reader joins to the heading with one space, as print shows it.
 */
function heading(p: AknParagraph, ids: EIds): string {
  const eId = ids.take(p.eId, 'hcontainer');
  const text = p.text.replace(/\n/g, ' ');
  const gap = /^(\S+) (?=\S)/u.exec(text);
  const split = gap && (isCjk(gap[1].slice(-1)) || isCjk(text.charAt(gap[0].length)));
  const num = split ? el('num', {}, escapeXml(gap[1])) : '';
  return el('hcontainer', { name: 'crossHeading', eId }, num + el('heading', {}, escapeXml(split ? text.slice(gap[0].length) : text)));
}

/** "A/RES/80/229" → "80/229": the number printed before the title. */
function resolutionNumber(symbol: string | null): string | null {
  return symbol?.match(/^A\/RES\/(\d+\/\d+(?:\s*[A-Z])?)$/)?.[1] ?? null;
}

/** An operative paragraph's number as the language prints it: "1." or, in Arabic, "1 -". */
function opNumber(n: number, language: Language): string {
  return language === 'ar' ? `${n} -` : `${n}.`;
}

/** "General Assembly" → "ga"; other bodies by their name. */
function bodyId(body: string): string {
  return body === 'General Assembly' ? 'ga' : body.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'author';
}

function workPath(doc: AknDocument, date: string): string {
  const name = doc.symbol
    ? doc.symbol.replace(/^A\/RES\//, '').replace(/[^A-Za-z0-9.]+/g, '-')
    : `draft-${(doc.draftName ?? 'untitled').replace(/[^A-Za-z0-9.-]+/g, '-')}`;
  return `/akn/un/statement/${doc.kind === 'draft' ? 'draft' : 'deliberation'}/${doc.body === 'General Assembly' ? 'unga' : 'un'}/${date}/${name}`;
}

/** What the Work's date is: adoption for what a body adopted, issue for a report, the export day for a draft. */
function dateName(doc: AknDocument): string {
  if (!doc.date || doc.kind === 'draft') return 'draft';
  return doc.kind === 'report' ? 'publication' : 'adoption';
}

function meta(doc: AknDocument): string {
  const lang = ISO_639_2[doc.language];
  const date = doc.date ?? doc.exportedOn;
  const work = workPath(doc, date);
  const author = `#${bodyId(doc.body)}`;
  return el(
    'meta',
    {},
    el(
      'identification',
      { source: '#precedent' },
      el('FRBRWork', {}, [
        el('FRBRthis', { value: `${work}/!main` }),
        el('FRBRuri', { value: work }),
        el('FRBRdate', { date, name: dateName(doc) }),
        el('FRBRauthor', { href: author, as: '#author' }),
        el('FRBRcountry', { value: 'un' }),
      ].join('')) +
        el('FRBRExpression', {}, [
          el('FRBRthis', { value: `${work}/${lang}@/!main` }),
          el('FRBRuri', { value: `${work}/${lang}@` }),
          el('FRBRdate', { date, name: dateName(doc) }),
          el('FRBRauthor', { href: author, as: '#author' }),
          el('FRBRlanguage', { language: lang }),
        ].join('')) +
        el('FRBRManifestation', {}, [
          el('FRBRthis', { value: `${work}/${lang}@/!main.xml` }),
          el('FRBRuri', { value: `${work}/${lang}@.xml` }),
          el('FRBRdate', { date: doc.exportedOn, name: 'markup' }),
          el('FRBRauthor', { href: '#precedent', as: '#editor' }),
        ].join('')),
    ) +
      // refersTo="agenda", as the UN's files write it (and the importer reads it).
      (doc.agendaItem ? el('classification', { source: '#precedent' }, el('keyword', { refersTo: 'agenda', value: doc.agendaItem, showAs: PROFILES[doc.language].agendaItem(doc.agendaItem), dictionary: 'agenda' })) : '') +
      (doc.draftSymbol ? el('workflow', { source: '#precedent' }, el('step', { date, outcome: 'draftResolution', as: doc.draftSymbol, by: doc.sponsors?.length ? doc.sponsors.join(', ') : author })) : '') +
      el('references', { source: '#precedent' }, [
        el('TLCOrganization', { eId: bodyId(doc.body), href: `/ontology/organization/un/${bodyId(doc.body)}`, showAs: doc.body }),
        el('TLCOrganization', { eId: 'precedent', href: '/ontology/organization/precedent', showAs: 'Precedent' }),
        el('TLCRole', { eId: 'author', href: '/ontology/role/author', showAs: 'author' }),
        el('TLCRole', { eId: 'editor', href: '/ontology/role/editor', showAs: 'editor' }),
      ].join('')),
  );
}

function head(doc: AknDocument): string {
  const profile = PROFILES[doc.language];
  const cover = [
    doc.symbol ? el('p', {}, el('docNumber', { refersTo: '#symbol' }, escapeXml(doc.symbol))) : '',
    el('p', {}, el('docAuthority', {}, escapeXml(localizedBody(doc.language, doc.body)))),
    doc.session !== null ? el('p', {}, el('session', { value: String(doc.session) }, String(doc.session))) : '',
    doc.agendaItem ? el('p', {}, el('inline', { name: 'agenda item', title: doc.agendaItem }, escapeXml(profile.agendaItem(doc.agendaItem)))) : '',
  ].join('');
  const number = resolutionNumber(doc.symbol);
  const preface = el('preface', {}, el('p', {}, (number ? `${el('docNumber', {}, `${escapeXml(number)}.`)} ` : '') + el('docTitle', {}, escapeXml(doc.title))));
  return el('coverPage', {}, cover) + preface;
}

function formula(doc: AknDocument): string {
  if (doc.body !== 'General Assembly') return '';
  const f = PROFILES[doc.language].formula;
  const words = f.replace(/[,，،]\s*$/u, '');
  return el('formula', { name: 'enactingFormula', eId: 'formula_1' }, el('p', {}, el('span', { class: LEAD_CLASS[doc.language] }, escapeXml(words)) + escapeXml(f.slice(words.length))));
}

/**
 * The annex each paragraph belongs to (1, 2 …; 0 for the resolution itself):
 * "annex 2, para. 3" is the second's, and a heading belongs to the annex of
 * the paragraphs that follow it.
 */
function annexOf(paragraphs: readonly AknParagraph[]): number[] {
  const out = new Array<number>(paragraphs.length).fill(0);
  let next = 0;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i];
    if (p.section === 'annex') next = Number(/^annex (\d+)/.exec(p.label ?? '')?.[1] ?? 1);
    else if (p.section !== 'heading') next = 0;
    out[i] = next;
  }
  return out;
}

/** A table paragraph ("table 2", "annex, table 1"): one row a line, cells joined by " | ". */
function table(p: AknParagraph, ids: EIds): string {
  const eId = ids.take(p.eId, 'container');
  const rows = p.text.split('\n').map((row) => el('tr', {}, row.split(' | ').map((cell) => el('td', {}, el('p', {}, escapeXml(cell)))).join('')));
  return el('container', { name: 'table', eId }, el('table', { eId: `${eId}__table` }, rows.join('')));
}

/**
 * An unnumbered paragraph of one line is a <container>: as a <paragraph>
 * without <num> a short line would read back as a heading.
 */
function unnumbered(p: AknParagraph, language: Language, ids: EIds): string {
  const eId = ids.take(p.eId, 'container');
  return el('container', { name: 'paragraph', eId }, el('p', {}, inline(p.text, 0, p.lead, p.footnotes, language, ids)));
}

/**
 * A preambular paragraph inside the main body (a budget resolution's sections
 * each have their own preamble): a crossHeading marked #preamble, as the UN's
 * files set it, in an hcontainer (the schema admits a crossHeading only in a
 * hierarchy). Lines after the first follow as <p>s.
 */
function preambularInBody(p: AknParagraph, language: Language, ids: EIds): string {
  const eId = ids.take(p.eId, 'crossHeading');
  const lines = linesOf(p);
  const [first, ...rest] = lines;
  const body = inline(first.text, first.textStart, p.lead, lineNotes(p, first), language, ids) +
    rest.map((line) => el('p', {}, (line.marker ? `${escapeXml(line.marker)} ` : '') + inline(line.text, line.textStart, '', lineNotes(p, line), language, ids))).join('');
  return el('hcontainer', { name: 'preamble', eId: `${eId}__hcontainer` }, el('crossHeading', { refersTo: '#preamble', eId }, body));
}

/** The number an operative paragraph prints: its own, or what its label says when it has none ("OP (a)", "OP A."). */
function printedNumber(p: AknParagraph, language: Language): string {
  if (p.number !== null) return opNumber(p.number, language);
  return p.section === 'operative' ? (/^OP (.+)$/.exec(p.label ?? '')?.[1] ?? '') : '';
}

function mainBodyOf(paragraphs: readonly AknParagraph[], language: Language, ids: EIds): string {
  return paragraphs
    .map((p) => {
      if (p.section === 'heading') return heading(p, ids);
      if (p.section === 'preamble') return preambularInBody(p, language, ids);
      if (/(?:^|, )table \d+$/.test(p.label ?? '')) return table(p, ids);
      const num = printedNumber(p, language);
      if (!num && !p.text.includes('\n')) return unnumbered(p, language, ids);
      return numbered(p, num, language, ids, 'para');
    })
    .join('');
}

/**
 * The AKN4UN XML of a resolution or draft. Preambular paragraphs make the
 * preamble, the operative part (with its headings) the main body, annex
 * paragraphs one attachment per annex; report paragraphs go in the main body.
 */
export function buildAkn(doc: AknDocument): string {
  const ids = new EIds();
  ids.reserve(doc.paragraphs.map((p) => p.eId));
  ids.reserve(['formula_1']);
  const annex = annexOf(doc.paragraphs);
  // The preamble is the run of preambular paragraphs the resolution opens with; any later one stays where it is.
  const own = doc.paragraphs.filter((_, i) => !annex[i]);
  const opening = own.findIndex((p) => p.section !== 'preamble');
  const preamble = opening < 0 ? own : own.slice(0, opening);
  const main = opening < 0 ? [] : own.slice(opening);
  const annexes = [...new Set(annex.filter((n) => n > 0))].sort((a, b) => a - b).map((n) => doc.paragraphs.filter((_, i) => annex[i] === n));
  const name = doc.kind === 'draft' ? 'draftResolution' : doc.kind === 'draft resolution' ? 'draftResolution' : doc.kind;
  const parts = [
    meta(doc),
    head(doc),
    el('preamble', {}, formula(doc) + preamble.map((p) => preambular(p, doc.language, ids)).join('')),
    el('mainBody', {}, mainBodyOf(main, doc.language, ids)),
  ];
  if (doc.date && doc.kind !== 'draft') {
    const shown = new Intl.DateTimeFormat(PROFILES[doc.language].tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${doc.date}T00:00:00Z`));
    parts.push(el('conclusions', {}, el('p', {}, el('docDate', { date: doc.date }, escapeXml(shown)))));
  }
  if (annexes.length) {
    const atts = annexes.map((ps, i) =>
      el('attachment', { eId: `att_${i + 1}` }, el('doc', { name: 'annex' }, meta({ ...doc, symbol: doc.symbol ? `${doc.symbol}/annex${i + 1}` : null }) + el('mainBody', {}, mainBodyOf(ps, doc.language, ids)))),
    );
    parts.push(el('attachments', {}, atts.join('')));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el('akomaNtoso', { xmlns: AKN_NAMESPACE }, `\n${el('statement', { name }, `\n${parts.join('\n')}\n`)}\n`)}\n`;
}

/** A stored document and its paragraphs as the builder takes them. */
export function documentForAkn(
  doc: Pick<DocumentRecord, 'language' | 'kind' | 'symbol' | 'title' | 'body' | 'session' | 'date' | 'agendaItem' | 'draftSymbol' | 'sponsors'>,
  paragraphs: readonly AknParagraph[],
  exportedOn: string,
): AknDocument {
  return {
    language: doc.language,
    kind: doc.kind,
    symbol: doc.symbol,
    title: doc.title,
    body: doc.body,
    session: doc.session,
    date: doc.date,
    agendaItem: doc.agendaItem ?? null,
    draftSymbol: doc.draftSymbol ?? null,
    sponsors: doc.sponsors ?? [],
    paragraphs,
    exportedOn,
  };
}

export interface DraftForAkn {
  id: string;
  title: string;
  language: Language;
  body: string;
  paragraphs: readonly { section: 'preamble' | 'operative'; text: string; lead?: string; footnotes?: readonly Footnote[]; source?: { paragraphId: string } | null }[];
}

/**
 * A draft as the builder takes it: operative paragraphs numbered in order, the
 * lead as the precedent had it while it still opens the text (else detected),
 * and each paragraph the eId of the precedent it came from (`eIdOf`, by corpus
 * paragraph id), so that the same paragraph is the same element in every language.
 */
export function draftForAkn(
  draft: DraftForAkn,
  eIdOf: (paragraphId: string) => string | null,
  base: { agendaItem?: string | null; session: number | null } | null,
  exportedOn: string,
): AknDocument {
  let op = 0;
  return {
    language: draft.language,
    kind: 'draft',
    symbol: null,
    title: draft.title,
    body: draft.body,
    session: base?.session ?? null,
    date: null,
    agendaItem: base?.agendaItem ?? null,
    draftName: draft.id,
    exportedOn,
    paragraphs: draft.paragraphs.map((p) => ({
      section: p.section,
      number: p.section === 'operative' ? ++op : null,
      lead: leadOf(p.text, draft.language, p.lead),
      text: p.text,
      footnotes: p.footnotes ?? [],
      eId: p.source ? eIdOf(p.source.paragraphId) : null,
    })),
  };
}
