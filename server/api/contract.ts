// The HTTP API's contract, stated once: a zod schema for every request (path
// params, query, JSON body) and every response body of every route under /api.
// Routes validate their input with these schemas and type their answers by
// them; the web client takes its types from here by z.infer (type-only import).
// Browser-safe: zod and core/ only. Each schema and its type share one name:
// `SuggestResponse` is the schema as a value and the body's type as a type.
import { z } from 'zod';
import { CHANGE_TYPES, PAIR_KINDS } from '../../core/diff/kinds.js';
import { DRAFT_LIMITS, DRAFT_SECTIONS, SUGGEST_LIMITS } from '../../core/limits.js';
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

/** Every error: 400 (naming the field), 404 (naming the id), 409, 413, 500. */
export const ErrorBody = z.object({ error: z.string(), details: z.unknown().optional() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `:id` in a path: any id; an unknown one is a 404, not a 400. */
export const IdParam = z.object({ id: z.string() });
export type IdParam = z.infer<typeof IdParam>;

// ---------------------------------------------------------------------------
// GET /health

export const HealthResponse = z.object({ ok: z.literal(true), documents: count, paragraphs: count });
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------------------------------------------------------------------------
// Documents: GET /documents, GET /documents/:id

export const DocumentsQuery = z.object({
  language: language.optional(),
  kind: kind.optional(),
  q: z.string().max(200).optional(),
});
export type DocumentsQuery = z.infer<typeof DocumentsQuery>;

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

export const DocumentsResponse = z.object({ documents: z.array(DocumentSummary) });
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
});
export type Draft = z.infer<typeof Draft>;

export const DraftSummary = Draft.omit({ paragraphs: true }).extend({
  counts: z.object({ preamble: count, operative: count }),
  /** The base document's symbol (or title when it has none), so the list names it without fetching it. */
  baseName: z.string().nullable(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

const limit = z.number().int().positive();
export const DraftListResponse = z.object({
  drafts: z.array(DraftSummary),
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

/** GET /drafts/:id/diff: against the draft's base unless another document is named. */
export const DraftDiffQuery = z.object({ against: z.string().min(1).max(L.paragraphId).optional() });
export type DraftDiffQuery = z.infer<typeof DraftDiffQuery>;

// ---------------------------------------------------------------------------
// Word: GET …/export.docx (the body is the file), POST /drafts/import

/** GET /drafts/:id/export.docx: tracked against the base, or `against`; `plain` for no changes. */
export const DraftExportQuery = z.object({ against: documentId.optional(), plain: flag.optional() });
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
