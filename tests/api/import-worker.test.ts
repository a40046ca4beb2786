// .docx imports are read in a worker thread, through the real Hono app over a
// copy of the bundled corpus: the server keeps answering (health, the drafts
// list) while a hostile file is read, and a file that runs past the reader's
// time budget or memory limit is stopped and answered 504 or 413 saying
// which; more imports than the reader takes at once are answered 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocxImporter } from '../../server/exchange/docx-import-thread.js';
import type { Db } from '../../server/store/db.js';
import { signedInApp } from '../helpers/api.js';
import { until } from '../helpers/live.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { documentXml, zipBytes } from '../helpers/zip-bytes.js';

let db: Db;
beforeAll(() => {
  db = openCorpusCopy().db;
});
afterAll(() => db.close());

const draftCount = () => (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;

/**
 * 650 KB whose parts inflate hugely: a document of one 45-million-character
 * paragraph (seconds of work and more than 64 MB to read), and footnotes of 99 MB of spaces.
 */
const HEAVY = zipBytes([
  { name: 'word/document.xml', data: Buffer.from(documentXml(['A title', `1. Decides ${'x'.repeat(45_000_000)}`])) },
  { name: 'word/footnotes.xml', data: Buffer.alloc(99 * 1024 * 1024, 0x20) },
]);

const SMALL = zipBytes([{ name: 'word/document.xml', data: Buffer.from(documentXml(['A title', '1. Decides to remain seized of the matter.'])) }]);

/** An app whose .docx reader has these limits (2 s, 768 MB, one at a time unless told). */
async function appWith(limits: Partial<DocxImporter['limits']>) {
  return signedInApp(db, { imports: new DocxImporter({ budgetMs: 2_000, memoryMb: 768, concurrent: 1, ...limits }) });
}

function upload(app: { request: (path: string, init?: RequestInit) => Promise<Response> }, bytes: Uint8Array) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'draft.docx'));
  return app.request('/api/drafts/import', { method: 'POST', body: form });
}

describe('.docx imports off the event loop', () => {
  it('answers health and the drafts list while a file whose parts inflate hugely is read, then stops it at its time budget with 504', async () => {
    expect(HEAVY.length).toBeLessThan(1024 * 1024);
    const app = await appWith({ budgetMs: 2_000 });
    const before = draftCount();
    let settled = false;
    const importing = upload(app, HEAVY).finally(() => (settled = true));
    const answered: { status: number; ms: number; during: boolean }[] = [];
    while (!settled) {
      const started = Date.now();
      const res = await app.request(answered.length % 2 ? '/api/drafts?limit=5' : '/api/health');
      answered.push({ status: res.status, ms: Date.now() - started, during: !settled });
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await importing;
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Reading the file took longer than 2 s and was stopped/);
    // The import took its 2 s; the server answered all along, each request at once (well under a second).
    const during = answered.filter((a) => a.during);
    expect(during.length).toBeGreaterThanOrEqual(5);
    expect(during.map((a) => a.status)).toEqual(during.map(() => 200));
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(1_000);
    expect(draftCount()).toBe(before);
  });

  it('stops a file that needs more memory than the limit, with 413 saying so, and the server carries on', async () => {
    const app = await appWith({ budgetMs: 60_000, memoryMb: 64 });
    const res = await upload(app, HEAVY);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Reading the file needed more than 64 MB of memory and was stopped/);
    expect((await app.request('/api/health')).status).toBe(200);
    // The next file is read by a fresh worker, as usual.
    const ok = await upload(app, SMALL);
    expect(ok.status).toBe(201);
  });

  it('answers 503 with Retry-After to an import while the reader is busy, and still reads well-formed files afterwards', async () => {
    const app = await appWith({ budgetMs: 2_000, concurrent: 1 });
    const first = upload(app, HEAVY);
    // The first is being read (its request may take a moment to get there: the store is asked who is signing in).
    await until(() => app.ctx.imports.reading === 1, 5000, 'the first file being read');
    const second = await upload(app, SMALL);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('5');
    expect(((await second.json()) as { error: string }).error).toMatch(/being read already: try again in a few seconds/);
    expect((await first).status).toBe(504);
    const again = await upload(app, SMALL);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { draft: { paragraphs: { text: string }[] } }).draft.paragraphs.map((p) => p.text)).toEqual(['Decides to remain seized of the matter.']);
  });
});
