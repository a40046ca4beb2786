// The typed API client: plain fetch, one function per route, every request and
// response type taken from the API contract (server/api/contract.ts) by
// z.infer. The import is type-only: no server code reaches the browser, and
// the contract is the only server module the web's type program reads.
import type {
  AgreedLanguageResponse,
  ParagraphStatusResponse,
  Proposal,
  ProposalActionResponse,
  ProposalBody,
  ProposalsResponse,
  AuditResponse,
  CreateDraftBody,
  CreateUserBody,
  DelegationsResponse,
  DraftShare,
  OkResponse,
  SetupBody,
  SetupStatus,
  ShareBody,
  SharesResponse,
  User,
  UserResponse,
  UsersResponse,
  VersionResponse,
  VersionsResponse,
  DeleteDraftResponse,
  DiffResponse,
  DocParagraph,
  DocumentResponse,
  DocumentsQuery,
  DocumentsResponse,
  DocumentSummary,
  Draft,
  DraftListQuery,
  DraftListResponse,
  DraftParagraph,
  DraftSummary,
  DuplicateDraftBody,
  ErrorBody,
  ImportQuery,
  ImportResult,
  ImportTextBody,
  LineageResponse,
  SearchQuery,
  SearchResponse,
  SeriesListResponse,
  SuggestRequest,
  SuggestResponse,
  TranslationsResponse,
  UpdateDraftBody,
} from '../server/api/contract.js';
import { isLanguage } from '../core/languages/index.js';
import { isDocumentKind, type DocumentKind, type Language } from '../core/model.js';

export type {
  CreateDraftBody,
  DiffPair,
  DiffResponse,
  ImportQuery,
  LineageResponse,
  LineageStep,
  SearchHit,
  SearchQuery,
  SuggestFilters,
  SuggestRequest,
  SuggestResult,
  ParagraphTranslation,
  TranslationsResponse,
} from '../server/api/contract.js';
export type { Language };

export type UserT = User;
export type DraftShareT = DraftShare;
export type VersionInfoT = VersionsResponse['versions'][number];
export type AuditEntryT = AuditResponse['entries'][number];
export type DraftT = Draft;
export type ProposalT = Proposal;
export type ProposalsT = ProposalsResponse;
export type ProposalBodyT = ProposalBody;
export type ParagraphStatusT = ParagraphStatusResponse['status'];
export type ProposalActionT = 'support' | 'object' | 'accept' | 'reject' | 'bracket' | 'withdraw';
export type AgreedLanguageT = AgreedLanguageResponse;
export type DraftParagraphT = DraftParagraph;
export type DraftListT = DraftListResponse;
export type DraftSummaryT = DraftSummary;
export type DocumentListT = DocumentsResponse;
export type DocumentSummaryT = DocumentSummary;
export type DocumentT = DocumentResponse;
export type DocParagraphT = DocParagraph;
export type SeriesListT = SeriesListResponse;
export type ImportResultT = ImportResult;

const BASE = `${globalThis.location?.origin ?? 'http://localhost'}/api`;

/** A non-2xx answer: status, the server's message, and its JSON body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
    /** Seconds the server asked to wait before trying again (Retry-After of a 503), when it said. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string';
}

/** Fired on window when the server answers 401: the session ended (signed out elsewhere, expired); the app shows the sign-in page. */
export const SIGNED_OUT_EVENT = 'precedent:signed-out';

/** Awaits a request, returns the JSON of a 2xx answer (typed by the caller's route), throws ApiFailure otherwise. */
export async function ok<T>(call: Promise<Response>): Promise<T> {
  const res = await call;
  if (res.ok) return res.json();
  if (res.status === 401) globalThis.dispatchEvent?.(new Event(SIGNED_OUT_EVENT));
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const retryAfter = Number(res.headers.get('retry-after') ?? NaN);
  throw new ApiFailure(res.status, isErrorBody(body) ? body.error : `HTTP ${res.status}`, body, Number.isFinite(retryAfter) ? retryAfter : null);
}

