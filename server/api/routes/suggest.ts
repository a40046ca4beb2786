// POST /api/suggest: the paragraph being typed → the closest adopted paragraphs,
// with similarity, shared passages and citations, and (with `also`) each one's
// translation into a second language. Input is validated here (400 naming the
// field); the work is the search service's and the translations module's.
import { Hono } from 'hono';
import { withTranslations } from '../../compare/translations.js';
import type { AppContext } from '../context.js';
import { SuggestRequest, type SuggestResponse } from '../contract.js';
import { timed } from '../timed.js';
import { validate } from '../validate.js';

export function suggestRoutes(ctx: AppContext) {
  return new Hono().post('/', validate('json', SuggestRequest), (c) => {
    const { also, ...request } = c.req.valid('json');
    const response = timed(() => withTranslations(ctx.db, ctx.search.suggest(request), also));
    return c.json(response satisfies SuggestResponse);
  });
}
