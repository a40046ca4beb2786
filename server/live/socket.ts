// Opens live editing sockets on the HTTP server: an upgrade to /api/live is
// first asked of the app itself (routes/live.ts: Host, cross-site and session
// checks, the same as every API request), and only its 200 opens the socket,
// which Hocuspocus then serves (authentication per draft, server/live/live-drafts.ts).
import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { LIVE_PATH } from '../api/routes/live.js';
import type { LiveDrafts } from './live-drafts.js';

/** The largest message a browser may send: a paste of a whole long draft is far below it. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

interface Fetcher {
  fetch(request: Request): Response | Promise<Response>;
}

function requestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers });
}

function refuse(socket: Duplex, status: number, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function attachLiveEditing(server: Server, app: Fetcher, live: LiveDrafts): void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== LIVE_PATH) return refuse(socket, 404, JSON.stringify({ error: `No WebSocket at ${path}: live editing is at ${LIVE_PATH}` }));
    void Promise.resolve(app.fetch(requestOf(req))).then(
      async (gate) => {
        if (gate.status !== 200) return refuse(socket, gate.status, await gate.text());
        sockets.handleUpgrade(req, socket, head, (ws) => live.server.handleConnection(ws, req));
      },
      () => refuse(socket, 500, JSON.stringify({ error: 'Live editing could not check this connection' })),
    );
  });
}