/** True when the error means the server could not be reached (not that it refused). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError || (e instanceof ApiFailure && (e.status === 502 || e.status === 503 || e.status === 504));
}

type Query = Record<string, string | number | undefined>;

/** The URL of an API path, with the query's defined values. */
function url(path: string, query: Query = {}): URL {
  const u = new URL(`${BASE}${path}`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u;
}

const id = (value: string) => encodeURIComponent(value);

interface Call {
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (a form: fetch sets its multipart boundary). */
  body?: BodyInit;
  signal?: AbortSignal;
}

function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, { query, json, body, signal }: Call = {}): Promise<T> {
  const payload = json === undefined ? { body } : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } };
  return ok<T>(fetch(url(path, query), { method, signal, ...payload }));
}

/** A filter value from a <select> ("" for any) as the API takes it. */
export const languageFilter = (value: string | undefined): Language | undefined => (value && isLanguage(value) ? value : undefined);
export const kindFilter = (value: string | undefined): DocumentKind | undefined => (value && isDocumentKind(value) ? value : undefined);

// Corpus

export const getDocuments = (query: DocumentsQuery, signal?: AbortSignal) => call<DocumentsResponse>('GET', '/documents', { query, signal });
export const getDocument = (documentId: string, signal?: AbortSignal) => call<DocumentResponse>('GET', `/documents/${id(documentId)}`, { signal });

// Drafts

export const listDrafts = (query: DraftListQuery, signal?: AbortSignal) => call<DraftListResponse>('GET', '/drafts', { query, signal });
export const createDraft = (json: CreateDraftBody) => call<Draft>('POST', '/drafts', { json });
export const getDraft = (draftId: string, signal?: AbortSignal) => call<Draft>('GET', `/drafts/${id(draftId)}`, { signal });
/** Saves an edit of `json.version`; a stale version fails with 409 and the current draft in the body (DraftConflict). */
export const saveDraft = (draftId: string, json: UpdateDraftBody) => call<Draft>('PUT', `/drafts/${id(draftId)}`, { json });
export const deleteDraft = (draftId: string) => call<DeleteDraftResponse>('DELETE', `/drafts/${id(draftId)}`);
export const duplicateDraft = (draftId: string, json: DuplicateDraftBody = {}) => call<Draft>('POST', `/drafts/${id(draftId)}/duplicate`, { json });
/** The draft against its base, or against the document `against`. */
export const getDraftDiff = (draftId: string, against?: string, signal?: AbortSignal) =>
  call<DiffResponse>('GET', `/drafts/${id(draftId)}/diff`, { query: { against }, signal });

/** One kept version against another (numbers from getVersions). */
export const getVersionDiff = (draftId: string, fromVersion: number, toVersion: number, signal?: AbortSignal) =>
  call<DiffResponse>('GET', `/drafts/${id(draftId)}/diff`, { query: { fromVersion, toVersion }, signal });
export const getVersions = (draftId: string, signal?: AbortSignal) => call<VersionsResponse>('GET', `/drafts/${id(draftId)}/versions`, { signal });
export const getVersion = (draftId: string, version: number, signal?: AbortSignal) => call<VersionResponse>('GET', `/drafts/${id(draftId)}/versions/${version}`, { signal });
/** Saves an old version's content as the newest version. */
export const restoreVersion = (draftId: string, version: number) => call<Draft>('POST', `/drafts/${id(draftId)}/versions/${version}/restore`);
export const nameRevision = (draftId: string, name: string) => call<VersionInfoT>('POST', `/drafts/${id(draftId)}/revisions`, { json: { name } });

// Sharing

export const getShares = (draftId: string, signal?: AbortSignal) => call<SharesResponse>('GET', `/drafts/${id(draftId)}/shares`, { signal });
export const shareDraft = (draftId: string, json: ShareBody) => call<DraftShare>('POST', `/drafts/${id(draftId)}/shares`, { json });
export const unshareDraft = (draftId: string, shareId: string) => call<OkResponse>('DELETE', `/drafts/${id(draftId)}/shares/${id(shareId)}`);
export const getDelegations = (signal?: AbortSignal) => call<DelegationsResponse>('GET', '/delegations', { signal });

// Negotiation: proposals, paragraph statuses, agreed language

export const getProposals = (draftId: string, signal?: AbortSignal) => call<ProposalsResponse>('GET', `/drafts/${id(draftId)}/proposals`, { signal });
export const postProposal = (draftId: string, json: ProposalBody) => call<Proposal>('POST', `/drafts/${id(draftId)}/proposals`, { json });
export const proposalAction = (draftId: string, proposalId: string, action: ProposalActionT) =>
  call<ProposalActionResponse>('POST', `/drafts/${id(draftId)}/proposals/${id(proposalId)}/${action}`);
