// Suggestions for the paragraph being typed: candidates from the language's
// MiniSearch index (BM25 over the query's rarest terms) and from its shingle
// index (paragraphs sharing the most runs of 3 words / 4 characters with the
// query: shingle-index.ts), re-ranked by the similarity
// of similarity.ts (text really shared), filtered, and collapsed to one result
// per series. The API's wire shapes are server/api/contract.ts's.
import { SUGGEST_LIMITS } from '../../core/limits.js';
import type { DocumentKind, Language, Section } from '../../core/model.js';
import { isAgreedLanguage } from '../../core/model.js';
import { detectLanguage } from '../../core/languages/index.js';
import type { ParagraphIndex } from './index.js';
import type { CitedDocument, IndexedDocument, IndexedParagraph } from './indexed.js';
import type { LanguageIndex } from './language-index.js';
import { shingles } from './shingle-index.js';
import { comparePrepared, Interner, prepare, type SharedPassage } from './similarity.js';

export type { SharedPassage } from './similarity.js';

/** Longest text accepted as a query (characters). */
export const MAX_QUERY_CHARS = SUGGEST_LIMITS.text;
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = SUGGEST_LIMITS.results;

export interface SuggestFilters {
  /** Only precedents in this language (the query's language when absent). */
  language?: Language;
  kind?: DocumentKind | DocumentKind[];
  /** Adopting body or author, as stored ("General Assembly"); case-insensitive. */
  body?: string;
  /** ISO dates, inclusive; documents without a date are left out when a range is given. */
  from?: string;
  to?: string;
  /** Only these document ids. */
  documents?: string[];
  /** Never these document ids (the draft's own base). */
  excludeDocuments?: string[];
  /** One result per series, the newest version shown (default true). */
  collapseSeries?: boolean;
}

export interface SuggestRequest {
  text: string;
  /** The query's language; detected from the text when absent. */
  language?: Language;
  limit?: number;
  filters?: SuggestFilters;
}

export interface ResultParagraph {
  id: string;
  label: string;
  lead: string;
  text: string;
  section: Section;
}

export type ResultDocument = CitedDocument;

/** Another version of the same paragraph in the same series (collapsed into a result). */
export interface VersionRef {
  paragraphId: string;
  label: string;
  documentId: string;
  symbol: string | null;
  date: string | null;
  similarity: number;
}

export interface SuggestResult {
  paragraph: ResultParagraph;
  document: ResultDocument;
  /** 0..1, 1 = the same text (see similarity.ts for the exact definition). */
  similarity: number;
  /**
   * Passages shared with the query, in query order: `from` = [start, end) in the
   * query text, `to` = [start, end) in `paragraph.text` (UTF-16 offsets, as slice() takes them).
   */
  shared: SharedPassage[];
  /** Adopted resolution or decision: agreed language. */
  agreed: boolean;
  /** With collapseSeries: the older versions in the series that carry this paragraph, newest first. */
  earlierVersions?: VersionRef[];
  /**
   * With collapseSeries: newer versions in the series whose wording is further
   * from the query (the language was changed later), newest first.
   */
  laterVersions?: VersionRef[];
}

export interface Suggestions {
  /** The language searched: as given, or detected from the text. */
  language: Language;
  results: SuggestResult[];
}

/** Tuning of candidate generation; the defaults are what the eval and bench were run with. */
export interface SuggestTuning {
  /** Query terms kept after pruning (the rarest), and the number of stretches the query is cut into for more. */
  maxTerms: number;
  /** Terms found in more than this share of paragraphs are boilerplate ("大会", "recalling"). */
  maxDfShare: number;
  /**
   * BM25 candidates re-ranked by similarity, when the shingle index cannot
   * vouch for its own (a query under 3 words / 4 characters, or one whose
   * shingle candidates ran out before their bound closed; see rank()); 0: never.
   */
  candidates: number;
  /**
   * Budget of postings a query may touch (sum of its kept terms' document
   * frequencies; the three rarest terms are always kept). MiniSearch spends a
   * few microseconds per posting (Maps and a result object per paragraph), so
   * an English paragraph's 16 terms (≈12k postings) took 40–60 ms; the rarest
   * terms carry the precedent anyway.
   */
  maxPostings: number;
  /**
   * Most candidates taken from the shingle index (shingle-index.ts), best
   * estimate first: the paragraphs whose shared runs of the similarity's units
   * promise the highest similarity. Fewer are re-ranked when the bound closes.
   */
  shingleCandidates: number;
}

