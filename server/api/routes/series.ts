// Series routes: recurring resolutions grouped per language, and one series
// with each version's paragraph counts.
import { Hono } from 'hono';
import { getSeries, listSeries } from '../../compare/service.js';
import type { AppContext } from '../context.js';
import { IdParam, SeriesQuery, type SeriesListResponse, type SeriesResponse } from '../contract.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

export function seriesRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', validate('query', SeriesQuery), (c) => {
      const { language } = c.req.valid('query');
      return c.json({ series: listSeries(ctx.db, language) } satisfies SeriesListResponse);
    })
    .get('/:id', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      const series = getSeries(ctx.db, id);
      if (!series) throw notFound('Series', id);
      return c.json({ series } satisfies SeriesResponse);
    });
}
