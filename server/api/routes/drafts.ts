// Draft routes, each for the signed-in user and within their access (the
// drafts service checks it: no access 404, read-only 403): list (paged), create (empty
// or as a rollover of a document), read, save (optimistic: the version edited
// must be the current one, else 409 with the current draft), delete,
// duplicate, diff (against a document or between two kept versions), sharing,
// and the history of versions with restore and named revisions (Rev.1).
import { Hono } from 'hono';
import { DRAFT_LIMITS } from '../../../core/limits.js';
import * as drafts from '../../drafts/service.js';
import type { SaveResult } from '../../drafts/service.js';
import type { AppContext, AppEnv } from '../context.js';
import {
  CreateDraftBody,
  DraftDiffQuery,
  DraftListQuery,
  DuplicateDraftBody,
  IdParam,
  RevisionBody,
  ShareBody,
  ShareParam,
  UpdateDraftBody,
  VersionParam,
  type DeleteDraftResponse,
  type DiffResponse,
  type Draft,
  type DraftConflict,
  type DraftListResponse,
  type DraftShare,
  type OkResponse,
  type SharesResponse,
  type VersionInfo,
  type VersionResponse,
  type VersionsResponse,
} from '../contract.js';
import { guard } from '../refusals.js';
import { actorOf, clientAddress, requireUser } from '../session.js';
import { validate } from '../validate.js';
import type { Context } from 'hono';

/** A save's answer: the draft, or 409 with the draft as saved elsewhere. */
function saved(c: Context, id: string, basedOn: number, result: SaveResult) {
  if (result.status === 'stale') {
    return c.json(
      {
        error: `Draft ${id} was saved elsewhere (version ${result.current.version}); this edit was based on version ${basedOn}`,
        current: result.current,
      } satisfies DraftConflict,
      409,
    );
  }
  return c.json(result.draft satisfies Draft, 200);
}

export function draftRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', requireUser)
    .get('/', validate('query', DraftListQuery), async (c) => {
      const page = c.req.valid('query');
      return c.json({ ...(await drafts.listDrafts(ctx, actorOf(c), page)), ...page, limits: DRAFT_LIMITS } satisfies DraftListResponse);
    })
    .post('/', validate('json', CreateDraftBody), (c) => guard(async () => c.json(await drafts.createDraft(ctx, actorOf(c), c.req.valid('json')) satisfies Draft, 201)))
    .get('/:id', validate('param', IdParam), (c) =>
      guard(async () => {
        const { id } = c.req.valid('param');
        return c.json((await drafts.getDraftForEditor(ctx, actorOf(c), id)) satisfies Draft, 200);
      }),
    )
    .put('/:id', validate('param', IdParam), validate('json', UpdateDraftBody), (c) =>
      guard(async () => {
        const { id } = c.req.valid('param');
        const { version, ...patch } = c.req.valid('json');
        return saved(c, id, version, await drafts.saveDraft(ctx, actorOf(c), id, version, patch));
      }),
    )
    .delete('/:id', validate('param', IdParam), (c) =>
      guard(async () => {
        const { id } = c.req.valid('param');
        await drafts.deleteDraft(ctx, actorOf(c), id, clientAddress(c));
        return c.json({ deleted: id } satisfies DeleteDraftResponse, 200);
      }),
    )
    .post('/:id/duplicate', validate('param', IdParam), validate('json', DuplicateDraftBody), (c) =>
      guard(async () => c.json(await drafts.duplicateDraft(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json').title) satisfies Draft, 201)),
    )
    .get('/:id/diff', validate('param', IdParam), validate('query', DraftDiffQuery), (c) =>
      guard(async () => {
        const { against, fromVersion, toVersion } = c.req.valid('query');
        const target = fromVersion !== undefined && toVersion !== undefined ? { fromVersion, toVersion } : { against };
        return c.json(await drafts.diffDraft(ctx, actorOf(c), c.req.valid('param').id, target) satisfies DiffResponse, 200);
      }),
    )
    .get('/:id/shares', validate('param', IdParam), (c) => guard(async () => c.json({ shares: await drafts.listShares(ctx, actorOf(c), c.req.valid('param').id) } satisfies SharesResponse, 200)))
    .post('/:id/shares', validate('param', IdParam), validate('json', ShareBody), (c) =>
      guard(async () => c.json(await drafts.shareDraft(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json'), clientAddress(c)) satisfies DraftShare, 201)),
    )
    .delete('/:id/shares/:shareId', validate('param', ShareParam), (c) =>
      guard(async () => {
        const { id, shareId } = c.req.valid('param');
        await drafts.unshareDraft(ctx, actorOf(c), id, shareId, clientAddress(c));
        return c.json({ ok: true } satisfies OkResponse, 200);
      }),
    )
    .get('/:id/versions', validate('param', IdParam), (c) => guard(async () => c.json({ versions: await drafts.listVersions(ctx, actorOf(c), c.req.valid('param').id) } satisfies VersionsResponse, 200)))
    .get('/:id/versions/:version', validate('param', VersionParam), (c) =>
      guard(async () => {
        const { id, version } = c.req.valid('param');
        return c.json(await drafts.getVersion(ctx, actorOf(c), id, version) satisfies VersionResponse, 200);
      }),
    )
    .post('/:id/revisions', validate('param', IdParam), validate('json', RevisionBody), (c) =>
      guard(async () => c.json(await drafts.nameRevision(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json').name, clientAddress(c)) satisfies VersionInfo, 201)),
    )
    .post('/:id/versions/:version/restore', validate('param', VersionParam), (c) =>
      guard(async () => {
        const { id, version } = c.req.valid('param');
        const result = await drafts.restoreVersion(ctx, actorOf(c), id, version, clientAddress(c));
        return saved(c, id, version, result);
      }),
    );
}
