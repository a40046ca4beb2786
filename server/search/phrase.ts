// Agreed-language search (GET /api/search): with phrase mode, the paragraphs
// that contain the phrase exactly after width, case and space normalisation,
// with the match offsets in the paragraph text; without it, ranked keyword
// search (BM25 over the query's terms, pruned: see keywordTerms; a query of
// stop terms only, which MiniSearch has no postings for, is answered as a
// phrase: see stopTermsOnly). Paged, with a total.
//
// Phrase mode scans the normalised texts of the language(s) (phrase-texts.ts,
// persisted with the index) rather than asking the index: a phrase may start or
// end mid-word (mid-segment in Chinese), which no term lookup can promise to
// find, and a substring scan over the corpus costs a few milliseconds.
import type { DocumentKind, Language, Section } from '../../core/model.js';
import { isAgreedLanguage } from '../../core/model.js';
import { detectLanguage } from '../../core/languages/index.js';
import { normalise, normaliseText } from './analyse.js';
import type { ParagraphIndex } from './index.js';
import type { IndexedDocument } from './indexed.js';
import type { LanguageIndex } from './language-index.js';
import { shingles } from './shingle-index.js';
import { documentMatches, type ResultDocument, type ResultParagraph } from './suggest.js';

export const PAGE_SIZE = 20;

/**
 * Keyword query pruning. BM25 over an OR of every term costs a few
 * microseconds per posting: 128 common English words (1,261 characters)
 * touched millions of postings and held the server for 5 s. As suggest does,
 * keep the rarest distinct terms, drop boilerplate (terms in more than
 * maxDfShare of the language's paragraphs) as long as rarer ones remain, and
 * stop once the postings budget is spent.
 */
export const KEYWORD_PRUNING = { maxTerms: 12, maxDfShare: 0.05, minKept: 3, maxPostings: 60_000 };

/**
 * The terms a keyword query searches (BM25 over MiniSearch), the stop terms
 * pruning kept among them, which MiniSearch has no postings for (they order
 * the hits instead: CandidateIndex.rescoreWithStopTerms), and how many of its
 * distinct terms were left out.
 */
export function keywordTerms(li: LanguageIndex, q: string, tuning = KEYWORD_PRUNING): { terms: string[]; stop: string[]; omitted: number } {
  const n = Math.max(1, li.size);
  const distinct = [...new Set(li.terms(q))];
  const scored = distinct.map((term) => ({ term, df: li.docFrequency(term) })).filter((s) => s.df > 0);
  scored.sort((a, b) => a.df - b.df);
  const terms: string[] = [];
  const stop: string[] = [];
  let postings = 0;
  for (const s of scored) {
    const kept = terms.length + stop.length;
    if (kept >= tuning.maxTerms) break;
    const common = s.df / n > tuning.maxDfShare;
    if (kept >= tuning.minKept && (common || postings + s.df > tuning.maxPostings)) break;
    if (li.isStopTerm(s.term)) {
      stop.push(s.term);
    } else {
      terms.push(s.term);
      postings += s.df;
    }
  }
  // Terms absent from the index cost nothing and match nothing: not counted as left out.
  return { terms, stop, omitted: scored.length - terms.length - stop.length };
}

/** Keyword hits re-scored with the query's stop terms (each costs analysing its paragraph). */
const RESCORED_HITS = 1000;

export interface SearchRequest {
  q: string;
  phrase?: boolean;
  language?: Language;
  kind?: DocumentKind;
  body?: string;
  from?: string;
  to?: string;
  /** From 1. */
  page?: number;
}

export interface SearchHit {
  paragraph: ResultParagraph;
  document: ResultDocument;
  agreed: boolean;
  /** [start, end) offsets in paragraph.text of each occurrence (phrase mode) or empty. */
  matches: [number, number][];
  /** BM25 score in keyword mode; the number of occurrences in phrase mode. */
  score: number;
}

export interface SearchPage {
  results: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  /** Keyword mode: distinct words of the query left out as too common or beyond the budget (see KEYWORD_PRUNING). */
  omittedTerms?: number;
}

function hit(li: LanguageIndex, slot: number, doc: IndexedDocument, matches: [number, number][], score: number): SearchHit {
  const p = li.paragraph(slot)!;
  return {
    paragraph: { id: p.id, label: p.label, lead: p.lead, text: p.text, section: p.section as Section },
    document: { id: doc.id, symbol: doc.symbol, title: doc.title, date: doc.date, body: doc.body, kind: doc.kind, language: doc.language },
    agreed: isAgreedLanguage(doc.kind),
    matches,
    score,
  };
}

