// What an AKN file says about its document: language, adoption date, draft
// symbol, agenda item and sponsors from <meta>; symbol, session and title from the
// cover page and preface.
import type { Language } from '../../../core/model.js';
import { attr, child, children, find, tagOf, type XNode } from '../xml-tree.js';
import { plain } from './inline.js';

export interface Meta {
  language: Language | null;
  date: string | null;
  draftSymbol: string | null;
  agendaItem: string | null;
  sponsors: string[];
  kindFromFrbr: string | null;
}

export interface Head {
  symbol: string | null;
  /** The cover page's symbol when it contradicts the preface's number (the preface wins). */
  conflictingCoverSymbol: string | null;
  session: number | null;
  title: string;
  agendaItem: string | null;
  conclusionDate: string | null;
}

const LANGUAGE_CODES: Record<string, Language> = {
  zho: 'zh', chi: 'zh', eng: 'en', fra: 'fr', fre: 'fr', spa: 'es', rus: 'ru', ara: 'ar',
};

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
    .map((s) => s.replaceAll('\u0001', 'and').trim())
    .filter(Boolean);
}

export function readMeta(meta: XNode | undefined): Meta {
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

/** A component's own meta, with the collection's filling what it leaves out. */
export function mergeMeta(own: Meta, outer: Meta): Meta {
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

export function readHead(holder: XNode): Head {
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
