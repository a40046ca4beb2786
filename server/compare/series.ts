// Recurring resolutions grouped into series: the versions of one resolution
// (same subject, different years), per language, ordered by date. Versions are
// grouped by normalised title, and joined across a reworded title when the
// newer one's preamble recalls the older one's symbol ("Reaffirming its
// resolutions … 77/237"); the same recall confirms each version's place. A
// series knows its gaps, and which of them are facts (the corpus holds that
// session in that language, so no version was adopted) rather than holes in
// the corpus. Nothing is invented: a series only holds documents that exist.
import type { DocumentRecord, Language } from '../../core/model.js';
import { dice } from './dice.js';

export interface SeriesDocument {
  id: string;
  symbol: string | null;
  date: string | null;
  session: number | null;
  /** This version's preamble recalls the previous version's symbol. */
  recallsPrevious: boolean;
}

export interface SeriesGap {
  /** Symbols of the versions either side of the gap. */
  after: string | null;
  before: string | null;
  /** Sessions with no version between them. */
  sessions: number[];
  /**
   * True when the corpus holds every one of those sessions in this language, so
   * the absence is known (no 79th-session version of 78/229 exists); false when
   * the corpus simply lacks those sessions.
   */
  known: boolean;
}

export interface SeriesSummary {
  /** Stable and URL-safe: the earliest version's document id ("a-res-57-173-zh"). */
  id: string;
  /** The latest version's title. */
  title: string;
  language: Language;
  /** Oldest first. */
  documents: SeriesDocument[];
  gaps: SeriesGap[];
}

export interface SeriesOverrides {
  /** Symbols to put in one series (per language), whatever their titles. */
  join?: string[][];
  /** Symbols never to put in any series. */
  exclude?: string[];
}

type Doc = Pick<DocumentRecord, 'id' | 'symbol' | 'title' | 'language' | 'kind' | 'session' | 'date'>;

/** "57/173. 加强联合国…能力" and "Strengthening the United Nations Crime…" as comparable keys. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:a\/res\/)?\d{1,3}\/\d{1,4}\s*[.．]?\s*/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** How close two normalised titles are: Dice over their character bigrams. */
function titleSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return dice(shared, Math.max(0, a.length - 1), Math.max(0, b.length - 1));
}

/** Titles this close (bigram Dice) may be joined when a preamble recall confirms it. */
const RECALL_TITLE_SIMILARITY = 0.6;

/** "A/RES/78/229" → "78/229"; the short form is how preambles cite. */
export function shortSymbol(symbol: string | null): string | null {
  const m = symbol?.match(/(\d{1,3}\/\d{1,4})\s*$/);
  return m ? m[1] : null;
}

function sessionOf(d: Doc): number | null {
  if (d.session != null) return d.session;
  const s = shortSymbol(d.symbol);
  return s ? Number(s.split('/')[0]) : null;
}

