// How large a request body each route accepts, stated in one place and
// enforced before any route reads a byte: a body over its route's limit is a
// 413 { error } naming the limit, sent on the Content-Length alone when there
// is one, else as soon as the streamed body passes the limit. What the limits
// allow in characters and paragraphs is core/limits.ts's (the editor's too).
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DRAFT_LIMITS, SUGGEST_LIMITS } from '../../core/limits.js';
import { MAX_IMPORT_BYTES } from '../exchange/docx-import.js';
import type { ErrorBody } from './contract.js';
import { nodeBindings } from './node-request.js';

const KB = 1024;
const MB = 1024 * KB;

/** UTF-8 takes at most 3 bytes for a UTF-16 code unit (4 for a pair): CJK text is 3 bytes a character. */
const UTF8_PER_CHAR = 3;

/** The whole text plus room for the filters and JSON. */
const SUGGEST_BYTES = SUGGEST_LIMITS.text * UTF8_PER_CHAR + 64 * KB;
/** Worst case: the most paragraphs at the longest text, plus their provenance, footnotes and JSON. */
const DRAFT_BYTES = DRAFT_LIMITS.paragraphs * DRAFT_LIMITS.paragraphText * UTF8_PER_CHAR + 1 * MB;
/** The .docx itself, plus the multipart framing around it; a pasted text travels within the same limit. */
const IMPORT_BYTES = MAX_IMPORT_BYTES + 256 * KB;
/** A proposal: one paragraph's text and a note. */
const PROPOSAL_BYTES = DRAFT_LIMITS.paragraphText * UTF8_PER_CHAR + 64 * KB;
/** Every other write (a duplicate's title, a delete): a few fields. */
const OTHER_BYTES = 64 * KB;

interface RouteLimit {
  method: string;
  path: RegExp;
  bytes: number;
  /** What the body is, as the refusal names it. */
  what: string;
}

const ROUTE_LIMITS: readonly RouteLimit[] = [
  { method: 'POST', path: /^\/api\/suggest\/?$/, bytes: SUGGEST_BYTES, what: 'A suggestion request' },
  { method: 'POST', path: /^\/api\/drafts\/?$/, bytes: DRAFT_BYTES, what: 'A new draft' },
  { method: 'PUT', path: /^\/api\/drafts\/[^/]+\/?$/, bytes: DRAFT_BYTES, what: 'A draft' },
  { method: 'POST', path: /^\/api\/drafts\/[^/]+\/proposals\/?$/, bytes: PROPOSAL_BYTES, what: 'A proposal' },
  { method: 'POST', path: /^\/api\/drafts\/import\/?$/, bytes: IMPORT_BYTES, what: 'An upload (a .docx may be at most 10 MB)' },
];

const size = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(bytes % MB ? 1 : 0)} MB` : `${Math.round(bytes / KB)} KB`);

function limiter(bytes: number, what: string): MiddlewareHandler {
  const refuse = (c: Context) => c.json({ error: `${what} is over the ${size(bytes)} limit (${c.req.method} ${c.req.path})` } satisfies ErrorBody, 413);
  const counting = bodyLimit({ maxSize: bytes, onError: refuse });
  return async (c, next) => {
    // Through the Node adapter, a body sent with its length (or none) is judged
    // on the headers alone (node-request.ts says why); a chunked one is counted
    // as it streams, by Hono's limit.
    const incoming = nodeBindings(c)?.incoming;
    if (incoming && incoming.headers['transfer-encoding'] === undefined) {
      const length = incoming.headers['content-length'];
      return length !== undefined && Number(length) > bytes ? refuse(c) : next();
    }
    return counting(c, next);
  };
}

const routeLimiters = ROUTE_LIMITS.map((r) => ({ ...r, limit: limiter(r.bytes, r.what) }));
const otherLimiter = limiter(OTHER_BYTES, 'A request body');

/** For app.use before any route: each route's limit, the small default for any other. */
export const bodyLimits: MiddlewareHandler = (c, next) => {
  const route = routeLimiters.find((r) => r.method === c.req.method && r.path.test(c.req.path));
  return (route?.limit ?? otherLimiter)(c, next);
};
