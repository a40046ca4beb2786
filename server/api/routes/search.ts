// GET /api/search: agreed-language search. phrase=1 → paragraphs containing the
// phrase exactly (width and space normalised) with match offsets; otherwise
// ranked keyword search. Paged, with a total and the time it took.
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { SearchQuery, type SearchResponse } from '../contract.js';
import { timed } from '../timed.js';
import { validate } from '../validate.js';

export function searchRoutes(ctx: AppContext) {
  return new Hono().get('/', validate('query', SearchQuery), (c) => {
    const { phrase, ...rest } = c.req.valid('query');
    const response = timed(() => ctx.search.search({ ...rest, phrase: phrase === '1' || phrase === 'true' }));
    return c.json(response satisfies SearchResponse);
  });
}
