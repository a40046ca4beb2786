// A paragraph's translations through the real API over the bundled corpus: the
// same paragraph in the other language versions of its resolution, and the
// second-language precedents a Chinese drafter sees beside the Chinese ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, SuggestResponse, TranslationsResponse } from '../../server/api/contract.js';
import { getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { searchingApp, type Client } from '../helpers/api.js';
import { expectContract } from '../helpers/contract.js';

let db: Db;
let app: Client;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, client: app, close } = await searchingApp());
}, 300_000);
afterAll(() => close());

async function translations(id: string, status = 200) {
  const res = await app.request(`/api/paragraphs/${encodeURIComponent(id)}/translations`);
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  return body;
}

describe('GET /api/paragraphs/:id/translations', () => {
  it('gives OP 8 of A/RES/80/229 in the five other languages, paired by eId', async () => {
    const body = expectContract(TranslationsResponse, await translations('a-res-80-229-zh.op8'));
    expect(body.paragraph).toMatchObject({ id: 'a-res-80-229-zh.op8', language: 'zh', label: 'OP 8' });
    expect(body.paragraph.text).toMatch(/^鼓励/);
    const byLanguage = Object.fromEntries(body.translations.map((t) => [t.language, t]));
    expect(Object.keys(byLanguage).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru']);
    for (const t of body.translations) {
      expect(t.paragraph.label).toBe('OP 8');
      expect(t.document.symbol).toBe('A/RES/80/229');
      expect(t.inferred).toBeUndefined();
    }
    expect(byLanguage.en.paragraph.text).toMatch(/^Encourages States Parties to the United Nations Convention against Transnational Organized Crime/);
    expect(byLanguage.en.paragraph.lead).toBe('Encourages');
    expect(byLanguage.fr.paragraph.text).toMatch(/^Encourage les États parties/i);
  });

  it('gives a preambular paragraph of the English text in Chinese', async () => {
    const body = expectContract(TranslationsResponse, await translations('a-res-78-229-en.pp5'));
    const zh = body.translations.find((t) => t.language === 'zh')!;
    expect(zh.paragraph.id).toBe('a-res-78-229-zh.pp5');
    expect(zh.paragraph.label).toBe('PP 5');
  });

  it('pairs by text where the Chinese and English files of A/RES/75/239 number their eIds differently, and says so', async () => {
    const body = expectContract(TranslationsResponse, await translations('a-res-75-239-zh.op84'));
    const en = body.translations.find((t) => t.language === 'en')!;
    // The shared eId would give OP 78 (on attendance at meetings); the text is OP 84 on charts of the continental shelf.
    expect(en.paragraph.label).toBe('OP 84');
    expect(en.paragraph.text).toMatch(/^Calls upon coastal States that have not yet done so to deposit a copy of charts/);
    expect(en.inferred).toBe(true);
  });

  it('answers an empty list for a seed no other language version of which is in the corpus', async () => {
    const body = expectContract(TranslationsResponse, await translations('a-res-57-173-zh.op8'));
    expect(body.paragraph.label).toBe('OP 8');
    expect(body.translations).toEqual([]);
  });

  it('answers 404 naming an unknown paragraph', async () => {
    const body = expectContract(ErrorBody, await translations('a-res-80-229-zh.op999', 404));
    expect(body.error).toContain('a-res-80-229-zh.op999');
  });
});

describe('POST /api/suggest with a second language', () => {
  async function suggest(body: unknown) {
    const res = await app.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json: unknown = await res.json();
    expect(res.status, JSON.stringify(json).slice(0, 300)).toBe(200);
    return expectContract(SuggestResponse, json);
  }

  it('gives each Chinese precedent its English text, through the eId mapping', async () => {
    const own = 'a-res-80-229-zh';
    const query = getParagraphs(db, own).find((p) => p.label === 'PP 4')!.text;
    const body = await suggest({ text: query, also: 'en', filters: { excludeDocuments: [own] } });
    const top = body.results[0];
    expect(top.document.symbol).toBe('A/RES/78/229');
    expect(top.translation).toMatchObject({ language: 'en', document: { id: 'a-res-78-229-en', symbol: 'A/RES/78/229' } });
    expect(top.translation!.paragraph.label).toBe(top.paragraph.label);
    const english = getParagraphs(db, 'a-res-78-229-en').find((p) => p.label === top.paragraph.label)!;
    expect(top.translation!.paragraph.text).toBe(english.text);
    // A seed without an English version keeps no translation, and the answer stays valid.
    for (const r of body.results) if (r.document.symbol === 'A/RES/57/173') expect(r.translation).toBeUndefined();
  });

  it('leaves results as they were without `also`, and refuses an unknown language', async () => {
    const body = await suggest({ text: 'Encourages States Parties to the United Nations Convention against Transnational Organized Crime', language: 'en' });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.translation === undefined)).toBe(true);
    const res = await app.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Urges', also: 'de' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error).toMatch(/also/);
  });
});
