// Paragraph routes: a paragraph's lineage back through its series.
import { Hono } from 'hono';
import { paragraphLineage } from '../../compare/service.js';
import type { AppContext } from '../context.js';
import { IdParam, type LineageResponse } from '../contract.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

export function paragraphRoutes(ctx: AppContext) {
  return new Hono().get('/:id/lineage', validate('param', IdParam), (c) => {
    const { id } = c.req.valid('param');
    const lineage = paragraphLineage(ctx.db, id);
    if (!lineage) throw notFound('Paragraph', id);
    return c.json(lineage satisfies LineageResponse);
  });
}
