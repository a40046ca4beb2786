// Starts Precedent: checks the series corrections and that the database file
// has not lost its drafts, opens the database, loads the bundled corpus if it
// changed, starts the search worker, and serves the API and the web app on one
// port at once (the index opens or builds in the worker meanwhile).
import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:http';
import { bootstrapAccounts } from './accounts/bootstrap.js';
import { createApp } from './api/app.js';
import { buildContext } from './api/context.js';
import { config } from './config.js';
import { readSeriesOverrides } from './compare/overrides.js';
import type { SeriesOverrides } from './compare/series.js';
import { loadBundle } from './ingest/bundle.js';
import { attachLiveEditing } from './live/socket.js';
import { publicOrigins } from './api/security.js';
import { countCorpus } from './store/corpus.js';
import { openDb } from './store/db.js';
import { openStore, redactedUrl } from './store/open.js';
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

/** A PRECEDENT_ORIGINS entry that is not an origin stops the start, naming it. */
function checkOrigins(): void {
  try {
    publicOrigins(config.origins);
  } catch (err) {
    console.error(`Precedent cannot start: ${errorMessage(err)}`);
    process.exit(1);
  }
}

/** A database file that lost its drafts stops the start, before anything is created, naming the file and what to do. With PostgreSQL the file holds only the corpus, rebuilt from the bundle. */
function checkDatabase(): void {
  if (config.databaseUrl) return;
  const refusal = checkDatabaseFile(config.dbFile, config.init);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const started = performance.now();
checkOrigins();
const seriesOverrides = readSeriesCorrections();
checkDatabase();
const db = openDb(config.dbFile);
const bundle = loadBundle(db, config.bundleDir);
const counts = countCorpus(db);
console.log(
  `Corpus: ${counts.documents} documents, ${counts.paragraphs} paragraphs` +
    (bundle.skipped ? ' (bundle already loaded)' : ` (${bundle.loaded} loaded from the bundle)`),
);
const store = await openStore(db, config.databaseUrl, { keepConnectionsOpen: true }).catch((err: unknown) => {
  console.error(`Precedent cannot start: ${errorMessage(err)}`);
  process.exit(1);
});
if (store.kind === 'sqlite' && hasDrafts(db)) noteDraftsSaved(config.dbFile);
else if (store.kind === 'postgres') console.log(`Store: PostgreSQL at ${redactedUrl(config.databaseUrl!)}`);

// The search index persists beside the database (data/index/) and lives in the
// search worker thread, which opens it after the server listens: loaded from
// disk in seconds when current (checksums verified), synced by document when
// the corpus changed, built (about a minute) when missing, from another format
// or damaged. Searches answer 503 with the progress until their language is ready.
// The search worker groups the series while it loads the index (in a job
// thread: it reads every preamble, seconds at a million paragraphs), and the
// series view takes the same grouping, ahead of its first visit.
const context = buildContext(db, {
  seriesOverrides,
  store,
  publicCorpus: process.env.PRECEDENT_PUBLIC_CORPUS === '1',
  onSeriesGrouped: () => console.log(`Series grouped ${(performance.now() / 1000).toFixed(1)} s after start`),
});

const accounts = await bootstrapAccounts(context.store, context.setup, process.env);
if (accounts.kind === 'created') console.log(`Administrator created from PRECEDENT_ADMIN_EMAIL: ${accounts.user.email} (${accounts.user.delegation.name})`);

const app = createApp(context, { webDir: config.webDir });
const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host });
// Connections waiting to be accepted: Node's default of 511 overflows when many
// clients connect while the event loop is busy for a moment, and the kernel
// then drops their SYNs, which retry only after 1 s, 3 s, 7 s… (`npm run load`
// on a busy machine: 15,000 listen overflows in a 30 s run, none with 4096;
// tests/bench/load-results.md). The kernel caps it at net.core.somaxconn.
const LISTEN_BACKLOG = 4096;
server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
  const info = server.address() as AddressInfo;
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
  const warmStarted = performance.now();
  void context.search.ready().then(() => console.log(`Search index warm in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`));
});

// Live co-editing (/api/live) on the same port.
attachLiveEditing(server as Server, app, context.live);

const shutdown = () => {
  context.corpusFollower?.close();
  void Promise.allSettled([context.live.close(), context.search.close()]).finally(async () => {
    await store.close().catch(() => {});
    db.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
