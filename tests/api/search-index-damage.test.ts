// A damaged index file is caught by its checksum when the search worker loads
// it, and that language is rebuilt from the database: search never serves
// paragraph ids that do not exist.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
// The corpus opened to all (PRECEDENT_PUBLIC_CORPUS=1): these tests are about search, not accounts.
import { buildContext } from '../../server/api/context.js';
import type { SuggestResponse } from '../../server/api/contract.js';
import { sha256 } from '../../server/search/checked-files.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import { getParagraph, getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let dir: string;
let search: SearchWorker;

beforeAll(() => {
  ({ db, dir } = openCorpusCopy());
});
afterAll(async () => {
  await search?.close();
  db.close();
});

describe('an index file altered on disk', () => {
  it('is detected by its checksum and rebuilt, and suggestions cite paragraphs that exist', async () => {
    // One byte removed from the Russian paragraph store: every record after it shifts.
    const store = join(dir, 'index', 'ru.paragraphs');
    const bytes = readFileSync(store);
    writeFileSync(store, Buffer.concat([bytes.subarray(0, 1000), bytes.subarray(1001)]));

    search = SearchWorker.start({ dbFile: db.name });
    const app = createApp(buildContext(db, { search, publicCorpus: true }));
    await search.ready();
    expect(search.status().languages.ru?.state).toBe('ready');

    const p = getParagraphs(db, 'a-res-80-229-ru').filter((x) => x.section === 'operative')[2];
    const res = await app.request('/api/suggest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: p.text.slice(0, Math.floor(p.text.length / 2)), filters: { collapseSeries: false } }),
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as SuggestResponse;
    expect(json.results[0].paragraph.id).toBe(p.id);
    for (const r of json.results) expect(getParagraph(db, r.paragraph.id)?.text).toBe(r.paragraph.text);

    // The rebuilt language was saved with a checksum that matches it.
    const manifest = JSON.parse(readFileSync(join(dir, 'index', 'manifest.json'), 'utf8')) as { checksums: Record<string, string> };
    expect(manifest.checksums['ru.paragraphs']).toBe(sha256(readFileSync(store)));
    // Loading every language and rebuilding one takes a while on a busy machine.
  }, 300_000);
});