export const DEFAULT_TUNING: SuggestTuning = { maxTerms: 16, maxDfShare: 0.05, candidates: 40, maxPostings: 3000, shingleCandidates: 200 };

export function documentMatches(doc: IndexedDocument, f: SuggestFilters, only: Set<string> | null, excluded: Set<string> | null): boolean {
  if (only && !only.has(doc.id)) return false;
  if (excluded?.has(doc.id)) return false;
  if (f.kind !== undefined && (Array.isArray(f.kind) ? !f.kind.includes(doc.kind) : doc.kind !== f.kind)) return false;
  if (f.body !== undefined && doc.body.toLowerCase() !== f.body.toLowerCase()) return false;
  if (f.from !== undefined && (!doc.date || doc.date < f.from)) return false;
  if (f.to !== undefined && (!doc.date || doc.date > f.to)) return false;
  return true;
}

/**
 * The query's terms to send to BM25: known to the index and not stop terms
 * (which MiniSearch holds no postings for: minisearch-index.ts), boilerplate dropped
 * (document frequency over maxDfShare), the rarest maxTerms first within the
 * postings budget; then, while the budget lasts, the rarest term of each
 * stretch of the query that has none yet (the query cut into maxTerms
 * stretches). A whole paragraph as a plain OR query matches nearly everything
 * and is slow; its rare terms are what identify its precedents. The second
 * step is there because the similarity counts passages shared anywhere in the
 * query, and the rarest terms often all sit in one distinctive clause: a
 * paragraph sharing the rest of the query then never became a candidate
 * (tests/bench/search-results.md).
 */
export function pruneTerms(li: LanguageIndex, text: string, tuning: SuggestTuning = DEFAULT_TUNING): string[] {
  const n = Math.max(1, li.size);
  const sequence = li.terms(text);
  const dfOf = new Map<string, number>();
  for (const term of sequence) if (!dfOf.has(term)) dfOf.set(term, li.docFrequency(term));
  // Stop terms have no postings in MiniSearch: known to the corpus, but nothing to search.
  const known: TermDf[] = [...dfOf].filter(([term, df]) => df > 0 && !li.isStopTerm(term)).map(([term, df]) => ({ term, df })).sort(byDf);
  const rare = known.filter((t) => t.df / n <= tuning.maxDfShare);
  // A query made only of boilerplate still deserves an answer: keep its rarest terms.
  const kept = rare.length >= 3 ? rare : known.slice(0, 3);
  const out = new Set<string>();
  let postings = 0;
  for (const t of kept.slice(0, tuning.maxTerms)) {
    if (out.size >= 3 && postings + t.df > tuning.maxPostings) break;
    postings += t.df;
    out.add(t.term);
  }
  const keptTerms = new Set(kept.map((t) => t.term));
  const inQueryOrder = sequence.filter((term) => keptTerms.has(term));
  const extra: TermDf[] = [];
  for (let k = 0; k < tuning.maxTerms; k++) {
    const stretch = inQueryOrder.slice(Math.floor((k * inQueryOrder.length) / tuning.maxTerms), Math.floor(((k + 1) * inQueryOrder.length) / tuning.maxTerms));
    if (stretch.length === 0 || stretch.some((term) => out.has(term))) continue;
    const rarest = stretch.reduce((a, b) => (dfOf.get(b)! < dfOf.get(a)! ? b : a));
    extra.push({ term: rarest, df: dfOf.get(rarest)! });
  }
  for (const t of extra.sort(byDf)) {
    if (out.has(t.term) || postings + t.df > tuning.maxPostings) continue;
    postings += t.df;
    out.add(t.term);
  }
  return [...out];
}

