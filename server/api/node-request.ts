// What the API needs of a request that came through @hono/node-server — its
// body's length, its JSON body, and a signal for a client that has gone —
// read from Node's own request and response, so that no WHATWG Request is
// built for it. The adapter builds one (an undici Request over web streams)
// the first time `c.req.raw.body` or `.signal` is touched or a body is read:
// Hono's body limit touched it on every request, and under a hundred drafters
// that was the largest single cost on the main thread, the thread every save
// and health check waits for. Elsewhere (app.request in tests, other
// runtimes) each falls back to Hono's own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { text } from 'node:stream/consumers';
import type { Context, MiddlewareHandler } from 'hono';

/** What @hono/node-server passes as the context's env. */
interface NodeBindings {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
}

export function nodeBindings(c: Context): NodeBindings | null {
  const env = c.env as Partial<NodeBindings> | undefined;
  return env?.incoming && env.outgoing ? (env as NodeBindings) : null;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * For app.use after the body limits: a JSON body with a Content-Length (which
 * the limit has checked) is read from Node's stream into Hono's body cache,
 * where c.req.json() and the json validator find it. A body without a length
 * (chunked) goes Hono's way, through the limit's own counting stream.
 */
export const readJsonBody: MiddlewareHandler = async (c, next) => {
  const incoming = nodeBindings(c)?.incoming;
  if (incoming && incoming.headers['content-length'] !== undefined && JSON_TYPE.test(incoming.headers['content-type'] ?? '') && !incoming.readableEnded) {
    // A client gone mid-body rejects here: the route never runs for half a body.
    const body = await text(incoming);
    // Hono keeps promises in its body cache (c.req.json() calls .then on the text), whatever its type says.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(body);
  }
  await next();
};

/**
 * Aborted when the client goes before its answer is written (as Hono's
 * c.req.raw.signal is), so that its search stops.
 */
export function clientSignal(c: Context): AbortSignal {
  const node = nodeBindings(c);
  if (!node) return c.req.raw.signal;
  const { incoming, outgoing } = node;
  const controller = new AbortController();
  if (outgoing.destroyed && !outgoing.writableFinished) controller.abort('Client connection prematurely closed.');
  outgoing.once('close', () => {
    if (incoming.errored) controller.abort(incoming.errored.toString());
    else if (!outgoing.writableFinished) controller.abort('Client connection prematurely closed.');
  });
  return controller.signal;
}
