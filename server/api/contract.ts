// The HTTP API's contract, stated once: a zod schema for every request (path
// params, query, JSON body) and every response body of every route under /api.
// Routes validate their input with these schemas and type their answers by
// them; the web client takes its types from here by z.infer (type-only import).
// Browser-safe: zod and core/ only. Each schema and its type share one name:
// `SuggestResponse` is the schema as a value and the body's type as a type.
import { z } from 'zod';
import { CHANGE_TYPES, PAIR_KINDS } from '../../core/diff/kinds.js';
import { ACCOUNT_LIMITS, DRAFT_LIMITS, DRAFT_SECTIONS, SUGGEST_LIMITS } from '../../core/limits.js';
import { DOCUMENT_KINDS, LANGUAGES, SECTIONS } from '../../core/model.js';

const L = DRAFT_LIMITS;

// ---------------------------------------------------------------------------
// Building blocks

const language = z.enum(LANGUAGES);
const kind = z.enum(DOCUMENT_KINDS);
const isoDate = z.iso.date('must be an ISO date (yyyy-mm-dd)');
/** A yes/no query parameter: "1" or "true" is yes. */
const flag = z.enum(['0', '1', 'true', 'false']);
/** A document id named in a query (from, to, against). */
const documentId = z.string().trim().min(1).max(200);
const count = z.number().int().min(0);
const offsets = z.tuple([z.number().int(), z.number().int()]);
const rangeInOrder = (f: { from?: string; to?: string }) => !(f.from && f.to && f.from > f.to);
const rangeOutOfOrder = { message: '"from" is after "to"', path: ['from'] };
const queryNumber = () => z.coerce.number<string | number>().int();
/** `?limit=&offset=` of a paged list: `pageSize` rows unless asked for up to `max`, from the first unless told. */
const paging = (pageSize: number, max: number) => ({
  limit: queryNumber().min(1).max(max, `must be at most ${max}`).default(pageSize),
  offset: queryNumber().min(0).default(0),
});
/** What a page of a list says besides its rows: how many rows the list has, and which ones these are. */
const pageOf = { total: count, offset: count, limit: count };

