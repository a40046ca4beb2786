// GET /api/search: agreed-language search. phrase=1 → paragraphs containing the
// phrase exactly (width and space normalised) with match offsets; otherwise
// ranked keyword search (a long query pruned to its rarest words). Paged, with
// a total and the time it took. Runs in the search worker; a client that
// leaves takes its queued search with it.
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { SearchQuery, type SearchResponse } from '../contract.js';
import { clientSignal } from '../node-request.js';
import { answerSearch } from '../search-errors.js';
import { validate } from '../validate.js';

export function searchRoutes(ctx: AppContext) {
  return new Hono().get('/', validate('query', SearchQuery), (c) => {
    const { phrase, ...rest } = c.req.valid('query');
    return answerSearch(c, async () => (await ctx.search.search({ ...rest, phrase: phrase === '1' || phrase === 'true' }, clientSignal(c))) satisfies Omit<SearchResponse, 'tookMs'>);
  });
}
