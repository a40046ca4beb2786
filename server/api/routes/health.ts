// GET /api/health: each part of the server, and 503 when one failed: the
// database (corpus tables), the drafts table in the store (SQLite: every
// draft readable; PostgreSQL: answering), and the
// search worker with each language's index (loading, building n %, ready,
// failed). Answered on the main thread, never behind searches, and never
// behind the store either: the database checks run every CHECK_TTL_MS at most,
// behind the answers, which give the last result (a check that has not
// answered for CHECK_STALL_MS is a failure of its own). With PostgreSQL under
// load a check could otherwise wait for a pooled connection behind saves.
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
/** A database check still unanswered after this long reports the store as failed. */
const CHECK_STALL_MS = 5000;

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
  type Checked = { at: number; parts: Pick<HealthResponse, 'documents' | 'paragraphs' | 'database' | 'drafts'>; problems: string[] };
  let checked: Checked | null = null;
  let running: { since: number; done: Promise<Checked> } | null = null;

  const storeName = ctx.store.kind === 'sqlite' ? ctx.db.name : 'PostgreSQL';

  async function checkDatabase(): Promise<Checked> {
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

  /** The check under way, or a new one. */
  function refresh(): Promise<Checked> {
    if (!running) {
      const done = checkDatabase().finally(() => (running = null));
      running = { since: Date.now(), done };
    }
    return running.done;
  }

  /** The last check's result (the first answer waits for the first check); a new one started behind it when due. */
  async function lastCheck(): Promise<Checked> {
    if (!checked) return refresh();
    if (Date.now() - checked.at >= CHECK_TTL_MS) void refresh();
    const waited = running ? Date.now() - running.since : 0;
    if (waited < CHECK_STALL_MS) return checked;
    const problem = `drafts table in ${storeName}: no answer to a check for ${(waited / 1000).toFixed(0)} s`;
    return { ...checked, parts: { ...checked.parts, drafts: 'failed' }, problems: [...checked.problems, problem] };
  }

  return new Hono().get('/', async (c) => {
    const { parts, problems: dbProblems } = await lastCheck();
    const search = ctx.search.status();
    const problems = [...dbProblems];
    if (search.state === 'failed') problems.push(`search: ${search.detail ?? 'an index failed'}`);
    for (const [lang, s] of Object.entries(search.languages)) if (s.state === 'failed') problems.push(`search index ${lang}: ${s.detail ?? 'failed'}`);
    const ok = problems.length === 0;
    const body: HealthResponse = { ok, ...parts, search, ...(ok ? {} : { problems }) };
    return c.json(body, ok ? 200 : 503);
  });
}
