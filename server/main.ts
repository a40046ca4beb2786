// Starts Precedent: checks the series corrections and that the database file
// has not lost its drafts, opens the database, loads the bundled corpus if it
// changed, starts the search worker, and serves the API and the web app on one
// port at once (the index opens or builds in the worker meanwhile).
import { serve } from '@hono/node-server';
import { performance } from 'node:perf_hooks';
import { createApp } from './api/app.js';
import { buildContext } from './api/context.js';
import { config } from './config.js';
import { readSeriesOverrides } from './compare/overrides.js';
import { listSeries } from './compare/service.js';
import type { SeriesOverrides } from './compare/series.js';
import { loadBundle } from './ingest/bundle.js';
import { countCorpus } from './store/corpus.js';
import { openDb } from './store/db.js';
import { checkDatabaseFile, noteDraftsSaved } from './store/db-guard.js';
import { hasDrafts } from './store/health.js';

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A malformed corrections file stops the start, before anything listens, with the file and the problem named. */
function readSeriesCorrections(): SeriesOverrides {
  try {
    return readSeriesOverrides(config.seriesFile);
  } catch (err) {
    console.error(`Precedent cannot start: ${errorMessage(err)}`);
    process.exit(1);
  }
}

/** A database file that lost its drafts stops the start, before anything is created, naming the file and what to do. */
function checkDatabase(): void {
  const refusal = checkDatabaseFile(config.dbFile, config.init);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}

const started = performance.now();
const seriesOverrides = readSeriesCorrections();
checkDatabase();
const db = openDb(config.dbFile);
const bundle = loadBundle(db, config.bundleDir);
const counts = countCorpus(db);
console.log(
  `Corpus: ${counts.documents} documents, ${counts.paragraphs} paragraphs` +
    (bundle.skipped ? ' (bundle already loaded)' : ` (${bundle.loaded} loaded from the bundle)`),
);
if (hasDrafts(db)) noteDraftsSaved(config.dbFile);

// The search index persists beside the database (data/index/) and lives in the
// search worker thread, which opens it after the server listens: loaded from
// disk in seconds when current (checksums verified), synced by document when
// the corpus changed, built (about a minute) when missing, from another format
// or damaged. Searches answer 503 with the progress until their language is ready.
const context = buildContext(db, { seriesOverrides });

const app = createApp(context, { webDir: config.webDir });
serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Precedent ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://localhost:${info.port}`);
  console.log('Corpus source: United Nations (documents and AKN4UN XML published by the UN).');
  const warmStarted = performance.now();
  void context.search.ready().then(() => {
    // Grouping the series reads every preamble (about a second): do it now rather
    // than on the first visit to the series view.
    listSeries(db);
    console.log(`Search index and series warm in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
  });
});

const shutdown = () => {
  void context.search.close().finally(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
