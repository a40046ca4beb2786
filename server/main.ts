// Starts Precedent: opens the database, loads the bundled corpus if it changed,
// and serves the API and the web app on one port.
import { serve } from '@hono/node-server';
import { performance } from 'node:perf_hooks';
import { createApp } from './api/app.js';
import { config } from './config.js';
import { loadBundle } from './ingest/bundle.js';
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

const app = createApp({ db }, { webDir: config.webDir });
serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Precedent ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://localhost:${info.port}`);
  console.log('Corpus source: United Nations (documents and AKN4UN XML published by the UN).');
});

const shutdown = () => {
  db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
