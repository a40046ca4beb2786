// The Hono application: every API route under /api, JSON errors, and (when
// built) the web app. What each route takes and answers is stated in contract.ts.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { noteDraftsSaved } from '../store/db-guard.js';
import type { AppContext } from './context.js';
import type { ErrorBody } from './contract.js';
import { errorResponse } from './errors.js';
import { diffRoutes } from './routes/diff.js';
import { documentRoutes } from './routes/documents.js';
import { draftRoutes } from './routes/drafts.js';
import { exchangeRoutes } from './routes/exchange.js';
import { healthRoutes } from './routes/health.js';
import { paragraphRoutes } from './routes/paragraphs.js';
import { searchRoutes } from './routes/search.js';
import { seriesRoutes } from './routes/series.js';
import { suggestRoutes } from './routes/suggest.js';

export function createApi(ctx: AppContext) {
  // A saved draft leaves a marker beside the database, so that losing the file is never silent (db-guard.ts).
  const markDraftsSaved: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.res.ok) noteDraftsSaved(ctx.db.name);
  };
  return new Hono()
    .use('/drafts', markDraftsSaved)
    .use('/drafts/*', markDraftsSaved)
    .route('/health', healthRoutes(ctx))
    .route('/documents', documentRoutes(ctx))
    .route('/series', seriesRoutes(ctx))
    .route('/diff', diffRoutes(ctx))
    .route('/paragraphs', paragraphRoutes(ctx))
    .route('/drafts', draftRoutes(ctx))
    .route('/suggest', suggestRoutes(ctx))
    .route('/search', searchRoutes(ctx))
    // .docx export and import under /documents, /drafts and /diff (see the module).
    .route('/', exchangeRoutes(ctx));
}

/** `webDir`: the built web app to serve beside the API (absent in API tests). */
export function createApp(ctx: AppContext, options: { webDir?: string } = {}) {
  const app = new Hono().route('/api', createApi(ctx));
  const { webDir } = options;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    const indexHtml = readFileSync(join(webDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: relative(process.cwd(), webDir) }));
    // Client-side routes (/drafts/…, /series/…) all load the same page.
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  }
  app.notFound((c) => c.json({ error: `No such route: ${c.req.method} ${c.req.path}` } satisfies ErrorBody, 404));
  app.onError(errorResponse);
  return app;
}

