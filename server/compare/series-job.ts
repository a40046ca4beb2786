// The series grouping as a job (server/threads/job.ts): reads every document
// and preamble of the corpus database and groups them, in a worker thread of
// its own, so that the main thread never spends the second it takes
// (series-warm.ts hands the result to the compare module's cache).
import { corpusVersion, allDocuments } from '../store/corpus.js';
import { preambleTexts } from '../store/compare.js';
import { openDb } from '../store/db.js';
import { serveJob } from '../threads/job.js';
import { groupSeries, type SeriesOverrides, type SeriesSummary } from './series.js';

export interface SeriesJob {
  dbFile: string;
  overrides: SeriesOverrides;
}

export interface GroupedSeries {
  /** The corpus version the grouping read: the cache takes it only if the corpus is still at it. */
  version: number;
  series: SeriesSummary[];
}

serveJob<SeriesJob, GroupedSeries>(({ dbFile, overrides }) => {
  const db = openDb(dbFile);
  try {
    // One read transaction: the version and the documents agree.
    return db.transaction(() => ({ version: corpusVersion(db), series: groupSeries(allDocuments(db), preambleTexts(db), overrides) }))();
  } finally {
    db.close();
  }
});
