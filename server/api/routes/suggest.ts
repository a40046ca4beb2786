// POST /api/suggest: the paragraph being typed → the closest adopted paragraphs,
// with similarity, shared passages and citations. Input is validated here (400
// naming the field); the work is the search service's.
import { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_KINDS, LANGUAGES } from '../../model.js';
import { MAX_LIMIT, MAX_QUERY_CHARS, type SuggestResponse } from '../../search/suggest.js';
import type { AppContext } from '../context.js';
import { validate } from '../validate.js';

export type { SuggestResponse, SuggestResult, SuggestRequest, SuggestFilters, VersionRef, SharedPassage } from '../../search/suggest.js';

export const isoDate = z.iso.date('must be an ISO date (yyyy-mm-dd)');

const filters = z
  .strictObject({
    language: z.enum(LANGUAGES).optional(),
    kind: z.union([z.enum(DOCUMENT_KINDS), z.array(z.enum(DOCUMENT_KINDS)).min(1)]).optional(),
    body: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    documents: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    excludeDocuments: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    collapseSeries: z.boolean().optional(),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { message: '"from" is after "to"', path: ['from'] });

export const suggestBody = z
  .strictObject({
    // Not trimmed: shared-passage offsets point into the text exactly as sent.
    text: z
      .string()
      .max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`)
      .refine((t) => t.trim().length > 0, 'must not be empty'),
    language: z.enum(LANGUAGES).optional(),
    limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
    filters: filters.optional(),
  })
  .refine((b) => !(b.language && b.filters?.language && b.language !== b.filters.language), {
    message: 'differs from filters.language: precedents are searched in the language of the text',
    path: ['language'],
  });

export function suggestRoutes(ctx: AppContext) {
  return new Hono().post('/', validate('json', suggestBody), (c) => {
    const response: SuggestResponse = ctx.search.suggest(c.req.valid('json'));
    return c.json(response);
  });
}
