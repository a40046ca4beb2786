// Starts Precedent: opens the database, loads the bundled corpus if it changed,
// and serves the API and the web app on one port.
import { serve } from '@hono/node-server';
import { performance } from 'node:perf_hooks';
import { createApp } from './api/app.js';
import { config } from './config.js';
import { loadBundle } from './ingest/bundle.js';
import { listSeries } from './compare/service.js';
import { SearchService } from './search/service.js';
import { countCorpus } from './store/corpus.js';
import { openDb } from './store/db.js';

const started = performance.now();
const db = openDb(config.dbFile);
const bundle = loadBundle(db, config.bundleDir);
const counts = countCorpus(db);
console.log(
  `Corpus: ${counts.documents} documents, ${counts.paragraphs} paragraphs` +
    (bundle.skipped ? ' (bundle already loaded)' : ` (${bundle.loaded} loaded from the bundle)`),
);

// The search index persists beside the database (data/index/): opening is instant
// when it is current and synced by document when the corpus changed; the first
// start, and the first after an index format change, build it (about a minute).
const indexStarted = performance.now();
console.log('Opening the search index (built on a first start or after an upgrade: about a minute)…');
const search = SearchService.open(db);
console.log(
  `Search index ${search.index.origin} in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s: ${search.index.paragraphCount} paragraphs`,
);

const app = createApp({ db, search }, { webDir: config.webDir });
serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Precedent ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://localhost:${info.port}`);
  console.log('Corpus source: United Nations (documents and AKN4UN XML published by the UN).');
  // Language indexes load after listening, so start-up does not wait for them.
  const warmStarted = performance.now();
  void search.warmUp().then(() => {
    // Grouping the series reads every preamble (about a second): do it now rather
    // than on the first keystroke, whose results are collapsed by series.
    listSeries(db);
    console.log(`Search index and series warm in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
  });
});

const shutdown = () => {
  db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
