// POST /api/suggest: the paragraph being typed → the closest adopted paragraphs,
// with similarity, shared passages and citations. Input is validated here (400
// naming the field); the work is the search worker's, and a request the client
// abandoned (the web app aborts a superseded one) is dropped from its queue.
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { SuggestRequest, type SuggestResponse } from '../contract.js';
import { answerSearch } from '../search-errors.js';
import { validate } from '../validate.js';

export function suggestRoutes(ctx: AppContext) {
  return new Hono().post('/', validate('json', SuggestRequest), (c) => {
    const request = c.req.valid('json');
    return answerSearch(c, async () => (await ctx.search.suggest(request, c.req.raw.signal)) satisfies Omit<SuggestResponse, 'tookMs'>);
  });
}
