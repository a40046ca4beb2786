// The drafts module's refusals (server/drafts/errors.ts) as API errors:
// invalid input → 400, a missing draft or document → 404, same message.
import { DraftError } from '../drafts/errors.js';
import { ApiError } from './errors.js';

function rethrow(e: unknown): never {
  if (e instanceof DraftError) throw new ApiError(e.kind === 'missing' ? 404 : 400, e.message);
  throw e;
}

/** Runs a handler body (sync or async), turning a DraftError into the ApiError it stands for. */
export function guard<T>(work: () => T): T {
  try {
    const out = work();
    return (out instanceof Promise ? out.catch(rethrow) : out) as T;
  } catch (e) {
    return rethrow(e);
  }
}
