// Series grouped ahead of the first visit to the series view, off the main
// thread: grouping reads every preamble (about a second for the bundled
// corpus), which on the main thread would hold every save and health check
// for that long. The search worker runs it while it loads the index, takes the
// result into its own cache, and sends it to the main thread, whose series view
// takes it too (search-worker.ts onSeries): each cache only if the corpus has
// not changed meanwhile; if it has, the next request groups anew.
import type { Db } from '../store/db.js';
import { runJob } from '../threads/job.js';
import { adoptSeries, seriesOverridesOf } from './service.js';
import type { GroupedSeries, SeriesJob } from './series-job.js';

const JOB = new URL('./series-job.ts', import.meta.url);
/** Generous: a million paragraphs take tens of seconds at background priority. */
const LIMITS = { budgetMs: 10 * 60_000, memoryMb: 4096 };

/** Groups the series of `db` in a worker thread and caches them; the grouping, and whether the cache took it. */
export async function warmSeries(db: Db): Promise<{ grouped: GroupedSeries; cached: boolean } | null> {
  if (db.memory) return null;
  const grouped = await runJob<GroupedSeries>(JOB, { dbFile: db.name, overrides: seriesOverridesOf(db) } satisfies SeriesJob, LIMITS);
  return { grouped, cached: adoptSeries(db, grouped.version, grouped.series) };
}
