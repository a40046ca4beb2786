// GET /api/search: agreed-language search. phrase=1 → paragraphs containing the
// phrase exactly (width and space normalised) with match offsets; otherwise
// ranked keyword search. Paged, with a total.
import { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_KINDS, LANGUAGES } from '../../model.js';
import type { SearchResponse } from '../../search/phrase.js';
import type { AppContext } from '../context.js';
import { validate } from '../validate.js';
import { isoDate } from './suggest.js';

export type { SearchResponse, SearchHit, SearchRequest } from '../../search/phrase.js';

const searchQuery = z
  .strictObject({
    q: z
      .string()
      .max(1000, 'must be at most 1000 characters')
      .refine((q) => q.trim().length > 0, 'must not be empty'),
    phrase: z.enum(['0', '1', 'true', 'false']).optional(),
    language: z.enum(LANGUAGES).optional(),
    kind: z.enum(DOCUMENT_KINDS).optional(),
    body: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { message: '"from" is after "to"', path: ['from'] });

export function searchRoutes(ctx: AppContext) {
  return new Hono().get('/', validate('query', searchQuery), (c) => {
    const { phrase, ...rest } = c.req.valid('query');
    const response: SearchResponse = ctx.search.search({ ...rest, phrase: phrase === '1' || phrase === 'true' });
    return c.json(response);
  });
}
