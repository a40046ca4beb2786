// Live editing in API tests: the real app and its live editing socket served
// on a free loopback port (as server/main.ts serves them), and co-editors that
// connect to it as a browser would (Hocuspocus provider over a WebSocket that
// carries the user's session cookie and the page's Origin).
import { serve } from '@hono/node-server';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Server } from 'node:http';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { attachLiveEditing } from '../../server/live/socket.js';
import type { App } from './api.js';
import type { AppContext } from '../../server/api/context.js';
import { freePort } from './ports.js';

export interface LiveServer {
  port: number;
  origin: string;
  close(): Promise<void>;
}

export async function serveLive(app: App, ctx: AppContext): Promise<LiveServer> {
  const port = await freePort();
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  attachLiveEditing(server, app, ctx.live);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await ctx.live.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A WebSocket class whose sockets carry these headers (the browser sends the cookie and Origin itself). */
export function socketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export interface CoEditor {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves when the first sync is done; rejects when the server refused the draft. */
  synced: Promise<void>;
  /** Resolves when the server has acknowledged every change made so far. */
  acknowledged(): Promise<void>;
  close(): void;
}

export function coEditor(server: LiveServer, draftId: string, cookie: string, origin = server.origin): CoEditor {
  const doc = new Y.Doc();
  let refused: (reason: Error) => void = () => undefined;
  let done: () => void = () => undefined;
  const synced = new Promise<void>((resolve, reject) => {
    done = resolve;
    refused = reject;
  });
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${server.port}/api/live`, WebSocketPolyfill: socketWith({ cookie, origin }) });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: draftId,
    document: doc,
    token: 'session-cookie',
    onSynced: () => done(),
    onAuthenticationFailed: ({ reason }) => refused(new Error(`refused: ${reason}`)),
  });
  provider.attach();
  const acknowledged = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (provider.unsyncedChanges === 0) {
          provider.off('unsyncedChanges', check);
          resolve();
        }
      };
      provider.on('unsyncedChanges', check);
      check();
    });
  return {
    doc,
    provider,
    synced,
    acknowledged,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits until `condition` holds (checked every 20 ms), or fails after `ms`. */
export async function until(condition: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