/** Short symbols (78/229) cited in a text. */
export function citedSymbols(text: string): Set<string> {
  const out = new Set<string>();
  // "A/RES/78/229" is cited as 78/229; other symbols' numbers (E/CN.15/2024/2) are not resolutions.
  for (const m of text.normalize('NFKC').replace(/\bA\/RES\//g, ' ').matchAll(/(?<![\d/])(\d{2,3})\/(\d{1,4})(?![\d/])/g)) out.add(`${m[1]}/${m[2]}`);
  return out;
}

/**
 * Union-find over documents that also tracks each group's sessions: one
 * resolution recurs once per session, so two documents of one session are two
 * series (the Crimea resolutions of the First and Third Committees recall each
 * other under close titles) and such a union is refused.
 */
class SeriesSets {
  private parent = new Map<string, string>();
  private sessions = new Map<string, Set<number>>();
  constructor(docs: Doc[]) {
    for (const d of docs) {
      const s = sessionOf(d);
      this.sessions.set(d.id, new Set(s == null ? [] : [s]));
    }
  }
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const sa = this.sessions.get(ra)!;
    const sb = this.sessions.get(rb)!;
    if (!force) for (const x of sb) if (sa.has(x)) return false;
    for (const x of sb) sa.add(x);
    this.parent.set(rb, ra);
    return true;
  }
}

const byDate = (a: Doc, b: Doc) =>
  (a.date ?? '').localeCompare(b.date ?? '') || (sessionOf(a) ?? 0) - (sessionOf(b) ?? 0) || (a.symbol ?? '').localeCompare(b.symbol ?? '');

/**
 * Groups resolutions into series. `preambles`: document id → preamble text, for
 * recalls. Only groups of two or more versions are series.
 */
export function groupSeries(documents: Doc[], preambles: Map<string, string>, overrides: SeriesOverrides = {}): SeriesSummary[] {
  const excluded = new Set(overrides.exclude ?? []);
  const docs = documents.filter((d) => (d.kind === 'resolution' || d.kind === 'decision') && !(d.symbol && excluded.has(d.symbol)));
  const uf = new SeriesSets(docs);
  const keyOf = new Map<string, string>();
  const byKey = new Map<string, string>();
  const bySymbol = new Map<string, Doc>(); // `${language} ${short symbol}`
  const titleKey = new Map(docs.map((d) => [d.id, normaliseTitle(d.title)]));
  for (const d of docs) {
    const key = `${d.language} ${titleKey.get(d.id)}`;
    keyOf.set(d.id, key);
    const first = byKey.get(key);
    if (first) uf.union(first, d.id);
    else byKey.set(key, d.id);
    const s = shortSymbol(d.symbol);
    if (s) bySymbol.set(`${d.language} ${s}`, d);
  }
  // A recall of an earlier resolution with a close title joins a reworded title.
  // Closest titles first, so that a weaker link never takes a session a better one needs.
  const recalls = new Map<string, Set<string>>();
  const links: Array<{ a: string; b: string; s: number }> = [];
  for (const d of docs) {
    const cited = citedSymbols(preambles.get(d.id) ?? '');
    recalls.set(d.id, cited);
    for (const s of cited) {
      const e = bySymbol.get(`${d.language} ${s}`);
      if (!e || e.id === d.id || keyOf.get(e.id) === keyOf.get(d.id)) continue;
      const sim = titleSimilarity(titleKey.get(d.id)!, titleKey.get(e.id)!);
      if (sim >= RECALL_TITLE_SIMILARITY) links.push({ a: e.id, b: d.id, s: sim });
    }
  }
  links.sort((x, y) => y.s - x.s);
  for (const l of links) uf.union(l.a, l.b);
  for (const group of overrides.join ?? []) {
    const members = docs.filter((d) => d.symbol && group.includes(d.symbol));
    const perLanguage = new Map<string, Doc[]>();
    for (const m of members) perLanguage.set(m.language, [...(perLanguage.get(m.language) ?? []), m]);
    for (const ms of perLanguage.values()) for (const m of ms.slice(1)) uf.union(ms[0].id, m.id, true);
  }

  // Which sessions the corpus holds, per language: a gap is known only where it does.
  const sessionsHeld = new Set<string>();
  for (const d of documents) {
    const s = sessionOf(d);
    if (s != null) sessionsHeld.add(`${d.language} ${s}`);
  }

  const groups = new Map<string, Doc[]>();
  for (const d of docs) {
    const r = uf.find(d.id);
    groups.set(r, [...(groups.get(r) ?? []), d]);
  }
  const series: SeriesSummary[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort(byDate);
    const language = members[0].language;
    const documentsOut: SeriesDocument[] = members.map((d, i) => {
      const prev = members[i - 1];
      const prevSymbol = prev ? shortSymbol(prev.symbol) : null;
      return {
        id: d.id,
        symbol: d.symbol,
        date: d.date,
        session: sessionOf(d),
        recallsPrevious: !!prevSymbol && (recalls.get(d.id)?.has(prevSymbol) ?? false),
      };
    });
    // The cadence is the smallest step between versions (1 for annual, 2 for
    // biennial resolutions); a longer step is a gap.
    const sessions = documentsOut.map((d) => d.session);
    const steps = sessions.slice(1).map((s, i) => (s != null && sessions[i] != null ? s - sessions[i]! : 0)).filter((x) => x > 0);
    const cadence = steps.length ? Math.min(...steps) : 1;
    const gaps: SeriesGap[] = [];
    for (let i = 1; i < documentsOut.length; i++) {
      const a = documentsOut[i - 1].session;
      const b = documentsOut[i].session;
      if (a == null || b == null || b - a <= cadence) continue;
      const missing: number[] = [];
      for (let s = a + cadence; s < b; s += cadence) missing.push(s);
      gaps.push({
        after: documentsOut[i - 1].symbol,
        before: documentsOut[i].symbol,
        sessions: missing,
        known: missing.every((s) => sessionsHeld.has(`${language} ${s}`)),
      });
    }
    const latest = members[members.length - 1];
    series.push({ id: members[0].id, title: latest.title, language, documents: documentsOut, gaps });
  }
  return series.sort((a, b) => a.language.localeCompare(b.language) || a.title.localeCompare(b.title, a.language));
}
