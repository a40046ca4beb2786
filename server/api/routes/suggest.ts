// POST /api/suggest: the paragraph being typed → the closest adopted paragraphs,
// with similarity, shared passages and citations, and (with `also`) each one's
// translation into a second language. Input is validated here (400 naming the
// field); the work is the search worker's (a request the client abandoned —
// the web app aborts a superseded one — is dropped from its queue) and the
// translations module's.
import { Hono } from 'hono';
import { withTranslations } from '../../compare/translations.js';
import type { AppContext } from '../context.js';
import { SuggestRequest, type SuggestResponse } from '../contract.js';
import { clientSignal } from '../node-request.js';
import { answerSearch } from '../search-errors.js';
import { validate } from '../validate.js';

export function suggestRoutes(ctx: AppContext) {
  return new Hono().post('/', validate('json', SuggestRequest), (c) => {
    const { also, ...request } = c.req.valid('json');
    return answerSearch(c, async () => withTranslations(ctx.db, await ctx.search.suggest(request, clientSignal(c)), also) satisfies Omit<SuggestResponse, 'tookMs'>);
  });
}
