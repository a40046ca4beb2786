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

// Suggestions, phrase search, diffs, series and lineage, through the same typed client.
import type { SuggestRequest } from '../server/search/suggest.js';
export type { SuggestResult, SuggestFilters } from '../server/search/suggest.js';
export type { SearchHit } from '../server/search/phrase.js';
export type { DiffResponse, DiffPair } from '../server/compare/diff.js';
export type { LineageResponse, LineageStep } from '../server/compare/lineage.js';

export const postSuggest = (req: SuggestRequest, signal?: AbortSignal) => ok(api.suggest.$post({ json: req }, { init: { signal } }));

export type SearchQuery = Parameters<typeof api.search.$get>[0]['query'];
export const getSearch = (query: SearchQuery, signal?: AbortSignal) => ok(api.search.$get({ query }, { init: { signal } }));

export const getDiff = (from: string, to: string, signal?: AbortSignal) => ok(api.diff.$get({ query: { from, to } }, { init: { signal } }));

export const getSeries = (language: string, signal?: AbortSignal) =>
  ok(api.series.$get({ query: { language: (language || undefined) as 'zh' | undefined } }, { init: { signal } }));
export type SeriesListT = Awaited<ReturnType<typeof getSeries>>;

export const getLineage = (id: string, signal?: AbortSignal) => ok(api.paragraphs[':id'].lineage.$get({ param: { id } }, { init: { signal } }));

// Word in, Word out: download URLs for the .docx exports (plain links, the
// browser saves the file under the server's name), and the import.
const href = (u: URL) => `${u.pathname}${u.search}`;
/** A draft as .docx: tracked against its base by default, against `against`, or clean with `plain`. */
export const draftDocxUrl = (id: string, options: { against?: string; plain?: boolean } = {}) =>
  href(api.drafts[':id']['export.docx'].$url({ param: { id }, query: options.plain ? { plain: '1' } : { against: options.against } }));
export const documentDocxUrl = (id: string) => href(api.documents[':id']['export.docx'].$url({ param: { id } }));
/** `to`, with every change from `from` as a Word tracked change. */
export const diffDocxUrl = (from: string, to: string) => href(api.diff['export.docx'].$url({ query: { from, to } }));

export type ImportQuery = NonNullable<Parameters<typeof api.drafts.import.$post>[0]>['query'];
export type ImportResultT = InferResponseType<typeof api.drafts.import.$post, 201>;
export type Language = DraftT['language'];

/** A .docx (multipart "file") or pasted text becomes a new draft: 201 with the draft, or ApiFailure with the server's message. */
export function importDraft(input: { file: File; changes: 'accept' | 'reject' } | { text: string; language: Language }): Promise<ImportResultT> {
  if ('file' in input) {
    const form = new FormData();
    form.append('file', input.file);
    // `init` overrides the request the client builds: the body is the form, and fetch sets its multipart boundary.
    return ok(api.drafts.import.$post({ query: { changes: input.changes } }, { init: { body: form } }));
  }
  return ok(
    api.drafts.import.$post({ query: {} }, { init: { body: JSON.stringify({ text: input.text, language: input.language }), headers: { 'content-type': 'application/json' } } }),
  );
}
