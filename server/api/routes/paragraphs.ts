// Paragraph routes: a paragraph's lineage back through its series.
import { Hono } from 'hono';
import { paragraphLineage } from '../../compare/service.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';

export function paragraphRoutes(ctx: AppContext) {
  return new Hono().get('/:id/lineage', (c) => {
    const id = c.req.param('id');
    const lineage = paragraphLineage(ctx.db, id);
    if (!lineage) throw notFound('Paragraph', id);
    return c.json(lineage);
  });
}
