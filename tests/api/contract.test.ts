// The API contract holds: every JSON answer of every route, over the real app
// and the bundled corpus, parses with the contract's schema for it, and the
// parse drops nothing (a field the contract does not state would be stripped
// and fail the comparison).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../../server/api/app.js';
import { buildContext } from '../../server/api/context.js';
import * as contract from '../../server/api/contract.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  db = openCorpusCopy().db;
  app = createApp(buildContext(db));
});
afterAll(() => db.close());

/** Calls the app, checks the status, and returns the body as the schema reads it, having checked it is all of it. */
async function answer<S extends z.ZodType>(schema: S, status: number, path: string, init?: { method: string; json?: unknown }): Promise<z.infer<S>> {
  const res = await app.request(path, {
    method: init?.method ?? 'GET',
    ...(init?.json === undefined ? {} : { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } }),
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${path}: ${JSON.stringify(parsed.error.issues).slice(0, 1000)}`);
  expect(parsed.data).toEqual(body);
  return parsed.data;
}

describe('the corpus routes answer as the contract says', () => {
  it('health, documents, one document', async () => {
    await answer(contract.HealthResponse, 200, '/api/health');
    const list = await answer(contract.DocumentsResponse, 200, '/api/documents?language=zh');
    expect(list.documents.length).toBeGreaterThan(0);
    await answer(contract.DocumentResponse, 200, '/api/documents/a-res-57-173-zh');
    await answer(contract.DocumentResponse, 200, '/api/documents/a-res-80-229-en');
  });

  it('series, one series, a diff, a lineage', async () => {
    const list = await answer(contract.SeriesListResponse, 200, '/api/series?language=zh');
    const series = list.series.find((s) => s.documents.some((d) => d.symbol === 'A/RES/80/229'))!;
    await answer(contract.SeriesResponse, 200, `/api/series/${series.id}`);
    await answer(contract.DiffResponse, 200, '/api/diff?from=a-res-78-229-en&to=a-res-80-229-en');
    await answer(contract.LineageResponse, 200, '/api/paragraphs/a-res-80-229-zh.op32/lineage');
  });

  it('suggestions and search', async () => {
    const text = 'Urges Member States to strengthen international cooperation in criminal matters';
    await answer(contract.SuggestResponse, 200, '/api/suggest', { method: 'POST', json: { text } });
    await answer(contract.SuggestResponse, 200, '/api/suggest', { method: 'POST', json: { text, filters: { collapseSeries: false } } });
    await answer(contract.SearchResponse, 200, `/api/search?phrase=1&q=${encodeURIComponent('international cooperation')}`);
    await answer(contract.SearchResponse, 200, `/api/search?q=${encodeURIComponent('international cooperation')}&page=2`);
  }, 180_000); // the first suggestion loads the language's index

  it('errors: 400, 404', async () => {
    await answer(contract.ErrorBody, 400, '/api/search?q=');
    await answer(contract.ErrorBody, 404, '/api/documents/no-such-document');
    await answer(contract.ErrorBody, 404, '/api/no-such-route');
  });
});

describe('the draft routes answer as the contract says', () => {
  it('create, list, read, save, conflict, duplicate, diff, delete, import', async () => {
    const draft = await answer(contract.Draft, 201, '/api/drafts', { method: 'POST', json: { base: 'a-res-78-229-en' } });
    const list = await answer(contract.DraftListResponse, 200, '/api/drafts');
    expect(list.drafts.map((d) => d.id)).toContain(draft.id);
    await answer(contract.Draft, 200, `/api/drafts/${draft.id}`);
    const saved = await answer(contract.Draft, 200, `/api/drafts/${draft.id}`, { method: 'PUT', json: { version: draft.version, title: 'Renamed' } });
    await answer(contract.DraftConflict, 409, `/api/drafts/${draft.id}`, { method: 'PUT', json: { version: draft.version, title: 'Stale' } });
    const copy = await answer(contract.Draft, 201, `/api/drafts/${saved.id}/duplicate`, { method: 'POST', json: {} });
    await answer(contract.DiffResponse, 200, `/api/drafts/${draft.id}/diff`);
    await answer(contract.DeleteDraftResponse, 200, `/api/drafts/${copy.id}`, { method: 'DELETE' });
    const imported = await answer(contract.ImportResult, 201, '/api/drafts/import', {
      method: 'POST',
      json: { text: 'The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.', language: 'en' },
    });
    await answer(contract.DeleteDraftResponse, 200, `/api/drafts/${imported.draft.id}`, { method: 'DELETE' });
    await answer(contract.DeleteDraftResponse, 200, `/api/drafts/${draft.id}`, { method: 'DELETE' });
  });
});
