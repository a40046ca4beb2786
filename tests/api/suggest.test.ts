// Suggestions and agreed-language search through the real API, over the whole
// bundled corpus and a real index: what a delegate typing a paragraph sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchingApp, type Client } from '../helpers/api.js';
import { SearchResponse, SuggestResponse } from '../../server/api/contract.js';
import { getParagraphs, upsertDocument } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { expectContract } from '../helpers/contract.js';

let db: Db;
let app: Client;
let close: () => Promise<void>;

// The copy carries the persisted index beside the database: the search worker loads it, as a restart would.
beforeAll(async () => {
  ({ db, client: app, close } = await searchingApp());
}, 300_000);
afterAll(() => close());

async function suggest(body: unknown): Promise<{ status: number; json: SuggestResponse & { error?: string } }> {
  const res = await app.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as SuggestResponse & { error?: string } };
}

function paragraph(documentId: string, label: string) {
  const p = getParagraphs(db, documentId).find((x) => x.label === label);
  if (!p) throw new Error(`${documentId} has no ${label}`);
  return p;
}

describe('POST /api/suggest', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`finds the 78/229 predecessor of a paragraph of 80/229 (${lang}), with its citation`, async () => {
      const own = `a-res-80-229-${lang}`;
      const query = paragraph(own, 'PP 4').text;
      const { status, json } = await suggest({ text: query, filters: { excludeDocuments: [own] } });
      expect(status).toBe(200);
      expect(json.language).toBe(lang);
      const top = json.results[0];
      expect(top.document.symbol).toBe('A/RES/78/229');
      expect(top.paragraph.label).toBe('PP 5');
      expect(top.agreed).toBe(true);
      expect(top.similarity).toBeGreaterThan(0.6);
      expect(top.similarity).toBeLessThanOrEqual(1);
      // Highlights select the same words in the query and in the precedent.
      expect(top.shared.length).toBeGreaterThan(0);
      for (const s of top.shared) expect(top.paragraph.text.slice(...s.to).length).toBeGreaterThan(0);
      expect(query.slice(...top.shared[0].from).replace(/\s+/g, ' ')).toBe(top.paragraph.text.slice(...top.shared[0].to).replace(/\s+/g, ' '));
      // Its own document never comes back.
      expect(json.results.every((r) => r.document.id !== own)).toBe(true);
    });
  }

  it('still finds the predecessor from half a paragraph, as while typing', async () => {
    const own = 'a-res-80-229-en';
    const full = paragraph(own, 'PP 4').text;
    const { json } = await suggest({ text: full.slice(0, Math.floor(full.length / 2)), filters: { excludeDocuments: [own] } });
    expect(json.results[0].document.title).toMatch(/crime prevention and criminal justice programme/i);
    expect(json.results[0].similarity).toBeGreaterThan(0.5);
  });

  it('works on Chinese typed without spaces and without a language', async () => {
    const { json } = await suggest({ text: '请秘书长向大会提交一份关于本决议执行情况的报告' });
    expect(json.language).toBe('zh');
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results[0].document.language).toBe('zh');
    expect(json.results[0].paragraph.text).toContain('执行情况');
  });

  for (const lang of ['ru', 'ar', 'fr', 'es'] as const) {
    it(`answers a ${lang} query from half of one of its paragraphs`, async () => {
      const p = getParagraphs(db, `a-res-80-229-${lang}`).filter((x) => x.section === 'operative')[2];
      const { json } = await suggest({ text: p.text.slice(0, Math.floor(p.text.length / 2)), filters: { collapseSeries: false } });
      expect(json.language).toBe(lang);
      expect(json.results[0].paragraph.id).toBe(p.id);
    });
  }

  it('collapses the series into the newest version with the earlier ones counted', async () => {
    const own = 'a-res-80-229-en';
    const query = paragraph(own, 'PP 4').text;
    const collapsed = (await suggest({ text: query, filters: { excludeDocuments: [own] } })).json.results;
    const series = collapsed.filter((r) => /crime prevention and criminal justice programme, in particular/i.test(r.document.title));
    expect(series).toHaveLength(1);
    expect(series[0].earlierVersions!.length).toBeGreaterThan(0);
    expect(series[0].earlierVersions!.every((v) => (v.date ?? '') <= (series[0].document.date ?? ''))).toBe(true);
    const flat = (await suggest({ text: query, limit: 20, filters: { excludeDocuments: [own], collapseSeries: false } })).json.results;
    expect(flat.filter((r) => /crime prevention and criminal justice programme, in particular/i.test(r.document.title)).length).toBeGreaterThan(1);
  });

  it('ranks the seed predecessors a drafter would name (62/175 queries restricted to 57/173)', async () => {
    const within = async (label: string) =>
      (await suggest({ text: paragraph('a-res-62-175-zh', label).text, limit: 5, filters: { documents: ['a-res-57-173-zh'] } })).json.results.map((r) => r.paragraph.label);
    // PP 13 keeps 57/173 PP 4 ("…是一项共同分担的责任，") almost whole; PP 5 shares only set phrases.
    const pp13 = await within('PP 13');
    expect(pp13[0]).toBe('PP 4');
    expect(pp13.indexOf('PP 4')).toBeLessThan(pp13.indexOf('PP 5') >>> 0);
    // PP 1 recalls 46/152 of 18 December 1991, as 57/173 PP 1 does.
    const pp1 = await within('PP 1');
    expect(pp1[0]).toBe('PP 1');
  });

  it('gives 1 to the same text only, never to a paragraph with its punctuation or a word changed', async () => {
    const op5 = paragraph('a-res-77-237-zh', 'OP 5').text;
    const top = async (text: string) => (await suggest({ text, limit: 1, filters: { documents: ['a-res-77-237-zh'] } })).json.results[0];
    const same = await top(op5);
    expect(same.paragraph.label).toBe('OP 5');
    expect(same.similarity).toBe(1);
    const cut = await top(op5.replace('考虑', ''));
    expect(cut.paragraph.label).toBe('OP 5');
    expect(cut.similarity).toBeLessThan(1);
    const stop = await top(op5.replace(/；$/, '。'));
    expect(stop.paragraph.label).toBe('OP 5');
    expect(stop.similarity).toBeLessThan(1);
  });

  it('applies kind, body, date and document filters', async () => {
    const query = paragraph('a-res-80-229-en', 'PP 4').text;
    const dated = (await suggest({ text: query, filters: { from: '2022-01-01', to: '2023-12-31', collapseSeries: false } })).json.results;
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((r) => r.document.date! >= '2022-01-01' && r.document.date! <= '2023-12-31')).toBe(true);
    const only = (await suggest({ text: query, filters: { documents: ['a-res-76-187-en'] } })).json.results;
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((r) => r.document.id === 'a-res-76-187-en')).toBe(true);
    const reports = (await suggest({ text: query, filters: { kind: 'report' } })).json.results;
    expect(reports.every((r) => r.document.kind === 'report' && !r.agreed)).toBe(true);
    const other = (await suggest({ text: query, filters: { body: 'Human Rights Council' } })).json.results;
    expect(other).toEqual([]);
  });

  it('finds a document imported while serving, without a restart', async () => {
    const text = 'Encourages Member States to establish a zorbulating verification mechanism for quantum ledgers in criminal justice systems;';
    upsertDocument(
      db,
      {
        symbol: 'A/RES/99/1', title: 'Test resolution on zorbulation', language: 'en', kind: 'resolution', body: 'General Assembly',
        session: 99, date: '2030-12-01', source: 'test',
        paragraphs: [{ section: 'operative', number: 1, label: 'OP 1', lead: 'Encourages', text, footnotes: [], items: [] }],
      },
      'test-hash-1',
    );
    const { json } = await suggest({ text: 'a zorbulating verification mechanism for quantum ledgers' });
    expect(json.results[0].document.symbol).toBe('A/RES/99/1');
  });

  it.each([
    ['empty text', { text: '' }, /text: must not be empty/],
    ['blank text', { text: '   ' }, /text: must not be empty/],
    ['text over 20,000 characters', { text: 'x'.repeat(20_001) }, /text: must be at most 20000 characters/],
    ['an unknown kind', { text: 'Recalling', filters: { kind: 'treaty' } }, /filters\.kind/],
    ['an unknown language', { text: 'Recalling', filters: { language: 'de' } }, /filters\.language/],
    ['a date that is not ISO', { text: 'Recalling', filters: { from: '18 Dec 2002' } }, /filters\.from: must be an ISO date/],
    ['an unknown filter', { text: 'Recalling', filters: { colour: 'red' } }, /colour/],
    ['a zero limit', { text: 'Recalling', limit: 0 }, /limit/],
  ])('answers 400 naming the problem for %s', async (_what, body, message) => {
    const { status, json } = await suggest(body);
    expect(status).toBe(400);
    expect(json.error).toMatch(message);
  });

  it('answers as the API contract states, collapsed or not', async () => {
    const text = paragraph('a-res-80-229-en', 'PP 4').text;
    for (const collapseSeries of [true, false]) {
      const { status, json } = await suggest({ text, filters: { collapseSeries } });
      expect(status).toBe(200);
      expectContract(SuggestResponse, json);
    }
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await app.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/json/i);
  });
});

