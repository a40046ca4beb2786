// The Hono application: every API route under /api, JSON errors, and (when
// built) the web app. What each route takes and answers is stated in contract.ts;
// what the server refuses on a network and the headers it sends, in security.ts.
// Who may call what: the session middleware names the user on every request;
// the corpus is for signed-in users (or everyone, with PRECEDENT_PUBLIC_CORPUS=1);
// drafts check access per draft (drafts service); /admin is for administrators;
// only /health and signing in are open to all.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { config } from '../config.js';
import { noteDraftsSaved } from '../store/db-guard.js';
import { bodyLimits } from './body-limits.js';
import type { AppContext, AppEnv } from './context.js';
import type { ErrorBody } from './contract.js';
import { errorResponse } from './errors.js';
import { readJsonBody } from './node-request.js';
import { adminRoutes, delegationRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { diffRoutes } from './routes/diff.js';
import { documentRoutes } from './routes/documents.js';
import { draftRoutes } from './routes/drafts.js';
import { exchangeRoutes } from './routes/exchange.js';
import { healthRoutes } from './routes/health.js';
import { liveRoutes } from './routes/live.js';
import { paragraphRoutes } from './routes/paragraphs.js';
import { proposalRoutes } from './routes/proposals.js';
import { searchRoutes } from './routes/search.js';
import { seriesRoutes } from './routes/series.js';
import { suggestRoutes } from './routes/suggest.js';
import { networkSafety } from './security.js';
import { corpusReaders, sessionMiddleware } from './session.js';

/** The corpus routes' prefixes: readable by any signed-in user. */
const CORPUS_PREFIXES = ['/documents', '/series', '/diff', '/paragraphs', '/suggest', '/search'];

export function createApi(ctx: AppContext) {
  // A saved draft leaves a marker beside the database, so that losing the file is never silent (db-guard.ts).
  const markDraftsSaved: MiddlewareHandler = async (c, next) => {
    await next();
    if (ctx.store.kind === 'sqlite' && c.req.method !== 'GET' && c.res.ok) noteDraftsSaved(ctx.db.name);
  };
  // Health first: open to all, it needs no session, so it never waits for the
  // store's session lookup (behind a busy pool on PostgreSQL).
  const api = new Hono<AppEnv>().route('/health', healthRoutes(ctx)).use('*', sessionMiddleware(ctx));
  for (const prefix of CORPUS_PREFIXES) api.use(prefix, corpusReaders(ctx)).use(`${prefix}/*`, corpusReaders(ctx));
  return api
    .use('/drafts', markDraftsSaved)
    .use('/drafts/*', markDraftsSaved)
    .route('/auth', authRoutes(ctx))
    .route('/admin', adminRoutes(ctx))
    .route('/delegations', delegationRoutes(ctx))
    .route('/documents', documentRoutes(ctx))
    .route('/series', seriesRoutes(ctx))
    .route('/diff', diffRoutes(ctx))
    .route('/paragraphs', paragraphRoutes(ctx))
    .route('/drafts', draftRoutes(ctx))
    // Proposals and paragraph statuses, beside the draft routes (see the module).
    .route('/drafts', proposalRoutes(ctx))
    .route('/live', liveRoutes())
    .route('/suggest', suggestRoutes(ctx))
    .route('/search', searchRoutes(ctx))
    // .docx export and import under /documents, /drafts and /diff (see the module).
    .route('/', exchangeRoutes(ctx));
}

/**
 * `webDir`: the built web app to serve beside the API (absent in API tests);
 * `origins`: the public origins it is reached at (PRECEDENT_ORIGINS by default).
 */
export function createApp(ctx: AppContext, options: { webDir?: string; origins?: readonly string[] } = {}) {
  const app = new Hono();
  app.use(...networkSafety({ origins: options.origins ?? config.origins }));
  app.use(bodyLimits, readJsonBody);
  app.route('/api', createApi(ctx));
  const { webDir } = options;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    const indexHtml = readFileSync(join(webDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: relative(process.cwd(), webDir) }));
    // Client-side routes (/drafts/…, /series/…) all load the same page; a missing
    // asset is a 404, not the page (which would be kept a year under its name).
    app.get('*', (c) => (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/') ? c.notFound() : c.html(indexHtml)));
  }
  app.notFound((c) => c.json({ error: `No such route: ${c.req.method} ${c.req.path}` } satisfies ErrorBody, 404));
  app.onError(errorResponse);
  return app;
}

