// GET /api/health: each part of the server, and 503 when one failed: the
// database (corpus tables), the drafts table in the store (SQLite: every
// draft readable; PostgreSQL: answering), and the
// search worker with each language's index (loading, building n %, ready,
// failed). Answered on the main thread, never behind searches.
import { Hono } from 'hono';
import { corpusVersion } from '../../store/corpus.js';
import { readCorpusCounts } from '../../store/health.js';
import type { AppContext } from '../context.js';
import type { HealthResponse } from '../contract.js';

/**
 * The database checks are remembered this long: monitors and every open
 * desk ask every second, and reading every draft each time would cost more
 * than what it guards.
 */
const CHECK_TTL_MS = 2000;

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function healthRoutes(ctx: AppContext) {
  // Counting the paragraphs scans the whole table (a quarter of a second on the
  // bundled corpus): counted again only when the corpus changed.
  let counted: { version: number; counts: { documents: number; paragraphs: number } } | null = null;
  const corpusCounts = () => {
    const version = corpusVersion(ctx.db);
    if (counted?.version !== version) counted = { version, counts: readCorpusCounts(ctx.db) };
    return counted.counts;
  };
  let checked: { at: number; parts: Pick<HealthResponse, 'documents' | 'paragraphs' | 'database' | 'drafts'>; problems: string[] } | null = null;

  const storeName = ctx.store.kind === 'sqlite' ? ctx.db.name : 'PostgreSQL';

  async function checkDatabase() {
    if (checked && Date.now() - checked.at < CHECK_TTL_MS) return checked;
    const problems: string[] = [];
    let counts = { documents: 0, paragraphs: 0 };
    let database: 'ok' | 'failed' = 'ok';
    let drafts: 'ok' | 'failed' = 'ok';
    try {
      counts = corpusCounts();
    } catch (err) {
      database = 'failed';
      problems.push(`database ${ctx.db.name}: ${errorMessage(err)}`);
    }
    try {
      await ctx.store.drafts.check();
    } catch (err) {
      drafts = 'failed';
      problems.push(`drafts table in ${storeName}: ${errorMessage(err)}`);
    }
    checked = { at: Date.now(), parts: { ...counts, database, drafts }, problems };
    return checked;
  }

  return new Hono().get('/', async (c) => {
    const { parts, problems: dbProblems } = await checkDatabase();
    const search = ctx.search.status();
    const problems = [...dbProblems];
    if (search.state === 'failed') problems.push(`search: ${search.detail ?? 'an index failed'}`);
    for (const [lang, s] of Object.entries(search.languages)) if (s.state === 'failed') problems.push(`search index ${lang}: ${s.detail ?? 'failed'}`);
    const ok = problems.length === 0;
    const body: HealthResponse = { ok, ...parts, search, ...(ok ? {} : { problems }) };
    return c.json(body, ok ? 200 : 503);
  });
}
