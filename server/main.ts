// Starts Precedent: checks the series corrections, opens the database, loads
// the bundled corpus if it changed, opens the search index, and serves the API
// and the web app on one port.
import { serve } from '@hono/node-server';
import { performance } from 'node:perf_hooks';
import { bootstrapAccounts } from './accounts/bootstrap.js';
import { createApp } from './api/app.js';
import { buildContext } from './api/context.js';
import { config } from './config.js';
import { readSeriesOverrides } from './compare/overrides.js';
import { listSeries } from './compare/service.js';
import type { SeriesOverrides } from './compare/series.js';
import { loadBundle } from './ingest/bundle.js';
import { publicOrigins } from './api/security.js';
import { countCorpus } from './store/corpus.js';
import { openDb } from './store/db.js';

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

/** A PRECEDENT_ORIGINS entry that is not an origin stops the start, naming it. */
function checkOrigins(): void {
  try {
    publicOrigins(config.origins);
  } catch (err) {
    console.error(`Precedent cannot start: ${errorMessage(err)}`);
    process.exit(1);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const started = performance.now();
checkOrigins();
const seriesOverrides = readSeriesCorrections();
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
const context = buildContext(db, { seriesOverrides, publicCorpus: process.env.PRECEDENT_PUBLIC_CORPUS === '1' });
console.log(
  `Search index ${context.search.index.origin} in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s: ${context.search.index.paragraphCount} paragraphs`,
);

const accounts = await bootstrapAccounts(db, context.setup, process.env);
if (accounts.kind === 'created') console.log(`Administrator created from PRECEDENT_ADMIN_EMAIL: ${accounts.user.email} (${accounts.user.delegation.name})`);

const app = createApp(context, { webDir: config.webDir });
serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Precedent ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://localhost:${info.port}`);
  if (!LOOPBACK.has(config.host)) {
    console.log(
      `Listening on ${config.host} (HOST): reachable from the network by address` +
        (config.origins.length ? ` and at ${config.origins.join(', ')}` : '; set PRECEDENT_ORIGINS to reach it by a host name'),
    );
  }
  if (accounts.kind === 'setup') {
    console.log(
      `No account yet. Create the first administrator at http://localhost:${info.port}/setup#${accounts.token}\n` +
        '  (a one-time link; or set PRECEDENT_ADMIN_EMAIL and PRECEDENT_ADMIN_PASSWORD, or run npm run users -- add … --admin)',
    );
  }
  console.log('Corpus source: United Nations (documents and AKN4UN XML published by the UN).');
  // Language indexes load after listening, so start-up does not wait for them.
  const warmStarted = performance.now();
  context.search
    .warmUp()
    .then(() => {
      // Grouping the series reads every preamble (about a second): do it now rather
      // than on the first keystroke, whose results are collapsed by series.
      listSeries(db);
      console.log(`Search index and series warm in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
    })
    // A failed warm-up costs the first requests time, never the server.
    .catch((err: unknown) => console.error(`Warming the search index and series failed (they load on first use instead): ${errorMessage(err)}`));
});

const shutdown = () => {
  db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
