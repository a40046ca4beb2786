// The compare module over the corpus store: series, diffs between stored
// documents, lineage. Results are cached per database and corpus version, since
// series grouping reads every preamble and an alignment costs tens of
// milliseconds: lineage walks several of them per request. The corrections to
// series grouping are data handed in at start-up (setSeriesOverrides): this
// module reads no file.
import type { Db } from '../store/db.js';
import { allDocuments, corpusVersion, getDocument, getParagraph, getParagraphs, listDocuments } from '../store/corpus.js';
import { preambleTexts } from '../store/compare.js';
import type { DocumentRecord } from '../../core/model.js';
import { diffDocuments, type DocumentDiff, type DocumentRef } from './diff.js';
import { walkLineage, type Lineage } from './lineage.js';
import { groupSeries, type SeriesDocument, type SeriesOverrides, type SeriesSummary } from './series.js';

export interface SeriesDetail extends Omit<SeriesSummary, 'documents'> {
  documents: Array<SeriesDocument & { title: string; counts: { preamble: number; operative: number; other: number } }>;
}

interface Cache {
  version: number;
  series: SeriesSummary[] | null;
  seriesOfDocument: Map<string, SeriesSummary>;
  diffs: Map<string, DocumentDiff>;
}

const caches = new WeakMap<Db, Cache>();
const MAX_DIFFS = 200;
const overridesOf = new WeakMap<Db, SeriesOverrides>();

/**
 * The corrections (corpus/series.json, read and validated at start-up) that
 * grouping the series of this database applies from now on; without them,
 * series are grouped automatically only.
 */
export function setSeriesOverrides(db: Db, overrides: SeriesOverrides): void {
  overridesOf.set(db, overrides);
  caches.delete(db);
}

function cache(db: Db): Cache {
  const version = corpusVersion(db);
  let c = caches.get(db);
  if (!c || c.version !== version) {
    c = { version, series: null, seriesOfDocument: new Map(), diffs: new Map() };
    caches.set(db, c);
  }
  return c;
}

/** The corrections series grouping of `db` applies (for grouping elsewhere: series-warm.ts). */
export function seriesOverridesOf(db: Db): SeriesOverrides {
  return overridesOf.get(db) ?? {};
}

function fillSeries(c: Cache, series: SeriesSummary[]): SeriesSummary[] {
  c.series = series;
  for (const s of series) for (const d of s.documents) c.seriesOfDocument.set(d.id, s);
  return series;
}

/** Series grouped elsewhere (series-warm.ts) from corpus `version`: cached unless the corpus has moved on or they are cached already. */
export function adoptSeries(db: Db, version: number, series: SeriesSummary[]): boolean {
  const c = cache(db);
  if (c.version !== version || c.series) return false;
  fillSeries(c, series);
  return true;
}

function allSeries(db: Db): SeriesSummary[] {
  const c = cache(db);
  return c.series ?? fillSeries(c, groupSeries(allDocuments(db), preambleTexts(db), overridesOf.get(db)));
}

export function listSeries(db: Db, language?: string): SeriesSummary[] {
  const all = allSeries(db);
  return language ? all.filter((s) => s.language === language) : all;
}

export function seriesOfDocument(db: Db, documentId: string): SeriesSummary | null {
  allSeries(db);
  return cache(db).seriesOfDocument.get(documentId) ?? null;
}

export function getSeries(db: Db, id: string): SeriesDetail | null {
  const s = allSeries(db).find((x) => x.id === id);
  if (!s) return null;
  const summaries = new Map(listDocuments(db, { language: s.language as DocumentRecord['language'] }).map((d) => [d.id, d]));
  return {
    ...s,
    documents: s.documents.map((d) => {
      const found = summaries.get(d.id);
      return { ...d, title: found?.title ?? '', counts: found?.counts ?? { preamble: 0, operative: 0, other: 0 } };
    }),
  };
}

export function documentRef(d: DocumentRecord): DocumentRef {
  return { id: d.id, symbol: d.symbol, title: d.title, language: d.language, date: d.date };
}

/** Aligns two stored documents; null when either does not exist. */
export function diffStored(db: Db, fromId: string, toId: string): DocumentDiff | null {
  const c = cache(db);
  const key = `${fromId}\n${toId}`;
  const hit = c.diffs.get(key);
  if (hit) return hit;
  const from = getDocument(db, fromId);
  const to = getDocument(db, toId);
  if (!from || !to) return null;
  // Two languages cannot be diffed word by word; the newer text's language decides.
  const result = diffDocuments(
    { document: documentRef(from), paragraphs: getParagraphs(db, fromId) },
    { document: documentRef(to), paragraphs: getParagraphs(db, toId) },
    to.language,
  );
  if (c.diffs.size >= MAX_DIFFS) c.diffs.delete(c.diffs.keys().next().value!);
  c.diffs.set(key, result);
  return result;
}

/** The paragraph's ancestors through its series; null when the paragraph does not exist. */
export function paragraphLineage(db: Db, paragraphId: string): Lineage | null {
  const p = getParagraph(db, paragraphId);
  if (!p) return null;
  const doc = getDocument(db, p.documentId)!;
  const series = seriesOfDocument(db, doc.id);
  const paragraph = { id: p.id, label: p.label, text: p.text, documentId: p.documentId };
  if (!series) {
    return { paragraph, document: documentRef(doc), series: null, ancestors: [], firstAppeared: { document: documentRef(doc), paragraphIds: [p.id], oldestInCorpus: true, exact: false, missingSessions: [] } };
  }
  const versions = series.documents.map((d) => documentRef(getDocument(db, d.id)!));
  const at = versions.findIndex((v) => v.id === doc.id);
  const walked = walkLineage(
    {
      versions,
      diff: (a, b) => diffStored(db, a, b)!,
      paragraph: (id) => {
        const x = getParagraph(db, id);
        return x ? { id: x.id, label: x.label, text: x.text } : null;
      },
      missingBefore: (index) => series.gaps.find((g) => !g.known && g.before === versions[index].symbol)?.sessions ?? [],
    },
    at,
    [p.id],
  );
  return { paragraph, document: versions[at], series: { id: series.id, title: series.title }, ...walked };
}