/** Every error: 400 (naming the field), 404 (naming the id), 409, 413, 500. */
export const ErrorBody = z.object({ error: z.string(), details: z.unknown().optional() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `:id` in a path: any id; an unknown one is a 404, not a 400. */
export const IdParam = z.object({ id: z.string() });
export type IdParam = z.infer<typeof IdParam>;

// ---------------------------------------------------------------------------
// GET /health

/** How a part of the server is: a failed part makes the health answer 503. */
const partState = z.enum(['ok', 'failed']);

/** A language's search index: loading from disk, (re)building from the database (progress in %), ready, or failed. */
export const IndexState = z.object({
  state: z.enum(['loading', 'building', 'ready', 'failed']),
  progress: z.number().int().min(0).max(100).optional(),
  /** Why it failed, or what it is rebuilding after. */
  detail: z.string().optional(),
});
export type IndexState = z.infer<typeof IndexState>;

/**
 * 200 while every part works (an index loading or building is not a failure:
 * search answers 503 meanwhile), 503 with the same body when one failed.
 * `documents` and `paragraphs` are 0 when the database cannot be read.
 */
export const HealthResponse = z.object({
  ok: z.boolean(),
  documents: count,
  paragraphs: count,
  /** The corpus tables answer. */
  database: partState,
  /** Every stored draft reads back whole. */
  drafts: partState,
  /** The search worker: starting (no index opened yet), working, or failed; and each language's index. */
  search: z.object({
    state: z.enum(['starting', 'ok', 'failed']),
    languages: z.partialRecord(language, IndexState),
    detail: z.string().optional(),
  }),
  /** One line per failed part, naming it and why. */
  problems: z.array(z.string()).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------------------------------------------------------------------------
// Accounts: /auth (sign in and out, the signed-in user, password, first setup),
// /admin (users, delegations, audit log; administrators only), /delegations

const A = ACCOUNT_LIMITS;
const email = z.string().trim().min(3).max(A.email);
const password = z.string().min(1).max(A.passwordMax);
const newPassword = z.string().min(A.passwordMin, `at least ${A.passwordMin} characters`).max(A.passwordMax);

export const Delegation = z.object({ id: z.string(), name: z.string() });
export type Delegation = z.infer<typeof Delegation>;

export const User = z.object({ id: z.string(), email: z.string(), name: z.string(), delegation: Delegation, admin: z.boolean(), createdAt: z.string() });
export type User = z.infer<typeof User>;

/** POST /auth/login, POST /auth/setup, GET /auth/me, POST /admin/users: the user (and, for sign-ins, the session cookie). */
export const UserResponse = z.object({ user: User });
export type UserResponse = z.infer<typeof UserResponse>;

export const LoginBody = z.object({ email, password });
export type LoginBody = z.infer<typeof LoginBody>;

export const PasswordBody = z.object({ current: password, next: newPassword });
export type PasswordBody = z.infer<typeof PasswordBody>;

export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

/** GET /auth/setup: whether the first administrator is still to be made (with the link the server printed). */
export const SetupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

const newUserFields = {
  email,
  name: z.string().trim().min(1).max(A.name),
  password: newPassword,
  /** The delegation's name or id; a new name creates the delegation. */
  delegation: z.string().trim().min(1).max(A.delegation),
};

export const SetupBody = z.object({ token: z.string().min(1).max(200), ...newUserFields });
export type SetupBody = z.infer<typeof SetupBody>;

export const CreateUserBody = z.object({ ...newUserFields, admin: z.boolean().optional() });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UsersResponse = z.object({ users: z.array(User) });
export type UsersResponse = z.infer<typeof UsersResponse>;

export const DelegationsResponse = z.object({ delegations: z.array(Delegation.extend({ members: count })) });
export type DelegationsResponse = z.infer<typeof DelegationsResponse>;

export const AuditQuery = z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      action: z.string(),
      actorId: z.string().nullable(),
      actorEmail: z.string().nullable(),
      address: z.string().nullable(),
      target: z.string().nullable(),
      detail: z.string().nullable(),
    }),
  ),
});
export type AuditResponse = z.infer<typeof AuditResponse>;

// ---------------------------------------------------------------------------
// Documents: GET /documents, GET /documents/:id

export const DocumentsQuery = z.object({
  language: language.optional(),
  kind: kind.optional(),
  q: z.string().max(200).optional(),
  ...paging(100, 500),
});
/** As sent (limit and offset may be strings or left out); the route reads it parsed. */
export type DocumentsQuery = z.input<typeof DocumentsQuery>;

const documentFields = {
  id: z.string(),
  symbol: z.string().nullable(),
  title: z.string(),
  language,
  kind,
  body: z.string(),
  session: z.number().int().nullable(),
  date: z.string().nullable(),
};

export const DocumentSummary = z.object({ ...documentFields, counts: z.object({ preamble: count, operative: count, other: count }) });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** One page of the documents that pass the filters, newest first; `total` counts them all. */
export const DocumentsResponse = z.object({ documents: z.array(DocumentSummary), ...pageOf });
export type DocumentsResponse = z.infer<typeof DocumentsResponse>;

export const Footnote = z.object({ marker: z.string(), text: z.string(), offset: z.number().int().min(0) });
export type Footnote = z.infer<typeof Footnote>;

