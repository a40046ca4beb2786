// Series routes: recurring resolutions grouped per language, and one series
// with each version's paragraph counts.
import { Hono } from 'hono';
import { z } from 'zod';
import { LANGUAGES } from '../../model.js';
import { getSeries, listSeries } from '../../compare/service.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

const listQuery = z.object({ language: z.enum(LANGUAGES).optional() });

export function seriesRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', validate('query', listQuery), (c) => {
      const { language } = c.req.valid('query');
      return c.json({ series: listSeries(ctx.db, language) });
    })
    .get('/:id', (c) => {
      const id = c.req.param('id');
      const series = getSeries(ctx.db, id);
      if (!series) throw notFound('Series', id);
      return c.json({ series });
    });
}
