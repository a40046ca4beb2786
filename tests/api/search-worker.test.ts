// Search in its worker thread under pressure, through the real API over the
// bundled corpus: a huge keyword query is pruned and answered while health
// answers; a full search queue refuses at once with 503 and Retry-After; a
// part that fails turns health into a 503 naming it; the worker runs below the
// main thread's priority; the series it groups while loading are the series
// view's too.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, platform } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
// The corpus opened to all (PRECEDENT_PUBLIC_CORPUS=1): these tests are about search, not accounts.
import { buildContext } from '../../server/api/context.js';
import { HealthResponse, SearchResponse } from '../../server/api/contract.js';
import { listSeries, setSeriesOverrides } from '../../server/compare/service.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import { THREAD_NICENESS } from '../../server/threads/spawn.js';
import type { Db } from '../../server/store/db.js';
import { expectContract } from '../helpers/contract.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let search: SearchWorker;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = openCorpusCopy().db;
  search = SearchWorker.start({ dbFile: db.name });
  app = createApp(buildContext(db, { search, publicCorpus: true }));
  await search.ready();
});
afterAll(async () => {
  await search.close();
  db.close();
});

/** 128 of the commonest English words as one keyword query: what held the server for 5 s. */
const COMMON = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there ' +
  'would their we him been has when who will no more if out so said what up its about than into them can only other new some could ' +
  'time these two may then do first any my now such like our over man me even most made after also did many before must through back ' +
  'years where much your way well down should because each just those people how too little state good very make world still own see ' +
  'men work long get here between both life being under never day same another know while last might us great old year off come since ' +
  'against go came right used take three'
)
  .split(' ')
  .slice(0, 128);

describe('keyword search of a very long query', () => {
  it('answers with the query pruned to its rarest words, while health answers too', async () => {
    expect(COMMON).toHaveLength(128);
    const q = encodeURIComponent(COMMON.join(' '));
    const [searched, health] = await Promise.all([app.request(`/api/search?q=${q}&language=en`), app.request('/api/health')]);
    expect(health.status).toBe(200);
    expect(searched.status).toBe(200);
    const page = expectContract(SearchResponse, await searched.json());
    expect(page.results.length).toBeGreaterThan(0);
    // Most of those words are in nearly every paragraph: searched without them, and the answer says so.
    expect(page.omittedTerms).toBeGreaterThan(50);
  });

  it('leaves a short query whole', async () => {
    const page = expectContract(SearchResponse, await (await app.request('/api/search?q=cybercrime+convention&language=en')).json());
    expect(page.omittedTerms).toBeUndefined();
    expect(page.results[0].paragraph.text.toLowerCase()).toMatch(/cybercrime|convention/);
  });
});

describe('a full search queue', () => {
  it('answers new searches at once with 503 and Retry-After, and the queued one normally', async () => {
    // One waiting request at most; a generous budget so that the queued one is answered
    // even though this worker loads English on first use.
    const small = SearchWorker.lazy({ dbFile: db.name, queueLimit: 1, budgetMs: 120_000 });
    const smallApp = createApp(buildContext(db, { search: small, publicCorpus: true }));
    try {
      const post = (text: string) =>
        smallApp.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, language: 'en' }) });
      const answers = await Promise.all(
        ['Encourages Member States to strengthen', 'Requests the Secretary-General to report', 'Calls upon all States to consider', 'Welcomes the work of the Commission'].map(post),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      const refused = answers.filter((r) => r.status === 503);
      expect(refused).toHaveLength(3);
      for (const r of refused) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await r.json()) as { error: string }).error).toMatch(/busy/);
      }
      // Health does not queue behind searches.
      expect((await smallApp.request('/api/health')).status).toBe(200);
    } finally {
      await small.close();
    }
    // The queued request waits for this worker to load English on first use: slow on a busy machine.
  }, 120_000);
});

describe('GET /api/health', () => {
  it('reports each part and answers 503 naming the one that failed', async () => {
    const good = expectContract(HealthResponse, await (await app.request('/api/health')).json());
    expect(good).toMatchObject({ ok: true, database: 'ok', drafts: 'ok', search: { state: 'ok' } });
    expect(good.search.languages.en?.state).toBe('ready');
    expect(good.search.languages.zh?.state).toBe('ready');

    // The drafts table becomes unreadable (as a damaged page would make it).
    db.exec('ALTER TABLE drafts RENAME TO drafts_gone');
    try {
      const res = await createApp(buildContext(db, { search, publicCorpus: true })).request('/api/health');
      expect(res.status).toBe(503);
      const bad = expectContract(HealthResponse, await res.json());
      expect(bad).toMatchObject({ ok: false, database: 'ok', drafts: 'failed' });
      expect(bad.problems!.join('\n')).toMatch(/drafts/);
    } finally {
      db.exec('ALTER TABLE drafts_gone RENAME TO drafts');
    }
  });
});

describe.skipIf(platform() !== 'linux')('the search worker thread', () => {
  it('runs below the main thread’s scheduling priority, which it leaves as it was', () => {
    // Each thread's nice value (Linux /proc: field 19; the command name before it may hold spaces).
    const niceValues = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    const main = getPriority();
    expect(niceValues).toContain(Math.min(19, main + THREAD_NICENESS.search));
    expect(niceValues.filter((n) => n === main).length).toBeGreaterThan(0);
  });
});

describe('the series, grouped once while the index loads', () => {
  it("are the search worker's grouping, handed to the series view: the same as grouping them on the main thread", async () => {
    const copy = openCorpusCopy().db;
    let grouped: () => void = () => {};
    const told = new Promise<void>((resolve) => (grouped = resolve));
    // The server's wiring: the context starts the worker, which groups the series in a job thread as it loads.
    const ctx = buildContext(copy, { publicCorpus: true, onSeriesGrouped: () => grouped() });
    try {
      await told;
      const handed = listSeries(copy);
      expect(handed.length).toBeGreaterThan(50);
      // Corrections set anew empty the cache: the main thread groups them itself.
      setSeriesOverrides(copy, {});
      expect(listSeries(copy)).toEqual(handed);
    } finally {
      await ctx.search.close();
      await ctx.store.close();
      copy.close();
    }
  });
});