export const setParagraphStatus = (draftId: string, paragraphId: string, status: ParagraphStatusResponse['status']) =>
  call<ParagraphStatusResponse>('PUT', `/drafts/${id(draftId)}/paragraphs/${id(paragraphId)}/status`, { json: { status } });
export const getAgreedLanguage = (draftId: string, signal?: AbortSignal) => call<AgreedLanguageResponse>('GET', `/drafts/${id(draftId)}/agreed-language`, { signal });

// Accounts

export const getMe = (signal?: AbortSignal) => call<UserResponse>('GET', '/auth/me', { signal });
export const signIn = (email: string, password: string) => call<UserResponse>('POST', '/auth/login', { json: { email, password } });
export const signOut = () => call<OkResponse>('POST', '/auth/logout');
export const changePassword = (current: string, next: string) => call<OkResponse>('POST', '/auth/password', { json: { current, next } });
export const getSetupStatus = () => call<SetupStatus>('GET', '/auth/setup');
export const completeSetup = (json: SetupBody) => call<UserResponse>('POST', '/auth/setup', { json });

// Administration

export const getUsers = (signal?: AbortSignal) => call<UsersResponse>('GET', '/admin/users', { signal });
export const createUser = (json: CreateUserBody) => call<UserResponse>('POST', '/admin/users', { json });
export const getAdminDelegations = (signal?: AbortSignal) => call<DelegationsResponse>('GET', '/admin/delegations', { signal });
export const getAudit = (before?: number, signal?: AbortSignal) => call<AuditResponse>('GET', '/admin/audit', { query: { before }, signal });

// Precedents, series, diffs and lineage

export const postSuggest = (json: SuggestRequest, signal?: AbortSignal) => call<SuggestResponse>('POST', '/suggest', { json, signal });
export const getSearch = (query: SearchQuery, signal?: AbortSignal) => call<SearchResponse>('GET', '/search', { query, signal });
export const getDiff = (from: string, to: string, signal?: AbortSignal) => call<DiffResponse>('GET', '/diff', { query: { from, to }, signal });
/** Every series, or those in `language` ("" for all). */
export const getSeries = (language: string, signal?: AbortSignal) =>
  call<SeriesListResponse>('GET', '/series', { query: { language: languageFilter(language) }, signal });
export const getLineage = (paragraphId: string, signal?: AbortSignal) => call<LineageResponse>('GET', `/paragraphs/${id(paragraphId)}/lineage`, { signal });
export const getTranslations = (paragraphId: string, signal?: AbortSignal) =>
  call<TranslationsResponse>('GET', `/paragraphs/${id(paragraphId)}/translations`, { signal });

// Word in, Word out: download URLs for the .docx exports (plain links, the
// browser saves the file under the server's name), and the import.
const href = (u: URL) => `${u.pathname}${u.search}`;
/** A draft as .docx: tracked against its base by default, against `against`, or clean with `plain`. */
export const draftDocxUrl = (draftId: string, options: { against?: string; plain?: boolean } = {}) =>
  href(url(`/drafts/${id(draftId)}/export.docx`, options.plain ? { plain: '1' } : { against: options.against }));
/** The compilation text: statuses, every pending proposal in place, who made and supports it. */
export const compilationDocxUrl = (draftId: string) => href(url(`/drafts/${id(draftId)}/export.docx`, { compilation: '1' }));
export const documentDocxUrl = (documentId: string) => href(url(`/documents/${id(documentId)}/export.docx`));
/** `to`, with every change from `from` as a Word tracked change. */
export const diffDocxUrl = (from: string, to: string) => href(url('/diff/export.docx', { from, to }));

/** A .docx (multipart "file") or pasted text becomes a new draft: 201 with the draft, or ApiFailure with the server's message. */
export function importDraft(input: { file: File; changes: NonNullable<ImportQuery['changes']> } | { text: string; language: Language }): Promise<ImportResultT> {
  if ('file' in input) {
    const form = new FormData();
    form.append('file', input.file);
    const query: ImportQuery = { changes: input.changes };
    return call<ImportResult>('POST', '/drafts/import', { query, body: form });
  }
  const json: ImportTextBody = { text: input.text, language: input.language };
  return call<ImportResult>('POST', '/drafts/import', { json });
}
