// The typed API client: Hono's `hc` over the server's own route types, so
// every request and response shape comes from the server modules.
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { ApiType } from '../server/api/app.js';

export const api = hc<ApiType>(`${globalThis.location?.origin ?? 'http://localhost'}/api`);

/** A non-2xx answer: status, the server's message, and its JSON body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

type Body<R> = R extends ClientResponse<infer T, infer _S, infer _F> ? T : never;
/** The body of a successful answer: every declared body except the `{ error }` ones. */
export type OkBody<R> = Exclude<Body<R>, { error: string }>;

/** Awaits a client call, returns the JSON of a 2xx answer, throws ApiFailure otherwise. */
export async function ok<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<OkBody<R>> {
  const res = await call;
  if (res.ok) return (await res.json()) as OkBody<R>;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const message = (body as { error?: string } | null)?.error ?? `HTTP ${res.status}`;
  throw new ApiFailure(res.status, message, body);
}

/** True when the error means the server could not be reached (not that it refused). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof ApiFailure && (e.status === 502 || e.status === 503 || e.status === 504));
}

export type DraftT = InferResponseType<(typeof api.drafts)[':id']['$get'], 200>;
export type DraftParagraphT = DraftT['paragraphs'][number];
export type DraftListT = InferResponseType<typeof api.drafts.$get, 200>;
export type DraftSummaryT = DraftListT['drafts'][number];
export type DocumentListT = InferResponseType<typeof api.documents.$get, 200>;
export type DocumentSummaryT = DocumentListT['documents'][number];
export type DocumentT = InferResponseType<(typeof api.documents)[':id']['$get'], 200>;
export type DocParagraphT = DocumentT['paragraphs'][number];

// Suggestions and phrase search: typed by the search engine's own response
// types until their routes join ApiType (then these become `api.suggest.$post`).
import type { SuggestRequest, SuggestResponse } from '../server/search/suggest.js';
import type { SearchResponse } from '../server/search/phrase.js';
import type { DiffResponse } from '../server/compare/align.js';
export type { SuggestResult, SuggestFilters } from '../server/search/suggest.js';
export type { SearchHit } from '../server/search/phrase.js';
export type { DiffResponse, DiffPair } from '../server/compare/align.js';

async function json<T>(input: string, init?: RequestInit): Promise<T> {
  const res = await fetch(input, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiFailure(res.status, (body as { error?: string } | null)?.error ?? `HTTP ${res.status}`, body);
  return body as T;
}

export const postSuggest = (req: SuggestRequest, signal?: AbortSignal) =>
  json<SuggestResponse>('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req), signal });

export const getSearch = (params: Record<string, string>, signal?: AbortSignal) =>
  json<SearchResponse>(`/api/search?${new URLSearchParams(params)}`, { signal });

export const getDiff = (from: string, to: string, signal?: AbortSignal) =>
  json<DiffResponse>(`/api/diff?${new URLSearchParams({ from, to })}`, { signal });

// Series and lineage (the compare engine's routes): plain fetch until they join ApiType.
export interface SeriesListT {
  series: { id: string; title: string; language: string; documents: { id: string; symbol: string | null; date: string | null }[] }[];
}
export const getSeries = (language: string, signal?: AbortSignal) =>
  json<SeriesListT>(`/api/series?${new URLSearchParams(language ? { language } : {})}`, { signal });
export const getLineage = (id: string, signal?: AbortSignal) => json<unknown>(`/api/paragraphs/${encodeURIComponent(id)}/lineage`, { signal });
