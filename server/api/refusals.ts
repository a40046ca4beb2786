// Feature refusals as API errors: the drafts module's (server/drafts/errors.ts):
// invalid input → 400, a missing (or hidden) draft or document → 404, a write
// with read access → 403, a proposal already decided → 409; an accounts refusal → its status (accounts/errors.ts);
// an import stopped by a limit (exchange/docx-import-thread.ts) → 413, 503 or 504.
import { AccountError } from '../accounts/errors.js';
import { DraftError } from '../drafts/errors.js';
import { ImportOverLimit } from '../exchange/docx-import-thread.js';
import { ApiError } from './errors.js';

const DRAFT_STATUS = { invalid: 400, missing: 404, forbidden: 403, conflict: 409 } as const;
const ACCOUNT_STATUS = { invalid: 400, unauthenticated: 401, forbidden: 403, conflict: 409, throttled: 429 } as const;

function rethrow(e: unknown): never {
  if (e instanceof DraftError) throw new ApiError(DRAFT_STATUS[e.kind], e.message);
  if (e instanceof AccountError) {
    throw new ApiError(ACCOUNT_STATUS[e.kind], e.message, undefined, e.retryAfterSeconds ? { 'Retry-After': String(e.retryAfterSeconds) } : undefined);
  }
  if (e instanceof ImportOverLimit) throw new ApiError(e.status, e.message, undefined, e.retryAfterS ? { 'Retry-After': String(e.retryAfterS) } : undefined);
  throw e;
}

/** Runs a handler body (sync or async), turning a DraftError, AccountError or ImportOverLimit into the ApiError it stands for. */
export function guard<T>(work: () => T): T {
  try {
    const out = work();
    return (out instanceof Promise ? out.catch(rethrow) : out) as T;
  } catch (e) {
    return rethrow(e);
  }
}
