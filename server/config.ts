// Where things live at run time, overridable by environment variables so tests
// and benchmarks can point the server at their own database.
import { resolve } from 'node:path';
import { DOCX_IMPORT_DEFAULTS } from './exchange/docx-import-thread.js';
import { SEARCH_DEFAULTS } from './search/search-worker.js';

export const ROOT = resolve(import.meta.dirname, '..');

/** PRECEDENT_ORIGINS: comma-separated; checked at start-up (api/security.ts publicOrigins). */
const listed = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export const config = {
  port: Number(process.env.PORT ?? 8787),
  /** The address to listen on: loopback unless HOST exposes it (0.0.0.0, or one address). */
  host: process.env.HOST || '127.0.0.1',
  /**
   * The public origins the app is reached at when exposed ("https://precedent.example.org"):
   * requests naming another Host, and writes from another Origin, are refused.
   */
  origins: listed(process.env.PRECEDENT_ORIGINS),
  /**
   * PostgreSQL for accounts, drafts, negotiation and live documents, shared by
   * every instance ("postgres://user:password@host/db"); unset, they live in the SQLite database.
   */
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** The SQLite database: the corpus, and (without DATABASE_URL) drafts and accounts. */
  dbFile: process.env.PRECEDENT_DB ?? resolve(ROOT, 'data/precedent.db'),
  /** The compact corpus shipped in the repository. */
  bundleDir: process.env.PRECEDENT_BUNDLE ?? resolve(ROOT, 'corpus/bundle'),
  /** Manual corrections to series grouping: read and validated at start-up (main.ts), before the server listens. */
  seriesFile: process.env.PRECEDENT_SERIES ?? resolve(ROOT, 'corpus/series.json'),
  /** The built web app. */
  webDir: resolve(ROOT, 'dist/web'),
  /** Sources the bundle is built from when present (CI has them; a user's clone does not). */
  sharedDir: process.env.PRECEDENT_SHARED ?? resolve(ROOT, '../shared'),
  /** The search worker (server/search/search-worker.ts): time budget per request, queue bound, heap limit. */
  search: {
    budgetMs: Number(process.env.PRECEDENT_SEARCH_BUDGET_MS ?? SEARCH_DEFAULTS.budgetMs),
    queueLimit: Number(process.env.PRECEDENT_SEARCH_QUEUE ?? SEARCH_DEFAULTS.queueLimit),
    memoryMb: Number(process.env.PRECEDENT_SEARCH_MEMORY_MB ?? SEARCH_DEFAULTS.memoryMb),
  },
  /** .docx imports (server/exchange/docx-import-thread.ts): time budget and heap limit of each file's worker, files read at once. */
  imports: {
    budgetMs: Number(process.env.PRECEDENT_IMPORT_BUDGET_MS ?? DOCX_IMPORT_DEFAULTS.budgetMs),
    memoryMb: Number(process.env.PRECEDENT_IMPORT_MEMORY_MB ?? DOCX_IMPORT_DEFAULTS.memoryMb),
    concurrent: Number(process.env.PRECEDENT_IMPORTS ?? DOCX_IMPORT_DEFAULTS.concurrent),
  },
  /** Start over an empty database even though drafts were saved in it before (server/store/db-guard.ts). */
  init: process.env.PRECEDENT_INIT === '1',
};
