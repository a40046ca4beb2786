// Search's refusals (server/search/search-worker.ts) as API answers: the index
// loading or building, or the queue full → 503 with Retry-After and the reason;
// over the time budget → 504. A client that left gets nothing worth sending.
import type { Context } from 'hono';
import { SearchTimeout, SearchUnavailable } from '../search/search-worker.js';
import type { ErrorBody } from './contract.js';
import { timed } from './timed.js';

/** Runs a search for a route and answers its result as JSON (with tookMs), or the refusal. */
export async function answerSearch<T extends object>(c: Context, work: () => Promise<T>): Promise<Response> {
  try {
    return c.json(await timed(work));
  } catch (err) {
    if (err instanceof SearchUnavailable) {
      return c.json({ error: err.message } satisfies ErrorBody, 503, { 'Retry-After': String(err.retryAfterS) });
    }
    if (err instanceof SearchTimeout) return c.json({ error: err.message } satisfies ErrorBody, 504);
    throw err;
  }
}
