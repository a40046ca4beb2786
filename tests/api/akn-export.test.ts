// Akoma Ntoso out through the API over the bundled corpus: A/RES/80/229 in
// each of the six languages, and a draft rolled over from it, downloaded as
// AKN4UN XML and read back by the project's own AKN importer into the same
// paragraphs, labels, leads, sub-items and footnotes; a draft keeps the eIds
// of the precedents its paragraphs came from.
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../core/model.js';
import { createApp } from '../../server/api/app.js';
import type { Draft, ErrorBody } from '../../server/api/contract.js';
import { importAkn } from '../../server/ingest/akn/index.js';
import { SearchService } from '../../server/search/service.js';
import { getParagraphs } from '../../server/store/corpus.js';
import { paragraphDifference } from '../helpers/akn-roundtrip.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const { db } = openCorpusCopy();
afterAll(() => db.close());
const app = createApp({ db, search: SearchService.lazy(db) });

async function download(path: string) {
  const res = await app.request(path);
  return { res, xml: await res.text() };
}

describe('GET /api/documents/:id/export.akn', () => {
  it.each(LANGUAGES)('A/RES/80/229 in %s comes back paragraph for paragraph', async (language) => {
    const id = `a-res-80-229-${language}`;
    const { res, xml } = await download(`/api/documents/${id}/export.akn`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/akn+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="A-RES-80-229-${language}.akn.xml"`);
    expect(XMLValidator.validate(xml)).toBe(true);
    const [doc] = importAkn(xml, `${id}.xml`).documents;
    expect(doc).toMatchObject({ symbol: 'A/RES/80/229', language, session: 80 });
    const stored = getParagraphs(db, id);
    const differences = stored.map((p, i) => paragraphDifference(p, doc.paragraphs[i])).filter(Boolean);
    expect(differences).toEqual([]);
    expect(doc.paragraphs).toHaveLength(stored.length);
    expect(doc.paragraphs.map((p) => p.eId)).toEqual(stored.map((p) => p.eId));
  });

  it('answers 404 naming an unknown document', async () => {
    const res = await app.request('/api/documents/no-such-document/export.akn');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error).toContain('no-such-document');
  });
});

describe('GET /api/drafts/:id/export.akn', () => {
  it('writes a rollover with the eIds of the paragraphs it came from, numbered, in its language', async () => {
    const created = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ base: 'a-res-80-229-zh', title: '加强联合国预防犯罪和刑事司法方案' }) });
    const draft = (await created.json()) as Draft;
    const { res, xml } = await download(`/api/drafts/${draft.id}/export.akn`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('加强联合国预防犯罪和刑事司法方案')}.akn.xml`);
    expect(XMLValidator.validate(xml)).toBe(true);
    const [doc] = importAkn(xml, 'draft.xml').documents;
    expect(doc.language).toBe('zh');
    const base = getParagraphs(db, 'a-res-80-229-zh').filter((p) => p.section === 'preamble' || p.section === 'operative');
    expect(doc.paragraphs.map((p) => p.eId)).toEqual(base.map((p) => p.eId));
    expect(doc.paragraphs.map((p) => p.label)).toEqual(base.map((p) => p.label));
    expect(doc.paragraphs.map((p) => p.text)).toEqual(base.map((p) => p.text));
    expect(doc.paragraphs.find((p) => p.label === 'OP 8')!.lead).toBe('鼓励');
    await app.request(`/api/drafts/${draft.id}`, { method: 'DELETE' });
  });

  it('answers 404 for an unknown draft', async () => {
    expect((await app.request('/api/drafts/no-such-draft/export.akn')).status).toBe(404);
  });
});
