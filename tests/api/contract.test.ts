// The API contract holds: every JSON answer of the corpus, comparison and
// draft routes, over the real app and the bundled corpus, is exactly what the
// contract's schema for it states (suggest and search: suggest.test.ts, which
// has the index loaded).
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../../server/api/app.js';
import * as contract from '../../server/api/contract.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import { expectContract } from '../helpers/contract.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const { db } = openCorpusCopy();
afterAll(() => db.close());
// Lazy search: these routes never touch the index, so it is never built.
const app = createApp({ db, search: SearchWorker.lazy({ dbFile: db.name }) });

/** Calls the app, checks the status and the body against the schema, and returns the body. */
async function answer<S extends z.ZodType>(schema: S, status: number, path: string, init?: { method: string; json?: unknown }): Promise<z.infer<S>> {
  const res = await app.request(path, {
    method: init?.method ?? 'GET',
    ...(init?.json === undefined ? {} : { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } }),
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  return expectContract(schema, body, path);
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
