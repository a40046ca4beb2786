// A damaged or missing index file is caught when the search worker loads it,
// and that language alone is rebuilt from the database, in a build thread:
// search never serves paragraph ids that do not exist, the damaged language
// answers 503 saying it is being rebuilt, and the other languages answer
// meanwhile.
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
// The corpus opened to all (PRECEDENT_PUBLIC_CORPUS=1): these tests are about search, not accounts.
import { buildContext } from '../../server/api/context.js';
import type { SearchResponse, SuggestResponse } from '../../server/api/contract.js';
import type { Language } from '../../core/model.js';
import { checksum } from '../../server/search/checked-files.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import { getParagraph, getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let dir: string;
let search: SearchWorker | undefined;

beforeAll(() => {
  ({ db, dir } = openCorpusCopy());
});
afterAll(async () => {
  await search?.close();
  db.close();
});

/** A fresh search worker over the copy (the previous test's closed) and the API over it. */
async function startSearch() {
  await search?.close();
  search = SearchWorker.start({ dbFile: db.name });
  return { search, app: createApp(buildContext(db, { search, publicCorpus: true })) };
}

type App = Awaited<ReturnType<typeof startSearch>>['app'];

/** An operative paragraph of A/RES/80/229 in `lang`, and a suggestion request for its first half. */
function halfOfParagraph(lang: Language) {
  const p = getParagraphs(db, `a-res-80-229-${lang}`).filter((x) => x.section === 'operative')[2];
  const body = JSON.stringify({ text: p.text.slice(0, Math.floor(p.text.length / 2)), language: lang, filters: { collapseSeries: false } });
  return { p, body };
}

function suggest(app: App, body: string) {
  return app.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** Suggests the first half of one of its paragraphs in `lang`: that paragraph comes first, and every result is a paragraph as stored. */
async function expectSuggestionsExist(app: App, lang: Language) {
  const { p, body } = halfOfParagraph(lang);
  const res = await suggest(app, body);
  expect(res.status).toBe(200);
  const json = (await res.json()) as SuggestResponse;
  expect(json.results[0].paragraph.id).toBe(p.id);
  for (const r of json.results) expect(getParagraph(db, r.paragraph.id)?.text).toBe(r.paragraph.text);
}

const indexFile = (name: string) => join(dir, 'index', name);
const manifestChecksums = () => (JSON.parse(readFileSync(indexFile('manifest.json'), 'utf8')) as { checksums: Record<string, string> }).checksums;

/** Resolves once the languages' states the worker reported satisfy `until` (polled: the state messages decide, not a delay). */
async function statesReach(worker: SearchWorker, until: (languages: ReturnType<SearchWorker['status']>['languages']) => boolean) {
  while (!until(worker.status().languages)) await new Promise((r) => setTimeout(r, 10));
}

describe('an index file altered on disk', () => {
  it('is detected by its checksum and rebuilt, and suggestions cite paragraphs that exist', async () => {
    // One byte removed from the Russian paragraph store: every record after it shifts.
    const store = indexFile('ru.paragraphs');
    const bytes = readFileSync(store);
    writeFileSync(store, Buffer.concat([bytes.subarray(0, 1000), bytes.subarray(1001)]));

    const { search, app } = await startSearch();
    await search.ready();
    expect(search.status().languages.ru?.state).toBe('ready');
    await expectSuggestionsExist(app, 'ru');

    // The rebuilt language was saved with a checksum that matches it.
    expect(manifestChecksums()['ru.paragraphs']).toBe(checksum(readFileSync(store)));
    // Loading every language and rebuilding one takes a while on a busy machine.
  }, 300_000);
});

describe('a language rebuilt while the others serve', () => {
  it('answers the other languages during the rebuild, 503 for its own, then its own correctly', async () => {
    // Chinese truncated (as the load bench's heavy scenario does), a French file gone.
    truncateSync(indexFile('zh.paragraphs'), 1000);
    rmSync(indexFile('fr.shingles'));
    const englishWritten = statSync(indexFile('en.minisearch')).mtimeMs;

    const { search, app } = await startSearch();
    const rebuilding = () => search.status().languages.zh?.state === 'building';
    // English ready (loaded and warmed) while Chinese is rebuilt (tens of seconds of CPU).
    await statesReach(search, (l) => l.en?.state === 'ready' || l.zh?.state === 'ready');
    expect(rebuilding()).toBe(true);

    // Chinese is refused at once, saying why and when to ask again.
    const refused = await suggest(app, halfOfParagraph('zh').body);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/building \(zh\)/);

    // English answers with results; before, it waited in the search worker's
    // queue for the whole rebuild and ran out of its time budget (504).
    const english = halfOfParagraph('en');
    const suggested = await suggest(app, english.body);
    expect(suggested.status).toBe(200);
    expect(((await suggested.json()) as SuggestResponse).results[0].paragraph.id).toBe(english.p.id);
    const searched = await app.request('/api/search?q=cybercrime+convention&language=en');
    expect(searched.status).toBe(200);
    expect(((await searched.json()) as SearchResponse).results.length).toBeGreaterThan(0);
    expect(rebuilding()).toBe(true);

    await search.ready();
    expect(search.status().languages.zh?.state).toBe('ready');
    expect(search.status().languages.fr?.state).toBe('ready');
    await expectSuggestionsExist(app, 'zh');
    await expectSuggestionsExist(app, 'fr');

    // Saved with checksums that match the rebuilt files; English was not rewritten.
    const sums = manifestChecksums();
    expect(sums['zh.paragraphs']).toBe(checksum(readFileSync(indexFile('zh.paragraphs'))));
    expect(sums['fr.shingles']).toBe(checksum(readFileSync(indexFile('fr.shingles'))));
    expect(statSync(indexFile('en.minisearch')).mtimeMs).toBe(englishWritten);

    // A restart loads them as they were saved: nothing to rebuild.
    const restarted = await startSearch();
    await restarted.search.ready();
    for (const lang of ['zh', 'fr', 'en'] as const) expect(restarted.search.status().languages[lang]).toEqual({ state: 'ready' });
    await expectSuggestionsExist(restarted.app, 'zh');
  }, 300_000);
});
