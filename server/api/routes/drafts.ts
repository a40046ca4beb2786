// Draft routes: list, create (empty or as a rollover of a document), read,
// save (optimistic: the version edited must be the current one, else 409 with
// the current draft), delete, duplicate, and diff against the base document.
// The work is the drafts module's (server/drafts/service.ts); handlers map it to responses.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DRAFT_LIMITS, DRAFT_SECTIONS } from '../../../core/limits.js';
import { LANGUAGES } from '../../../core/model.js';
import { createDraft, deleteDraft, diffDraft, duplicateDraft, getDraft, listDrafts, saveDraft } from '../../drafts/service.js';
import type { AppContext } from '../context.js';
import { guard } from '../draft-errors.js';
import { validate } from '../validate.js';

const L = DRAFT_LIMITS;

const paragraphSchema = z.object({
  id: z.string().max(L.paragraphId).regex(/^[A-Za-z0-9_.:-]*$/, 'letters, digits and _.:- only'),
  section: z.enum(DRAFT_SECTIONS),
  text: z.string().max(L.paragraphText, `at most ${L.paragraphText} characters`),
  lead: z.string().max(500).optional(),
  source: z
    .object({
      paragraphId: z.string().max(L.paragraphId),
      documentId: z.string().max(L.paragraphId),
      citation: z.string().max(L.citation),
    })
    .nullable()
    .optional(),
  // Kept so that a save from the editor does not drop footnotes (exchange).
  footnotes: z
    .array(z.object({ marker: z.string().max(20), text: z.string().max(L.paragraphText), offset: z.number().int().min(0) }))
    .max(500)
    .optional(),
});

const paragraphsSchema = z.array(paragraphSchema).max(L.paragraphs, `at most ${L.paragraphs} paragraphs`);

const createBody = z
  .object({
    title: z.string().trim().max(L.title).optional(),
    language: z.enum(LANGUAGES).optional(),
    body: z.string().max(L.body).optional(),
    base: z.string().min(1).max(L.paragraphId).optional(),
    paragraphs: paragraphsSchema.optional(),
  })
  .refine((b) => b.language || b.base, { message: 'required unless a base document is given', path: ['language'] });

const updateBody = z.object({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(L.title).optional(),
  body: z.string().max(L.body).optional(),
  baseDocumentId: z.string().max(L.paragraphId).nullable().optional(),
  paragraphs: paragraphsSchema.optional(),
});

const duplicateBody = z.object({ title: z.string().trim().min(1).max(L.title).optional() });
const diffQuery = z.object({ against: z.string().min(1).max(L.paragraphId).optional() });

// Worst case: 500 paragraphs of 20,000 CJK characters (3 bytes each in UTF-8), plus JSON.
const MAX_BYTES = L.paragraphs * L.paragraphText * 3 + 1_000_000;
const limitBody = bodyLimit({
  maxSize: MAX_BYTES,
  onError: (c) => c.json({ error: `Request body over ${Math.round(MAX_BYTES / 1e6)} MB` }, 413),
});

export function draftRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', (c) => c.json({ drafts: listDrafts(ctx.db), limits: DRAFT_LIMITS }))
    .post('/', limitBody, validate('json', createBody), (c) => guard(() => c.json(createDraft(ctx.db, c.req.valid('json')), 201)))
    .get('/:id', (c) => guard(() => c.json(getDraft(ctx.db, c.req.param('id')), 200)))
    .put('/:id', limitBody, validate('json', updateBody), (c) =>
      guard(() => {
        const id = c.req.param('id');
        const { version, ...patch } = c.req.valid('json');
        const result = saveDraft(ctx.db, id, version, patch);
        if (result.status === 'stale') {
          return c.json(
            {
              error: `Draft ${id} was saved elsewhere (version ${result.current.version}); this edit was based on version ${version}`,
              current: result.current,
            },
            409,
          );
        }
        return c.json(result.draft, 200);
      }),
    )
    .delete('/:id', (c) =>
      guard(() => {
        const id = c.req.param('id');
        deleteDraft(ctx.db, id);
        return c.json({ deleted: id }, 200);
      }),
    )
    .post('/:id/duplicate', validate('json', duplicateBody), (c) => guard(() => c.json(duplicateDraft(ctx.db, c.req.param('id'), c.req.valid('json').title), 201)))
    .get('/:id/diff', validate('query', diffQuery), (c) => guard(() => c.json(diffDraft(ctx.db, c.req.param('id'), c.req.valid('query').against), 200)));
}
