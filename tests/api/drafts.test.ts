// The drafts API over a real copy of the bundled corpus, through the real Hono
// app: lifecycle, rollover, optimistic versioning (409), and input validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp, type Client } from '../helpers/api.js';
import { getParagraphs, listDocuments } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import type { Draft } from '../../server/drafts/model.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let app: Client;

beforeAll(async () => {
  db = openCorpusCopy().db;
  app = await signedInApp(db);
});
afterAll(() => db.close());

const json = (method: string, body: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function create(body: unknown): Promise<Draft> {
  const res = await app.request('/api/drafts', json('POST', body));
  expect(res.status).toBe(201);
  return (await res.json()) as Draft;
}

/** A resolution with both a preamble and an operative part. */
function someResolution() {
  const doc = listDocuments(db, { kind: 'resolution' }).find((d) => d.counts.preamble > 0 && d.counts.operative > 0);
  if (!doc) throw new Error('no resolution in the corpus');
  return doc;
}

describe('drafts API', () => {
  it('creates, lists, reads, renames and deletes a draft', async () => {
    const draft = await create({ title: 'Test draft', language: 'en' });
    expect(draft).toMatchObject({ title: 'Test draft', language: 'en', version: 1, paragraphs: [], baseDocumentId: null });
    expect(draft.id).toMatch(/^[a-z0-9]+$/);

    const list = (await (await app.request('/api/drafts')).json()) as { drafts: { id: string }[] };
    expect(list.drafts.map((d) => d.id)).toContain(draft.id);

    const got = await app.request(`/api/drafts/${draft.id}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as Draft).title).toBe('Test draft');

    const renamed = await app.request(`/api/drafts/${draft.id}`, json('PUT', { version: 1, title: 'Renamed' }));
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ title: 'Renamed', version: 2 });

    expect((await app.request(`/api/drafts/${draft.id}`, { method: 'DELETE' })).status).toBe(200);
    const gone = await app.request(`/api/drafts/${draft.id}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: string }).error).toContain(draft.id);
  });

  it('saves paragraphs and duplicates a draft with them', async () => {
    const draft = await create({ title: 'With text', language: 'zh' });
    const paragraphs = [
      { id: 'a', section: 'operative', text: '请秘书长报告本决议的执行情况；' },
      { id: 'b', section: 'preamble', text: '回顾其以往的有关决议，' },
    ];
    const res = await app.request(`/api/drafts/${draft.id}`, json('PUT', { version: 1, paragraphs }));
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Draft;
    // Stored with the preamble first, ids kept.
    expect(saved.paragraphs.map((p) => p.id)).toEqual(['b', 'a']);

    const dup = await app.request(`/api/drafts/${draft.id}/duplicate`, json('POST', {}));
    expect(dup.status).toBe(201);
    const copy = (await dup.json()) as Draft;
    expect(copy.id).not.toBe(draft.id);
    expect(copy.title).toBe('With text (copy)');
    expect(copy.paragraphs.map((p) => p.text)).toEqual(saved.paragraphs.map((p) => p.text));
  });

  it('rolls a document over: the draft starts as the base paragraphs, citing them', async () => {
    const doc = someResolution();
    const draft = await create({ title: '', base: doc.id });
    const base = getParagraphs(db, doc.id).filter((p) => p.section === 'preamble' || p.section === 'operative');
    expect(draft.baseDocumentId).toBe(doc.id);
    expect(draft.language).toBe(doc.language);
    expect(draft.title).toBe(doc.title);
    expect(draft.paragraphs.map((p) => [p.section, p.text])).toEqual(base.map((p) => [p.section, p.text]));
    expect(draft.paragraphs[0].source).toEqual({
      paragraphId: base[0].id,
      documentId: doc.id,
      citation: `${doc.symbol ?? doc.title}, ${base[0].label}`,
      text: base[0].text,
    });
    // The drafts list names the base as a delegate cites it, without the client fetching it.
    const list = (await (await app.request('/api/drafts')).json()) as { drafts: { id: string; baseName: string | null }[] };
    expect(list.drafts.find((d) => d.id === draft.id)?.baseName).toBe(doc.symbol ?? doc.title);
  });

  it('lists drafts a page at a time, most recently saved first, with their paragraph counts and a total', async () => {
    type Page = { drafts: { id: string; title: string; counts: { preamble: number; operative: number } }[]; total: number; offset: number; limit: number };
    const list = async (query = '') => (await (await app.request(`/api/drafts${query}`)).json()) as Page;
    const made: Draft[] = [];
    for (let i = 0; i < 5; i++) made.push(await create({ title: `Paged ${i}`, language: 'en' }));
    const saved = await app.request(`/api/drafts/${made[0].id}`, json('PUT', {
      version: 1,
      paragraphs: [
        { id: 'p', section: 'preamble', text: 'Recalling its resolutions,' },
        { id: 'o1', section: 'operative', text: 'Decides to act;' },
        { id: 'o2', section: 'operative', text: 'Decides to remain seized of the matter.' },
      ],
    }));
    expect(saved.status).toBe(200);
    const all = await list('?limit=200');
    expect(all.total).toBe(all.drafts.length);
    // The one just saved comes first, counted without the client reading its paragraphs.
    expect(all.drafts[0]).toMatchObject({ id: made[0].id, counts: { preamble: 1, operative: 2 } });
    const first = await list('?limit=2');
    expect(first).toMatchObject({ total: all.total, offset: 0, limit: 2 });
    expect(first.drafts.map((d) => d.id)).toEqual(all.drafts.slice(0, 2).map((d) => d.id));
    const next = await list('?limit=2&offset=2');
    expect(next.drafts.map((d) => d.id)).toEqual(all.drafts.slice(2, 4).map((d) => d.id));
    expect(await list()).toMatchObject({ limit: 50, offset: 0, total: all.total });
    const bad = await app.request('/api/drafts?limit=1000');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('limit');
  });

  it('refuses a stale write with 409 and the current draft', async () => {
    const draft = await create({ title: 'Race', language: 'en' });
    const first = await app.request(`/api/drafts/${draft.id}`, json('PUT', { version: 1, paragraphs: [{ id: 'x', section: 'operative', text: 'Mine' }] }));
    expect(first.status).toBe(200);
    const stale = await app.request(`/api/drafts/${draft.id}`, json('PUT', { version: 1, paragraphs: [{ id: 'x', section: 'operative', text: 'Theirs' }] }));
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string; current: Draft };
    expect(body.error).toMatch(/version 2/);
    expect(body.current.version).toBe(2);
    expect(body.current.paragraphs[0].text).toBe('Mine');
  });

  it('answers bad input with 400 naming the field', async () => {
    const draft = await create({ title: 'Limits', language: 'en' });
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/api/drafts', '{"title": "x", ', /json/i],
      ['POST', '/api/drafts', { title: 'x' }, /language/],
      ['POST', '/api/drafts', { title: 'x', language: 'xx' }, /language/],
      ['POST', '/api/drafts', { title: 42, language: 'en' }, /title/],
      ['POST', '/api/drafts', { base: 'no-such-doc' }, /base.*no-such-doc/],
      ['PUT', `/api/drafts/${draft.id}`, { title: 'no version' }, /version/],
      ['PUT', `/api/drafts/${draft.id}`, { version: '1' }, /version/],
      ['PUT', `/api/drafts/${draft.id}`, { version: 1, paragraphs: [{ id: 'a', section: 'annex', text: '' }] }, /paragraphs\.0\.section/],
      ['PUT', `/api/drafts/${draft.id}`, { version: 1, paragraphs: [{ id: 'a', section: 'operative', text: 'x'.repeat(20_001) }] }, /paragraphs\.0\.text.*20000/],
      ['PUT', `/api/drafts/${draft.id}`, { version: 1, paragraphs: Array.from({ length: 501 }, (_, i) => ({ id: `p${i}`, section: 'operative', text: 'x' })) }, /paragraphs.*500/],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await app.request(path, json(method, body));
      expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    // Nothing was written by the refused requests.
    const after = (await (await app.request(`/api/drafts/${draft.id}`)).json()) as Draft;
    expect(after.version).toBe(1);
  });

  it('re-anchors footnotes when a save changes the text and keeps them; a client that moves them itself is believed', async () => {
    const text = 'Recalling the Convention and the Protocols thereto, and the Declaration,';
    const notes = [
      { marker: '1', text: 'Resolution 55/25.', offset: text.indexOf(' and the Protocols') },
      { marker: '2', text: 'Resolution 55/2.', offset: text.length - 1 },
    ];
    const draft = await create({ title: 'Notes', language: 'en', paragraphs: [{ id: 'a', section: 'preamble', text, footnotes: notes }] });
    const edited = text.replace('Recalling the', 'Recalling also the United Nations');
    const put = async (version: number, p: unknown) => {
      const res = await app.request(`/api/drafts/${draft.id}`, json('PUT', { version, paragraphs: [p] }));
      expect(res.status).toBe(200);
      return ((await res.json()) as Draft).paragraphs[0];
    };
    const at = (p: { text: string; footnotes?: Array<{ offset: number }> }) => (p.footnotes ?? []).map((f) => p.text.slice(f.offset - 11, f.offset));
    // Footnotes sent back as stored: they follow "Convention" and "Declaration".
    const kept = await put(1, { id: 'a', section: 'preamble', text: edited, footnotes: notes });
    expect(at(kept)).toEqual([' Convention', 'Declaration']);
    // Footnotes left out of the save: kept, and re-anchored too.
    const left = await put(2, { id: 'a', section: 'preamble', text: `Further ${kept.text}` });
    expect(at(left)).toEqual([' Convention', 'Declaration']);
    // A client that moved a footnote itself (the editor): its offsets stand.
    const mine = [{ ...left.footnotes![0], offset: left.text.length }];
    const moved = await put(3, { id: 'a', section: 'preamble', text: `${left.text} `, footnotes: mine });
    expect(moved.footnotes).toEqual(mine);
  });

  it('404s on unknown drafts for every verb', async () => {
    expect((await app.request('/api/drafts/nope')).status).toBe(404);
    expect((await app.request('/api/drafts/nope', json('PUT', { version: 1 }))).status).toBe(404);
    expect((await app.request('/api/drafts/nope', { method: 'DELETE' })).status).toBe(404);
    expect((await app.request('/api/drafts/nope/duplicate', json('POST', {}))).status).toBe(404);
  });
});