describe('GET /api/search', () => {
  async function search(query: string): Promise<{ status: number; json: SearchResponse & { error?: string } }> {
    const res = await app.request(`/api/search?${query}`);
    return { status: res.status, json: (await res.json()) as SearchResponse & { error?: string } };
  }

  it('finds an exact phrase despite width and spacing, with match offsets', async () => {
    const { status, json } = await search(`q=${encodeURIComponent('technical  cooperation   capacity')}&phrase=1&language=en`);
    expect(status).toBe(200);
    expect(json.total).toBeGreaterThanOrEqual(5);
    for (const r of json.results) {
      const [s, e] = r.matches[0];
      expect(r.paragraph.text.slice(s, e).replace(/\s+/g, ' ').toLowerCase()).toBe('technical cooperation capacity');
    }
  });

  it('answers as the API contract states, in phrase and keyword mode', async () => {
    for (const query of [`q=${encodeURIComponent('technical cooperation')}&phrase=1`, `q=${encodeURIComponent('technical cooperation')}&page=2`]) {
      const { status, json } = await search(query);
      expect(status).toBe(200);
      expectContract(SearchResponse, json, query);
    }
  });

  it('finds a Chinese phrase and pages through the total', async () => {
    const first = (await search(`q=${encodeURIComponent('预防犯罪和刑事司法')}&phrase=1&language=zh`)).json;
    expect(first.total).toBeGreaterThan(first.pageSize);
    expect(first.results).toHaveLength(first.pageSize);
    const second = (await search(`q=${encodeURIComponent('预防犯罪和刑事司法')}&phrase=1&language=zh&page=2`)).json;
    expect(second.results[0].paragraph.id).not.toBe(first.results[0].paragraph.id);
  });

  it('ranks keyword results without phrase mode', async () => {
    const { json } = await search('q=cybercrime+convention&language=en&kind=resolution');
    expect(json.total).toBeGreaterThan(0);
    expect(json.results[0].paragraph.text.toLowerCase()).toMatch(/cybercrime/);
  });

  it('answers 400 for an empty query or an unknown kind', async () => {
    expect((await search('q=')).json.error).toMatch(/q: must not be empty/);
    expect((await search('q=x&kind=treaty')).status).toBe(400);
  });
});