interface TermDf {
  term: string;
  df: number;
}

const byDf = (a: TermDf, b: TermDf) => a.df - b.df;

export interface Scored {
  paragraph: IndexedParagraph;
  document: IndexedDocument;
  similarity: number;
  shared: SharedPassage[];
  bm25: number;
}

/** Added to an estimate before comparing it with a similarity: similarities are rounded to 3 decimals. */
const ROUNDING = 0.001;

/**
 * Candidates and their similarity, best first, before collapsing. Candidates
 * come from the shingle index in the order of their estimate, which bounds the
 * similarity from above (shingle-index.ts): once the next estimate is below the
 * `want`-th best similarity found, no paragraph left can enter the first
 * `want`, and the result is what an exhaustive scan would give (ties aside).
 * Below the query length a shingle needs, or when the shingle candidates run
 * out before that, BM25's candidates over the query's rarest terms are
 * re-ranked as well.
 */
export function rank(index: ParagraphIndex, text: string, lang: Language, filters: SuggestFilters, want: number, tuning: SuggestTuning = DEFAULT_TUNING): Scored[] {
  const li = index.get(lang);
  if (!li || li.size === 0) return [];
  const only = filters.documents ? new Set(filters.documents) : null;
  const excluded = filters.excludeDocuments?.length ? new Set(filters.excludeDocuments) : null;
  const docs = index.documents;
  const accept = (slot: number) => {
    const id = li.slotDocument[slot];
    const d = id === undefined ? undefined : docs.get(id);
    return !!d && documentMatches(d, filters, only, excluded);
  };
  const interner = new Interner();
  const query = prepare(text, lang, interner);
  const out: Scored[] = [];
  const seen = new Set<number>();
  const score = (slot: number, bm25: number) => {
    seen.add(slot);
    const paragraph = li.paragraph(slot)!;
    const document = docs.get(paragraph.documentId)!;
    const cmp = comparePrepared(query, prepare(paragraph.text, lang, interner), lang);
    out.push({ paragraph, document, similarity: cmp.similarity, shared: cmp.shared, bm25 });
    return cmp.similarity;
  };
  let closed = false;
  const q = shingles(text, lang);
  const pool = Math.max(tuning.shingleCandidates, want);
  if (q.sequence.length > 0 && tuning.shingleCandidates > 0) {
    const hits = li.shingles.search(q, lang, pool, accept);
    // The best `want` similarities so far, ascending (want is small).
    const best: number[] = [];
    for (const hit of hits) {
      if (best.length >= want && hit.estimate + ROUNDING < best[0]) {
        closed = true;
        break;
      }
      const sim = score(hit.slot, 0);
      if (best.length < want || sim > best[0]) {
        if (best.length >= want) best.shift();
        best.splice(sortedIndex(best, sim), 0, sim);
      }
    }
    // Fewer hits than asked for: every paragraph sharing a shingle was re-ranked.
    if (hits.length < pool) closed = true;
  }
  if (!closed && tuning.candidates > 0) {
    const terms = pruneTerms(li, text, tuning);
    if (terms.length > 0) {
      for (const hit of li.search(terms, Math.max(tuning.candidates, want), accept)) {
        if (seen.has(hit.slot)) continue;
        score(hit.slot, hit.score);
      }
    }
  }
  return out.sort(byRank);
}

function sortedIndex(xs: number[], x: number): number {
  let i = 0;
  while (i < xs.length && xs[i] < x) i++;
  return i;
}

/** Similarity first; equal similarity → the newer document (the current agreed language), then BM25. */
export function byRank(a: Scored, b: Scored): number {
  return b.similarity - a.similarity || (b.document.date ?? '').localeCompare(a.document.date ?? '') || b.bm25 - a.bm25;
}

/** Within a series, results this close to the best are "the same language" and the newest of them is shown. */
const SAME_LANGUAGE_MARGIN = 0.05;