export const DocumentRecord = z.object({
  ...documentFields,
  source: z.string(),
  draftSymbol: z.string().nullable().optional(),
  agendaItem: z.string().nullable().optional(),
  sponsors: z.array(z.string()).optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const DocParagraph = z.object({
  id: z.string(),
  section: z.enum(SECTIONS),
  number: z.number().int().nullable(),
  label: z.string(),
  lead: z.string(),
  text: z.string(),
  footnotes: z.array(Footnote),
  items: z.array(z.object({ marker: z.string(), text: z.string() })),
  eId: z.string().nullable(),
});
export type DocParagraph = z.infer<typeof DocParagraph>;

export const DocumentResponse = z.object({ document: DocumentRecord, paragraphs: z.array(DocParagraph) });
export type DocumentResponse = z.infer<typeof DocumentResponse>;

// ---------------------------------------------------------------------------
// Series: GET /series, GET /series/:id

export const SeriesQuery = z.object({ language: language.optional() });
export type SeriesQuery = z.infer<typeof SeriesQuery>;

const SeriesDocument = z.object({
  id: z.string(),
  symbol: z.string().nullable(),
  date: z.string().nullable(),
  session: z.number().int().nullable(),
  recallsPrevious: z.boolean(),
});

export const SeriesSummary = z.object({
  id: z.string(),
  title: z.string(),
  language,
  documents: z.array(SeriesDocument),
  gaps: z.array(z.object({ after: z.string().nullable(), before: z.string().nullable(), sessions: z.array(z.number().int()), known: z.boolean() })),
});
export type SeriesSummary = z.infer<typeof SeriesSummary>;

export const SeriesListResponse = z.object({ series: z.array(SeriesSummary) });
export type SeriesListResponse = z.infer<typeof SeriesListResponse>;

export const SeriesDetail = SeriesSummary.extend({
  documents: z.array(SeriesDocument.extend({ title: z.string(), counts: DocumentSummary.shape.counts })),
});
export type SeriesDetail = z.infer<typeof SeriesDetail>;

export const SeriesResponse = z.object({ series: SeriesDetail });
export type SeriesResponse = z.infer<typeof SeriesResponse>;

// ---------------------------------------------------------------------------
// Comparison: GET /diff, GET /drafts/:id/diff, GET /paragraphs/:id/lineage

export const DiffQuery = z.object({ from: documentId, to: documentId });
export type DiffQuery = z.infer<typeof DiffQuery>;

export const DocumentRef = z.object({ id: z.string(), symbol: z.string().nullable(), title: z.string(), language, date: z.string().nullable() });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const InlineChange = z.object({ type: z.enum(CHANGE_TYPES), text: z.string(), routine: z.boolean().optional(), editorial: z.boolean().optional() });
export type InlineChange = z.infer<typeof InlineChange>;

const pairKind = z.enum(PAIR_KINDS);
const share = z.number().min(0).max(1);

export const DiffPair = z.object({
  kind: pairKind,
  from: z.array(z.string()),
  to: z.array(z.string()),
  fromLabels: z.array(z.string()),
  toLabels: z.array(z.string()),
  similarity: share,
  /** Order changed (or crossed between preamble and operative part): a flag beside the kind, not a kind. */
  moved: z.boolean(),
  routineOnly: z.boolean(),
  changes: z.array(InlineChange),
});
export type DiffPair = z.infer<typeof DiffPair>;

/** The six kinds add up to the pairs; `moved` and `routineOnly` count pairs also counted under their kind. */
export const DiffStats = z.object({
  unchanged: count,
  modified: count,
  added: count,
  removed: count,
  split: count,
  merged: count,
  moved: count,
  routineOnly: count,
  carriedOver: share,
});
export type DiffStats = z.infer<typeof DiffStats>;

export const DiffResponse = z.object({ from: DocumentRef, to: DocumentRef, pairs: z.array(DiffPair), stats: DiffStats });
export type DiffResponse = z.infer<typeof DiffResponse>;

const LineageParagraph = z.object({ id: z.string(), label: z.string(), text: z.string() });

export const LineageStep = z.object({
  document: DocumentRef,
  paragraphs: z.array(LineageParagraph),
  kind: pairKind,
  similarity: share,
  routineOnly: z.boolean(),
  changes: z.array(InlineChange),
});
export type LineageStep = z.infer<typeof LineageStep>;

export const LineageResponse = z.object({
  paragraph: LineageParagraph.extend({ documentId: z.string() }),
  document: DocumentRef,
  series: z.object({ id: z.string(), title: z.string() }).nullable(),
  ancestors: z.array(LineageStep),
  firstAppeared: z.object({
    document: DocumentRef,
    paragraphIds: z.array(z.string()),
    oldestInCorpus: z.boolean(),
    /** The series' previous version is in the corpus and lacks the paragraph: it first appeared here. */
    exact: z.boolean(),
    /** Sessions just before it whose versions the corpus lacks. */
    missingSessions: z.array(z.number().int()),
  }),
});
export type LineageResponse = z.infer<typeof LineageResponse>;

// ---------------------------------------------------------------------------
// Translations: GET /paragraphs/:id/translations (and `also` in POST /suggest)

/** A paragraph as a translation shows it. */
const TranslationParagraph = z.object({ id: z.string(), label: z.string(), lead: z.string(), text: z.string() });

/** The same paragraph in another language version of the same document (same symbol). */
export const ParagraphTranslation = z.object({
  language,
  paragraph: TranslationParagraph,
  document: z.object({ id: z.string(), symbol: z.string().nullable() }),
  /** Paired by position and text features, not by a shared eId: worth a glance before citing. */
  inferred: z.literal(true).optional(),
});
export type ParagraphTranslation = z.infer<typeof ParagraphTranslation>;

/** The paragraph asked for, and its translations in the corpus (none when its document has no symbol). */
export const TranslationsResponse = z.object({
  paragraph: TranslationParagraph.extend({ documentId: z.string(), language }),
  translations: z.array(ParagraphTranslation),
});
export type TranslationsResponse = z.infer<typeof TranslationsResponse>;

// ---------------------------------------------------------------------------
// Precedents: POST /suggest, GET /search

export const SuggestFilters = z
  .strictObject({
    language: language.optional(),
    kind: z.union([kind, z.array(kind).min(1)]).optional(),
    body: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    documents: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    excludeDocuments: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    collapseSeries: z.boolean().optional(),
  })
  .refine(rangeInOrder, rangeOutOfOrder);
export type SuggestFilters = z.infer<typeof SuggestFilters>;

export const SuggestRequest = z
  .strictObject({
    // Not trimmed: shared-passage offsets point into the text exactly as sent.
    text: z
      .string()
      .max(SUGGEST_LIMITS.text, `must be at most ${SUGGEST_LIMITS.text} characters`)
      .refine((t) => t.trim().length > 0, 'must not be empty'),
    language: language.optional(),
    limit: z.number().int().min(1).max(SUGGEST_LIMITS.results).optional(),
    filters: SuggestFilters.optional(),
    /** A second language: each result carries its translation in it, where the corpus has one. */
    also: language.optional(),
  })
  .refine((b) => !(b.language && b.filters?.language && b.language !== b.filters.language), {
    message: 'differs from filters.language: precedents are searched in the language of the text',
    path: ['language'],
  });
export type SuggestRequest = z.infer<typeof SuggestRequest>;

/** A precedent paragraph as results show it. */
export const ResultParagraph = z.object({ id: z.string(), label: z.string(), lead: z.string(), text: z.string(), section: z.enum(SECTIONS) });
/** The document a result cites. */
export const ResultDocument = z.object({ id: z.string(), symbol: z.string().nullable(), title: z.string(), date: z.string().nullable(), body: z.string(), kind, language });

/** `from` = [start, end) in the query text, `to` = [start, end) in the paragraph text (UTF-16 offsets). */
export const SharedPassage = z.object({ from: offsets, to: offsets });
export type SharedPassage = z.infer<typeof SharedPassage>;

/** Another version of the same paragraph in the same series. */
export const VersionRef = z.object({
  paragraphId: z.string(),
  label: z.string(),
  documentId: z.string(),
  symbol: z.string().nullable(),
  date: z.string().nullable(),
  similarity: share,
});
export type VersionRef = z.infer<typeof VersionRef>;

export const SuggestResult = z.object({
  paragraph: ResultParagraph,
  document: ResultDocument,
  /** 0..1: 1 only for the same text (width and spaces aside), at most 0.999 otherwise (server/search/similarity.ts). */
  similarity: share,
  shared: z.array(SharedPassage),
  agreed: z.boolean(),
  earlierVersions: z.array(VersionRef).optional(),
  laterVersions: z.array(VersionRef).optional(),
  /** With `also`: the paragraph in that language (absent when the corpus lacks it or `also` is the result's own language). */
  translation: ParagraphTranslation.optional(),
});
export type SuggestResult = z.infer<typeof SuggestResult>;

export const SuggestResponse = z.object({
  /** The language searched: as given, or detected from the text. */
  language,
  results: z.array(SuggestResult),
  /** Time the server spent on the answer, in milliseconds. */
  tookMs: z.number(),
});
export type SuggestResponse = z.infer<typeof SuggestResponse>;

export const SearchQuery = z
  .strictObject({
    q: z
      .string()
      .max(1000, 'must be at most 1000 characters')
      .refine((q) => q.trim().length > 0, 'must not be empty'),
    phrase: flag.optional(),
    language: language.optional(),
    kind: kind.optional(),
    body: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number<string | number>().int().min(1).max(10_000).optional(),
  })
  .refine(rangeInOrder, rangeOutOfOrder);
/** As sent (page may be a string); the route reads it parsed. */
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z.object({
  paragraph: ResultParagraph,
  document: ResultDocument,
  agreed: z.boolean(),
  /** [start, end) of each occurrence in paragraph.text (phrase mode), else empty. */
  matches: z.array(offsets),
  /** BM25 score in keyword mode; the number of occurrences in phrase mode. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  results: z.array(SearchHit),
  total: count,
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** Keyword mode: distinct words of the query left out as too common to search (a long query is pruned to its rarest words). */
  omittedTerms: count.optional(),
  tookMs: z.number(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

// ---------------------------------------------------------------------------
// Drafts: GET/POST /drafts, GET/PUT/DELETE /drafts/:id, POST /drafts/:id/duplicate

export const DraftParagraph = z.object({
  id: z.string().max(L.paragraphId).regex(/^[A-Za-z0-9_.:-]*$/, 'letters, digits and _.:- only'),
  section: z.enum(DRAFT_SECTIONS),
  text: z.string().max(L.paragraphText, `at most ${L.paragraphText} characters`),
  lead: z.string().max(500).optional(),
  source: z
    .object({
      paragraphId: z.string().max(L.paragraphId),
      documentId: z.string().max(L.paragraphId),
      citation: z.string().max(L.citation),
      /** The source paragraph's text: the paragraph is "modified" once its own differs (core/citation.ts). */
      text: z.string().max(L.paragraphText).optional(),
    })
    .nullable()
    .optional(),
  // Kept so that a save from the editor does not drop footnotes (exchange).
  footnotes: z.array(Footnote.extend({ marker: z.string().max(20), text: z.string().max(L.paragraphText) })).max(500).optional(),
});
export type DraftParagraph = z.infer<typeof DraftParagraph>;

const draftParagraphs = z.array(DraftParagraph).max(L.paragraphs, `at most ${L.paragraphs} paragraphs`);

const DRAFT_ACCESS = ['owner', 'edit', 'propose', 'read'] as const;
const draftAccess = z.enum(DRAFT_ACCESS);

export const Draft = z.object({
  id: z.string(),
  title: z.string(),
  language,
  /** The adopting body the draft is for ("General Assembly"). */
  body: z.string(),
  baseDocumentId: z.string().nullable(),
  /** Bumped by every save; a save naming an older version is refused (409). */
  version: z.number().int().positive(),
  paragraphs: draftParagraphs,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the signed-in user may do: owner (their delegation's: edit, share, delete, decide on proposals), edit, propose or read (shared). */
  access: draftAccess,
  /** The history its live document (co-editing) has; null before anyone opened it live. A browser drops an offline copy of another lineage. */
  lineage: z.string().nullable().optional(),
});
export type Draft = z.infer<typeof Draft>;

const person = z.object({ name: z.string(), delegation: z.string() });

export const DraftSummary = Draft.omit({ paragraphs: true }).extend({
  counts: z.object({ preamble: count, operative: count }),
  /** The base document's symbol (or title when it has none), so the list names it without fetching it. */
  baseName: z.string().nullable(),
  /** The delegation that owns it. */
  owner: z.string().nullable(),
  /** Who shared it with this user or their delegation; null for their own delegation's drafts. */
  sharedBy: person.nullable(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const DraftListQuery = z.object(paging(50, 200));
/** As sent; the route reads it parsed. */
export type DraftListQuery = z.input<typeof DraftListQuery>;

const limit = z.number().int().positive();
/** One page of the drafts the user sees, most recently saved first; `total` counts them all. */
export const DraftListResponse = z.object({
  drafts: z.array(DraftSummary),
  ...pageOf,
  limits: z.object({
    title: limit,
    body: limit,
    paragraphs: limit,
    paragraphText: limit,
    citation: limit,
    paragraphId: limit,
  } satisfies Record<keyof typeof DRAFT_LIMITS, z.ZodNumber>),
});
export type DraftListResponse = z.infer<typeof DraftListResponse>;

/** Empty (language required), or a rollover of `base`, whose paragraphs and language it takes. */
export const CreateDraftBody = z
  .object({
    title: z.string().trim().max(L.title).optional(),
    language: language.optional(),
    body: z.string().max(L.body).optional(),
    base: z.string().min(1).max(L.paragraphId).optional(),
    paragraphs: draftParagraphs.optional(),
  })
  .refine((b) => b.language || b.base, { message: 'required unless a base document is given', path: ['language'] });
export type CreateDraftBody = z.infer<typeof CreateDraftBody>;

export const UpdateDraftBody = z.object({
  /** The version this edit was based on. */
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(L.title).optional(),
  body: z.string().max(L.body).optional(),
  baseDocumentId: z.string().max(L.paragraphId).nullable().optional(),
  paragraphs: draftParagraphs.optional(),
});
export type UpdateDraftBody = z.infer<typeof UpdateDraftBody>;

/** PUT /drafts/:id with a stale version: 409, with the draft as saved. */
export const DraftConflict = ErrorBody.extend({ current: Draft });
export type DraftConflict = z.infer<typeof DraftConflict>;

export const DeleteDraftResponse = z.object({ deleted: z.string() });
export type DeleteDraftResponse = z.infer<typeof DeleteDraftResponse>;

export const DuplicateDraftBody = z.object({ title: z.string().trim().min(1).max(L.title).optional() });
export type DuplicateDraftBody = z.infer<typeof DuplicateDraftBody>;

const versionNumber = z.coerce.number().int().positive();

/** GET /drafts/:id/diff: against the draft's base unless another document is named, or one kept version against another. */
export const DraftDiffQuery = z
  .object({ against: z.string().min(1).max(L.paragraphId).optional(), fromVersion: versionNumber.optional(), toVersion: versionNumber.optional() })
  .refine((q) => (q.fromVersion === undefined) === (q.toVersion === undefined), { message: 'name both fromVersion and toVersion', path: ['fromVersion'] })
  .refine((q) => !(q.against && q.fromVersion), { message: 'either against or fromVersion/toVersion, not both', path: ['against'] });
export type DraftDiffQuery = z.infer<typeof DraftDiffQuery>;

// ---------------------------------------------------------------------------
// Sharing: GET/POST /drafts/:id/shares, DELETE /drafts/:id/shares/:shareId

/** read: see it; propose: also make, support and object to proposals; edit: also change the text. */
export const SHARE_ACCESS = ['read', 'propose', 'edit'] as const;

export const ShareBody = z
  .object({
    /** A delegation's name or id … */
    delegation: z.string().trim().min(1).max(A.delegation).optional(),
    /** … or one user's e-mail. */
    email: email.optional(),
    access: z.enum(SHARE_ACCESS),
  })
  .refine((b) => Boolean(b.delegation) !== Boolean(b.email), { message: 'name a delegation or an e-mail (one of them)', path: ['delegation'] });
export type ShareBody = z.infer<typeof ShareBody>;

export const DraftShare = z.object({
  id: z.string(),
  access: z.enum(SHARE_ACCESS),
  with: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('delegation'), id: z.string(), name: z.string() }),
    z.object({ kind: z.literal('user'), id: z.string(), name: z.string(), email: z.string() }),
  ]),
  sharedBy: person,
  createdAt: z.string(),
});
export type DraftShare = z.infer<typeof DraftShare>;

export const SharesResponse = z.object({ shares: z.array(DraftShare) });
export type SharesResponse = z.infer<typeof SharesResponse>;

export const ShareParam = z.object({ id: z.string(), shareId: z.string() });
export type ShareParam = z.infer<typeof ShareParam>;

// ---------------------------------------------------------------------------
// History: GET /drafts/:id/versions, GET /drafts/:id/versions/:version,
// POST /drafts/:id/versions/:version/restore

export const VersionInfo = z.object({
  version: z.number().int().positive(),
  savedAt: z.string(),
  /** Null for versions saved before accounts existed. */
  savedBy: z.object({ id: z.string(), name: z.string(), delegation: z.string() }).nullable(),
  /** Why the save was made when it was not typing: "Accepted the proposal of Mexico: add OP 2 bis". */
  note: z.string().nullable(),
  /** The revision this version is ("Rev.1"), when one was named. */
  name: z.string().nullable(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

/** A named revision: the draft as it stands now, named as the room circulates it ("Rev.1", "Rev.2"). */
export const RevisionBody = z.object({ name: z.string().trim().min(1, 'name: give the revision a name such as Rev.1').max(40, 'name: at most 40 characters') });
export type RevisionBody = z.infer<typeof RevisionBody>;

export const VersionsResponse = z.object({ versions: z.array(VersionInfo) });
export type VersionsResponse = z.infer<typeof VersionsResponse>;

export const VersionParam = z.object({ id: z.string(), version: versionNumber });
export type VersionParam = z.infer<typeof VersionParam>;

export const VersionResponse = VersionInfo.extend({
  content: z.object({ title: z.string(), body: z.string(), baseDocumentId: z.string().nullable(), paragraphs: draftParagraphs }),
});
export type VersionResponse = z.infer<typeof VersionResponse>;

// ---------------------------------------------------------------------------
// Negotiation: GET/POST /drafts/:id/proposals,
// POST /drafts/:id/proposals/:proposalId/(support|object|accept|reject|bracket|withdraw),
// PUT /drafts/:id/paragraphs/:paragraphId/status, GET /drafts/:id/agreed-language

export const PROPOSAL_KINDS = ['amend', 'add', 'delete', 'alt'] as const;
export const PROPOSAL_STATUSES = ['open', 'bracketed', 'accepted', 'rejected', 'withdrawn'] as const;
export const PARAGRAPH_STATUSES = ['open', 'agreed-ad-ref', 'agreed'] as const;
export const PROPOSAL_ACTIONS = ['support', 'object', 'accept', 'reject', 'bracket', 'withdraw'] as const;

const paragraphRef = z.string().min(1).max(L.paragraphId);

/** amend, delete and alt name `paragraphId`; add names `after` (or, at the head of a part, `section`); all but delete carry `text`. */
export const ProposalBody = z
  .object({
    kind: z.enum(PROPOSAL_KINDS),
    paragraphId: paragraphRef.optional(),
    after: paragraphRef.optional(),
    section: z.enum(DRAFT_SECTIONS).optional(),
    text: z.string().max(L.paragraphText, `at most ${L.paragraphText} characters`).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((b) => b.kind === 'add' || b.paragraphId, { message: 'required: the paragraph the proposal is about', path: ['paragraphId'] })
  .refine((b) => b.kind === 'delete' || (b.text ?? '').trim().length > 0, { message: 'required: the proposed text', path: ['text'] })
  .refine((b) => b.kind !== 'add' || b.after || b.section, { message: 'name the paragraph the new one follows (after) or its part (section)', path: ['after'] });
export type ProposalBody = z.infer<typeof ProposalBody>;

export const Precedent = z.object({ paragraphId: z.string(), documentId: z.string(), citation: z.string(), similarity: share, text: z.string() });
export type Precedent = z.infer<typeof Precedent>;

export const Proposal = z.object({
  id: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  /** "OP 2", "OP 2 bis", "OP 7 alt": numbered as the UN numbers proposals until the text is renumbered. */
  label: z.string(),
  paragraphId: z.string().nullable(),
  after: z.string().nullable(),
  section: z.enum(DRAFT_SECTIONS),
  text: z.string().nullable(),
  note: z.string().nullable(),
  delegation: z.string(),
  author: person,
  status: z.enum(PROPOSAL_STATUSES),
  /** The delegations that joined it, in the order they did. */
  supporters: z.array(z.string()),
  objectors: z.array(z.string()),
  /** Amendments and alternatives: the change from the paragraph's current text. */
  changes: z.array(InlineChange),
  /** False once the paragraph it is about has left the text. */
  inText: z.boolean(),
  /** The closest adopted paragraphs to the proposed text, computed when it was made. */
  precedents: z.array(Precedent),
  /** [start, end) of each stretch of the proposed text that no adopted precedent shares. */
  newLanguage: z.array(offsets),
  /** 0..1: how much of the proposed text adopted precedents cover. */
  agreedShare: share,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: person.nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

const paragraphStatus = z.enum(PARAGRAPH_STATUSES);
export const StatusCounts = z.object({ open: count, 'agreed-ad-ref': count, agreed: count });
export type StatusCounts = z.infer<typeof StatusCounts>;

export const ProposalsResponse = z.object({
  proposals: z.array(Proposal),
  /** By paragraph id; a paragraph not named is open. */
  statuses: z.record(z.string(), paragraphStatus),
  counts: StatusCounts,
});
export type ProposalsResponse = z.infer<typeof ProposalsResponse>;

export const ProposalParam = z.object({ id: z.string(), proposalId: z.string(), action: z.enum(PROPOSAL_ACTIONS) });
export type ProposalParam = z.infer<typeof ProposalParam>;

/** POST …/proposals/:proposalId/:action: the proposal as it now stands, and the draft (a new version after accept). */
export const ProposalActionResponse = z.object({ proposal: Proposal, draft: Draft });
export type ProposalActionResponse = z.infer<typeof ProposalActionResponse>;

export const ParagraphParam = z.object({ id: z.string(), paragraphId: z.string() });
export type ParagraphParam = z.infer<typeof ParagraphParam>;

export const ParagraphStatusBody = z.object({ status: paragraphStatus });
export type ParagraphStatusBody = z.infer<typeof ParagraphStatusBody>;

export const ParagraphStatusResponse = z.object({ paragraphId: z.string(), status: paragraphStatus, counts: StatusCounts });
export type ParagraphStatusResponse = z.infer<typeof ParagraphStatusResponse>;

export const AgreedLanguageResponse = z.object({
  /** 0..1 over the whole text, weighted by length. */
  agreedShare: share,
  paragraphs: z.array(z.object({ paragraphId: z.string(), agreedShare: share, newLanguage: z.array(offsets), precedent: Precedent.nullable() })),
});
export type AgreedLanguageResponse = z.infer<typeof AgreedLanguageResponse>;

// ---------------------------------------------------------------------------
// Word: GET …/export.docx (the body is the file), POST /drafts/import

/**
 * GET /drafts/:id/export.docx: tracked against the base, or `against`; `plain`
 * for no changes; `compilation` for the compilation text (statuses, every
 * pending proposal in place, who made and supports it in square brackets).
 */
export const DraftExportQuery = z.object({ against: documentId.optional(), plain: flag.optional(), compilation: flag.optional() });
export type DraftExportQuery = z.infer<typeof DraftExportQuery>;

/** GET /diff/export.docx: `to`, with every change from `from` tracked. */
export const DiffExportQuery = DiffQuery;
export type DiffExportQuery = DiffQuery;

export const IMPORT_CHANGES = ['accept', 'reject'] as const;

export const ImportQuery = z.object({
  /** What to do with the .docx's tracked changes. */
  changes: z.enum(IMPORT_CHANGES).optional(),
  language: language.optional(),
  title: z.string().max(L.title).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** The JSON body of POST /drafts/import: pasted text (a .docx comes as multipart "file" or the raw body). */
export const ImportTextBody = z.object({
  text: z.string().min(1).max(L.paragraphs * L.paragraphText),
  title: z.string().trim().max(L.title).optional(),
  language: language.optional(),
});
export type ImportTextBody = z.infer<typeof ImportTextBody>;

export const ImportResult = z.object({
  draft: Draft,
  /** Tracked changes found in the .docx; null for pasted text. */
  changesSeen: count.nullable(),
  changes: z.enum(IMPORT_CHANGES).nullable(),
  warnings: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;
