// Draft routes: list, create (empty or as a rollover of a document), read,
// save (optimistic: the version edited must be the current one, else 409 with
// the current draft), delete, duplicate, and diff against the base document.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { paragraphLabels } from '../../../core/citation.js';
import { DRAFT_LIMITS } from '../../../core/limits.js';
import {
  deleteDraft,
  duplicateDraft,
  getDraft,
  insertDraft,
  listDrafts,
  rolloverParagraphs,
  updateDraft,
} from '../../store/drafts.js';
import { getDocument, getParagraphs } from '../../store/corpus.js';
import { diffDocuments } from '../../compare/align.js';
import type { AppContext } from '../context.js';
import {
  CreateDraftBody,
  DraftDiffQuery,
  DuplicateDraftBody,
  IdParam,
  UpdateDraftBody,
  type DeleteDraftResponse,
  type DiffResponse,
  type Draft,
  type DraftConflict,
  type DraftListResponse,
  type ErrorBody,
} from '../contract.js';
import { ApiError, notFound } from '../errors.js';
import { validate } from '../validate.js';

const L = DRAFT_LIMITS;

// Worst case: 500 paragraphs of 20,000 CJK characters (3 bytes each in UTF-8), plus JSON.
const MAX_BYTES = L.paragraphs * L.paragraphText * 3 + 1_000_000;
const limitBody = bodyLimit({
  maxSize: MAX_BYTES,
  onError: (c) => c.json({ error: `Request body over ${Math.round(MAX_BYTES / 1e6)} MB` } satisfies ErrorBody, 413),
});

export function draftRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', (c) => c.json({ drafts: listDrafts(ctx.db), limits: DRAFT_LIMITS } satisfies DraftListResponse))
    .post('/', limitBody, validate('json', CreateDraftBody), (c) => {
      const input = c.req.valid('json');
      if (input.base) {
        const base = rolloverParagraphs(ctx.db, input.base);
        if (!base) throw new ApiError(400, `base: no such document: ${input.base}`);
        if (input.language && input.language !== base.language) {
          throw new ApiError(400, `language: ${input.language} differs from the base document's (${base.language})`);
        }
        const draft = insertDraft(ctx.db, {
          title: input.title || base.title,
          language: base.language,
          body: input.body ?? base.body,
          baseDocumentId: input.base,
          paragraphs: base.paragraphs,
        });
        return c.json(draft satisfies Draft, 201);
      }
      const draft = insertDraft(ctx.db, {
        title: input.title || 'Untitled draft',
        language: input.language!,
        body: input.body ?? 'General Assembly',
        paragraphs: input.paragraphs ?? [],
      });
      return c.json(draft satisfies Draft, 201);
    })
    .get('/:id', validate('param', IdParam), (c) => {
      const id = c.req.param('id');
      const draft = getDraft(ctx.db, id);
      if (!draft) throw notFound('Draft', id);
      return c.json(draft satisfies Draft, 200);
    })
    .put('/:id', limitBody, validate('param', IdParam), validate('json', UpdateDraftBody), (c) => {
      const id = c.req.param('id');
      const { version, ...patch } = c.req.valid('json');
      if (patch.baseDocumentId && !getDocument(ctx.db, patch.baseDocumentId)) {
        throw new ApiError(400, `baseDocumentId: no such document: ${patch.baseDocumentId}`);
      }
      const result = updateDraft(ctx.db, id, version, patch);
      if (result.status === 'missing') throw notFound('Draft', id);
      if (result.status === 'stale') {
        return c.json(
          {
            error: `Draft ${id} was saved elsewhere (version ${result.current.version}); this edit was based on version ${version}`,
            current: result.current,
          } satisfies DraftConflict,
          409,
        );
      }
      return c.json(result.draft satisfies Draft, 200);
    })
    .delete('/:id', validate('param', IdParam), (c) => {
      const id = c.req.param('id');
      if (!deleteDraft(ctx.db, id)) throw notFound('Draft', id);
      return c.json({ deleted: id } satisfies DeleteDraftResponse, 200);
    })
    .post('/:id/duplicate', validate('param', IdParam), validate('json', DuplicateDraftBody), (c) => {
      const id = c.req.param('id');
      const copy = duplicateDraft(ctx.db, id, c.req.valid('json').title);
      if (!copy) throw notFound('Draft', id);
      return c.json(copy satisfies Draft, 201);
    })
    .get('/:id/diff', validate('param', IdParam), validate('query', DraftDiffQuery), (c) => {
      const id = c.req.param('id');
      const draft = getDraft(ctx.db, id);
      if (!draft) throw notFound('Draft', id);
      const against = c.req.valid('query').against ?? draft.baseDocumentId;
      if (!against) throw new ApiError(400, 'against: this draft has no base document; name one with ?against=');
      const doc = getDocument(ctx.db, against);
      if (!doc) throw notFound('Document', against);
      const labels = paragraphLabels(draft.paragraphs);
      const result = diffDocuments(
        {
          document: { id: doc.id, symbol: doc.symbol, title: doc.title, language: doc.language, date: doc.date },
          paragraphs: getParagraphs(ctx.db, doc.id).map((p) => ({ id: p.id, section: p.section, label: p.label, text: p.text, number: p.number })),
        },
        {
          document: { id: draft.id, symbol: null, title: draft.title, language: draft.language, date: draft.updatedAt.slice(0, 10) },
          paragraphs: draft.paragraphs.map((p, i) => ({ id: p.id, section: p.section, label: labels[i].label, text: p.text, number: labels[i].number })),
        },
        draft.language,
      );
      return c.json(result satisfies DiffResponse, 200);
    });
}
