// The diff route: paragraph alignment and inline changes between any two
// stored documents (usually two versions of one series).
import { Hono } from 'hono';
import { diffStored } from '../../compare/service.js';
import { getDocument } from '../../store/corpus.js';
import type { AppContext } from '../context.js';
import { DiffQuery, type DiffResponse } from '../contract.js';
import { ApiError, notFound } from '../errors.js';
import { validate } from '../validate.js';

export function diffRoutes(ctx: AppContext) {
  return new Hono().get('/', validate('query', DiffQuery), (c) => {
    const { from, to } = c.req.valid('query');
    if (from === to) throw new ApiError(400, 'Invalid query: from and to are the same document');
    for (const x of [from, to]) if (!getDocument(ctx.db, x)) throw notFound('Document', x);
    return c.json(diffStored(ctx.db, from, to)! satisfies DiffResponse);
  });
}
