// POST /api/suggest: the paragraph being typed → the closest adopted paragraphs,
// with similarity, shared passages and citations. Input is validated here (400
// naming the field); the work is the search service's.
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { SuggestRequest, type SuggestResponse } from '../contract.js';
import { timed } from '../timed.js';
import { validate } from '../validate.js';

export function suggestRoutes(ctx: AppContext) {
  return new Hono().post('/', validate('json', SuggestRequest), (c) => {
    const request = c.req.valid('json');
    const response = timed(() => ctx.search.suggest(request));
    return c.json(response satisfies SuggestResponse);
  });
}
