// Draft routes: list, create (empty or as a rollover of a document), read,
// save (optimistic: the version edited must be the current one, else 409 with
// the current draft), delete, duplicate, and diff against the base document.
// The work is the drafts module's (server/drafts/service.ts); handlers map it to responses.
import { Hono } from 'hono';
import { DRAFT_LIMITS } from '../../../core/limits.js';
import { createDraft, deleteDraft, diffDraft, duplicateDraft, getDraft, listDrafts, saveDraft } from '../../drafts/service.js';
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
} from '../contract.js';
import { guard } from '../draft-errors.js';
import { validate } from '../validate.js';

export function draftRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', (c) => c.json({ drafts: listDrafts(ctx.db), limits: DRAFT_LIMITS } satisfies DraftListResponse))
    .post('/', validate('json', CreateDraftBody), (c) => guard(() => c.json(createDraft(ctx.db, c.req.valid('json')) satisfies Draft, 201)))
    .get('/:id', validate('param', IdParam), (c) => guard(() => c.json(getDraft(ctx.db, c.req.valid('param').id) satisfies Draft, 200)))
    .put('/:id', validate('param', IdParam), validate('json', UpdateDraftBody), (c) =>
      guard(() => {
        const { id } = c.req.valid('param');
        const { version, ...patch } = c.req.valid('json');
        const result = saveDraft(ctx.db, id, version, patch);
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
      }),
    )
    .delete('/:id', validate('param', IdParam), (c) =>
      guard(() => {
        const { id } = c.req.valid('param');
        deleteDraft(ctx.db, id);
        return c.json({ deleted: id } satisfies DeleteDraftResponse, 200);
      }),
    )
    .post('/:id/duplicate', validate('param', IdParam), validate('json', DuplicateDraftBody), (c) =>
      guard(() => c.json(duplicateDraft(ctx.db, c.req.valid('param').id, c.req.valid('json').title) satisfies Draft, 201)),
    )
    .get('/:id/diff', validate('param', IdParam), validate('query', DraftDiffQuery), (c) =>
      guard(() => c.json(diffDraft(ctx.db, c.req.valid('param').id, c.req.valid('query').against) satisfies DiffResponse, 200)),
    );
}