function versionRef(s: Scored): VersionRef {
  return {
    paragraphId: s.paragraph.id,
    label: s.paragraph.label,
    documentId: s.document.id,
    symbol: s.document.symbol,
    date: s.document.date,
    similarity: s.similarity,
  };
}

/**
 * One result per series: the newest version among those within a small margin
 * of the series' best similarity, with the series' other matching versions
 * listed as earlier (or, when reworded since, later) versions.
 */
export function collapse(index: ParagraphIndex, ranked: Scored[]): (Scored & { earlier: Scored[]; later: Scored[] })[] {
  const groups = new Map<string, Scored[]>();
  const order: string[] = [];
  // seriesOf asks the database: once per document.
  const seriesOf = new Map<string, string>();
  for (const s of ranked) {
    let key = seriesOf.get(s.document.id);
    if (key === undefined) seriesOf.set(s.document.id, (key = index.seriesOf(s.document)));
    const g = groups.get(key);
    if (g) g.push(s);
    else {
      groups.set(key, [s]);
      order.push(key);
    }
  }
  return order.map((key) => {
    const members = groups.get(key)!;
    const best = members[0].similarity;
    let shown = members[0];
    for (const m of members) {
      if (m.similarity >= best - SAME_LANGUAGE_MARGIN && (m.document.date ?? '') > (shown.document.date ?? '')) shown = m;
    }
    const byDateDesc = (a: Scored, b: Scored) => (b.document.date ?? '').localeCompare(a.document.date ?? '');
    // A version is another document's paragraph: its best match only (members are
    // best first). Other paragraphs of the shown document are not versions of it.
    const seen = new Set([shown.document.id]);
    const others: Scored[] = [];
    for (const m of members) {
      if (seen.has(m.document.id)) continue;
      seen.add(m.document.id);
      others.push(m);
    }
    others.sort(byDateDesc);
    const shownDate = shown.document.date ?? '';
    return {
      ...shown,
      // The shown version keeps the group's best similarity rank position but its own score.
      earlier: others.filter((m) => (m.document.date ?? '') <= shownDate),
      later: others.filter((m) => (m.document.date ?? '') > shownDate),
    };
  });
}

function toResult(s: Scored): SuggestResult {
  const d = s.document;
  return {
    paragraph: { id: s.paragraph.id, label: s.paragraph.label, lead: s.paragraph.lead, text: s.paragraph.text, section: s.paragraph.section },
    document: { id: d.id, symbol: d.symbol, title: d.title, date: d.date, body: d.body, kind: d.kind, language: d.language },
    similarity: s.similarity,
    shared: s.shared,
    agreed: isAgreedLanguage(d.kind),
  };
}

/** The whole suggestion: detect language, rank, collapse, cut to the limit. */
export function suggest(index: ParagraphIndex, req: SuggestRequest, tuning: SuggestTuning = DEFAULT_TUNING): Suggestions {
  const filters = req.filters ?? {};
  const language = req.language ?? filters.language ?? detectLanguage(req.text);
  const limit = Math.min(req.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const collapseSeries = filters.collapseSeries ?? true;
  // Collapsing folds several candidates into one result: ask for more of them.
  const want = collapseSeries ? limit * 5 : limit;
  // As many as BM25 alone gave before the shingle index: the series' other versions come from these.
  const ranked = rank(index, req.text, language, filters, want, tuning)
    .slice(0, Math.max(want, tuning.candidates))
    .filter((s) => s.similarity > 0);
  let results: SuggestResult[];
  if (collapseSeries) {
    const collapsed = collapse(index, ranked);
    collapsed.sort(byRank);
    results = collapsed.slice(0, limit).map((c) => ({
      ...toResult(c),
      earlierVersions: c.earlier.map(versionRef),
      ...(c.later.length ? { laterVersions: c.later.map(versionRef) } : {}),
    }));
  } else {
    results = ranked.slice(0, limit).map(toResult);
  }
  return { language, results };
}
