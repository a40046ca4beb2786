// The corpus API over the real bundled corpus: health, listing with filters, one
// document with its paragraphs, and clear errors for what does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp, type Client } from '../helpers/api.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let app: Client;

beforeAll(async () => {
  db = openCorpusCopy().db;
  app = await signedInApp(db);
});
afterAll(() => db.close());

type Doc = { symbol: string | null; kind: string };
type Para = { section: string; text: string; footnotes: { text: string }[] };
type Failure = { error: string };

async function get<T = Failure>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

describe('GET /api/health', () => {
  it('counts the bundled documents and paragraphs', async () => {
    const { status, body } = await get<{ ok: boolean; documents: number; paragraphs: number }>('/api/health');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.documents).toBeGreaterThanOrEqual(5);
    expect(body.paragraphs).toBeGreaterThan(body.documents);
  });
});

describe('GET /api/documents', () => {
  it('lists the seed resolutions with their paragraph counts', async () => {
    const { body } = await get<{ documents: Doc[] }>('/api/documents?language=zh&q=57/173');
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({
      id: 'a-res-57-173-zh',
      symbol: 'A/RES/57/173',
      language: 'zh',
      kind: 'resolution',
      body: 'General Assembly',
      date: '2002-12-18',
      counts: { preamble: 19, operative: 20, other: 0 },
    });
  });

  it('filters by kind: the two seed reports, which state no symbol', async () => {
    const { body } = await get<{ documents: Doc[] }>('/api/documents?kind=report');
    expect(body.documents.length).toBeGreaterThanOrEqual(2);
    for (const d of body.documents) expect(d.kind).toBe('report');
    expect(body.documents.filter((d) => d.symbol === null).length).toBeGreaterThanOrEqual(2);
  });

  it('pages through the filtered documents: a page, where it starts, and how many there are in all', async () => {
    type Page = { documents: { id: string; language: string }[]; total: number; offset: number; limit: number };
    const all = await get<Page>('/api/documents?language=en&limit=500');
    expect(all.body.total).toBeGreaterThan(100);
    // Without a limit, one page of 100, newest first.
    const first = await get<Page>('/api/documents?language=en');
    expect(first.body).toMatchObject({ total: all.body.total, offset: 0, limit: 100 });
    expect(first.body.documents.map((d) => d.id)).toEqual(all.body.documents.slice(0, 100).map((d) => d.id));
    const second = await get<Page>('/api/documents?language=en&limit=40&offset=40');
    expect(second.body).toMatchObject({ total: all.body.total, offset: 40, limit: 40 });
    expect(second.body.documents.map((d) => d.id)).toEqual(all.body.documents.slice(40, 80).map((d) => d.id));
    for (const d of second.body.documents) expect(d.language).toBe('en');
    // Past the end: no rows, the same total.
    const past = await get<Page>(`/api/documents?language=en&offset=${all.body.total}`);
    expect(past.body).toMatchObject({ documents: [], total: all.body.total });
    // The whole corpus holds more than one page can.
    const everything = await get<Page>('/api/documents?limit=1');
    expect(everything.body.total).toBeGreaterThan(all.body.total);
  });

  it('rejects a limit or offset out of range with a message naming it', async () => {
    for (const [query, field] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=ten', 'limit'], ['offset=-1', 'offset']]) {
      const { status, body } = await get(`/api/documents?${query}`);
      expect(status, query).toBe(400);
      expect(body.error, query).toContain(field);
    }
  });

  it('rejects an unknown language or kind with a message naming it', async () => {
    const lang = await get('/api/documents?language=xx');
    expect(lang.status).toBe(400);
    expect(lang.body.error).toMatch(/language/);
    const kind = await get('/api/documents?kind=treaty');
    expect(kind.status).toBe(400);
    expect(kind.body.error).toMatch(/kind/);
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the document and its paragraphs with labels, leads and footnotes apart', async () => {
    const { status, body } = await get<{ document: Doc; paragraphs: Para[] }>('/api/documents/a-res-69-197-zh');
    expect(status).toBe(200);
    expect(body.document.symbol).toBe('A/RES/69/197');
    const pps = body.paragraphs.filter((p) => p.section === 'preamble');
    const ops = body.paragraphs.filter((p) => p.section === 'operative');
    expect(pps).toHaveLength(52);
    expect(ops).toHaveLength(53);
    expect(ops[27]).toMatchObject({ label: 'OP 28', number: 28 });
    const withNotes = body.paragraphs.filter((p) => p.footnotes.length > 0);
    expect(withNotes.length).toBeGreaterThan(0);
    for (const p of withNotes) for (const f of p.footnotes) expect(p.text).not.toContain(f.text);
  });

  it('answers 404 with the id it could not find', async () => {
    const { status, body } = await get('/api/documents/a-res-99-999-zh');
    expect(status).toBe(404);
    expect(body.error).toContain('a-res-99-999-zh');
  });
});

describe('unknown API routes', () => {
  it('answer 404 in JSON', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error).toMatch(/nothing-here/);
  });
});
