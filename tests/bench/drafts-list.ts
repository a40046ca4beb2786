// Drafts list bench (not a test): the time of GET /api/drafts with 20 large
// drafts (500 paragraphs of 2,000 characters each, ~20 MB of paragraphs), in
// process through the real app over a copy of the corpus. Issue 14 measured
// 2.6 s for 20 large drafts when the list parsed every draft's paragraphs.
//
//   npx tsx tests/bench/drafts-list.ts [checkout]   another checkout's app and helpers, for a comparison
import { resolve } from 'node:path';
import { ROOT } from '../helpers/paths.js';

const root = resolve(process.argv[2] ?? ROOT);
const { openCorpusCopy } = (await import(`${root}/tests/helpers/corpus.ts`)) as typeof import('../helpers/corpus.js');
const { signedInApp } = (await import(`${root}/tests/helpers/api.ts`)) as typeof import('../helpers/api.js');

const { db } = openCorpusCopy();
const app = await signedInApp(db);
const text = 'Decides '.padEnd(2000, 'x');
for (let i = 0; i < 20; i++) {
  const paragraphs = Array.from({ length: 500 }, (_, k) => ({ id: `p${k}`, section: k < 100 ? 'preamble' : 'operative', text: `${text} ${k}` }));
  const res = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en', title: `Large ${i}`, paragraphs }) });
  if (res.status !== 201) throw new Error(`creating a draft: HTTP ${res.status} ${await res.text()}`);
}
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  const res = await app.request('/api/drafts');
  await res.json();
  times.push(performance.now() - started);
}
console.log(`${root}: GET /api/drafts with 20 drafts of 500 paragraphs, five times: ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);
await app.ctx.search.close();
db.close();