/** Offsets of every occurrence of a normalised phrase in a text, mapped to the original text. */
export function phraseOffsets(text: string, phrase: string): [number, number][] {
  const n = normalise(text);
  const out: [number, number][] = [];
  if (!phrase) return out;
  let from = 0;
  for (;;) {
    const at = n.text.indexOf(phrase, from);
    if (at < 0) break;
    const end = at + phrase.length;
    // The end maps to just after the last matched original char.
    const last = n.map[end - 1];
    out.push([n.map[at], last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
    from = end;
  }
  return out;
}

/** Most paragraphs a keyword query of stop terms only takes from the shingle index. */
const STOP_ONLY_SHINGLE_HITS = 200;

/**
 * A keyword query whose known words are all stop terms, which MiniSearch
 * holds no postings for (minisearch-index.ts): the paragraphs that contain
 * it as a phrase (most occurrences first) or, when none does and it is at
 * least a shingle long, those sharing the most of its runs of words
 * (shingle-index.ts, best estimate first). Either costs about what a phrase
 * search does, where BM25 over such terms touched most of the language.
 */
function stopTermsOnly(li: LanguageIndex, q: string, phrase: string, accept: (slot: number) => boolean): { slot: number; score: number }[] {
  const out = li.phraseTexts
    .occurrences(phrase)
    .filter((h) => accept(h.slot))
    .map((h) => ({ slot: h.slot, score: h.count }));
  if (out.length > 0) return out;
  return li.shingles.search(shingles(q, li.language), li.language, STOP_ONLY_SHINGLE_HITS, accept).map((h) => ({ slot: h.slot, score: h.estimate }));
}

export function search(index: ParagraphIndex, req: SearchRequest): SearchPage {
  const page = Math.max(1, req.page ?? 1);
  const langs: Language[] = req.language ? [req.language] : index.languageNames();
  const filters = { kind: req.kind, body: req.body, from: req.from, to: req.to };
  const all: { li: LanguageIndex; slot: number; doc: IndexedDocument; score: number; date: string }[] = [];
  const phrase = normaliseText(req.q);
  const queryLanguage = req.phrase || req.language ? null : detectLanguage(req.q);
  let omittedTerms = 0;
  for (const lang of langs) {
    // Keyword search only makes sense in the query's own language when none is
    // given: decided before get(), which would load that language's index.
    if (queryLanguage && lang !== queryLanguage) continue;
    const li = index.get(lang);
    if (!li) continue;
    if (req.phrase) {
      for (const { slot, count } of li.phraseTexts.occurrences(phrase)) {
        const id = li.slotDocument[slot];
        const doc = id === undefined ? undefined : index.documents.get(id);
        if (!doc || !documentMatches(doc, filters, null, null)) continue;
        all.push({ li, slot, doc, score: count, date: doc.date ?? '' });
      }
    } else {
      const { terms, stop, omitted } = keywordTerms(li, req.q);
      omittedTerms += omitted;
      const accept = (slot: number) => {
        const id = li.slotDocument[slot];
        const d = id === undefined ? undefined : index.documents.get(id);
        return !!d && documentMatches(d, filters, null, null);
      };
      if (terms.length === 0) {
        // Only stop terms ("human rights", "of the"), or words the corpus lacks.
        if (stop.length === 0) continue;
        for (const h of stopTermsOnly(li, req.q, phrase, accept)) {
          const doc = index.documents.get(li.slotDocument[h.slot]!)!;
          all.push({ li, slot: h.slot, doc, score: h.score, date: doc.date ?? '' });
        }
        continue;
      }
      const hits = li.candidates.rescoreWithStopTerms(li.search(terms, Number.MAX_SAFE_INTEGER, accept), stop, RESCORED_HITS, (slot) => li.terms(li.paragraph(slot)!.text));
      // The document comes from the slot (accept() saw it): decoding every hit's paragraph would cost more than the search.
      for (const h of hits) {
        const doc = index.documents.get(li.slotDocument[h.slot]!)!;
        all.push({ li, slot: h.slot, doc, score: h.score, date: doc.date ?? '' });
      }
    }
  }
  // Phrase hits: newest agreed language first; keyword hits: by relevance.
  if (req.phrase) all.sort((a, b) => b.date.localeCompare(a.date) || b.score - a.score);
  else all.sort((a, b) => b.score - a.score);
  const pageItems = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const results = pageItems.map((x) =>
    hit(x.li, x.slot, x.doc, req.phrase ? phraseOffsets(x.li.paragraph(x.slot)!.text, phrase) : [], x.score),
  );
  return { results, total: all.length, page, pageSize: PAGE_SIZE, ...(omittedTerms > 0 ? { omittedTerms } : {}) };
}
