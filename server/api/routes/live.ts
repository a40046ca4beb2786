// GET /api/live: where browsers open the live editing socket (server/live/).
// The socket's opening request passes through the whole API first, as this
// route: the Host and cross-site checks (security.ts) and the session; only
// a signed-in user's own pages get 200, and the socket is opened. Anything
// else that asks here is told it is a socket.
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { ErrorBody, OkResponse } from '../contract.js';
import { requireUser } from '../session.js';

export const LIVE_PATH = '/api/live';

export function liveRoutes() {
  return new Hono<AppEnv>().use('*', requireUser).get('/', (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      return c.json({ error: 'Upgrade required: /api/live is the live editing WebSocket (Yjs over Hocuspocus)' } satisfies ErrorBody, 426);
    }
    return c.json({ ok: true } satisfies OkResponse, 200);
  });
}
