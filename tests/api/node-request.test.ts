// The API over real HTTP, as the server runs it (@hono/node-server): bodies
// are read from Node's own stream and limited on their length without Hono
// building a WHATWG Request (server/api/node-request.ts), so these check what
// a client sees on the wire — a save stored, a suggestion answered, a
// malformed body refused, a body over its limit refused whether its length is
// declared or streamed, and a client that leaves seen as gone.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSignal } from '../../server/api/node-request.js';
import { searchingApp, type App, type Client } from '../helpers/api.js';

/** Serves `fetch` on a free loopback port; its base URL. */
async function listen(fetch: (request: Request, env: unknown) => Response | Promise<Response>): Promise<{ url: string; server: ServerType }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, server }));
  });
}

/** Stops `server`, its idle keep-alive connections too (else close waits seconds for them). */
function close(server: ServerType): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request written by hand: `chunks` sent one write each, chunked unless a content-length header is given. */
function rawRequest(url: string, method: string, path: string, headers: Record<string, string>, chunks: string[]): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    // A server that refuses early closes while the rest is still being written: that write's error is expected.
    req.on('socket', (socket) => socket.on('error', () => {}));
    for (const chunk of chunks) req.write(chunk, () => {});
    req.end();
  });
}

describe('the API over real HTTP', () => {
  let client: Client;
  let closeApp: () => Promise<void>;
  let url: string;
  let server: ServerType;

  beforeAll(async () => {
    let app: Client & { app: App };
    ({ client: app, close: closeApp } = await searchingApp());
    client = app;
    ({ url, server } = await listen(app.app.fetch));
  });
  afterAll(async () => {
    await close(server);
    await closeApp();
  });

  const asUser = (headers: Record<string, string> = {}) => ({ cookie: client.cookie, 'content-type': 'application/json', ...headers });

  async function newDraft(): Promise<{ id: string; version: number }> {
    const res = await fetch(`${url}/api/drafts`, { method: 'POST', headers: asUser(), body: JSON.stringify({ title: 'On the wire', language: 'en' }) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; version: number };
  }

  const stored = async (id: string) => (await (await fetch(`${url}/api/drafts/${id}`, { headers: asUser() })).json()) as { version: number; paragraphs: { text: string }[] };

  it('stores a save and answers a suggestion sent as JSON', async () => {
    const draft = await newDraft();
    const text = 'Reaffirms the importance of international cooperation — 加强国际合作';
    const save = await fetch(`${url}/api/drafts/${draft.id}`, {
      method: 'PUT',
      headers: asUser(),
      body: JSON.stringify({ version: draft.version, paragraphs: [{ id: 'op1', section: 'operative', text }] }),
    });
    expect(save.status).toBe(200);
    expect((await stored(draft.id)).paragraphs[0]!.text).toBe(text);

    const suggest = await fetch(`${url}/api/suggest`, { method: 'POST', headers: asUser(), body: JSON.stringify({ text: 'Reaffirms the importance of international cooperation', language: 'en' }) });
    expect(suggest.status, await suggest.clone().text()).toBe(200);
    const body = (await suggest.json()) as { results: { citation: string }[] };
    expect(body.results.length).toBeGreaterThan(0);
  });

  it('refuses a malformed body with 400 and keeps the draft as it was', async () => {
    const draft = await newDraft();
    const res = await fetch(`${url}/api/drafts/${draft.id}`, { method: 'PUT', headers: asUser(), body: '{"version": 1, "paragraphs": [' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
    expect((await stored(draft.id)).version).toBe(draft.version);
  });

  it('refuses a body whose declared length is over the limit before it is sent, naming the limit', async () => {
    // Declared 50 MB, nothing sent: the answer comes on the header alone.
    const res = await new Promise<Raw>((resolve, reject) => {
      const req = httpRequest(`${url}/api/suggest`, { method: 'POST', headers: asUser({ 'content-length': String(50 * 1024 * 1024) }) }, (r) => {
        let body = '';
        r.setEncoding('utf8').on('data', (d: string) => (body += d));
        r.on('end', () => {
          req.destroy();
          resolve({ status: r.statusCode!, headers: r.headers, body });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: expect.stringMatching(/A suggestion request is over the \d+ KB limit/) });
  });

  it('counts a chunked body as it streams: under the limit it is saved, over it refused and nothing stored', async () => {
    const draft = await newDraft();
    const body = JSON.stringify({ version: draft.version, paragraphs: [{ id: 'op1', section: 'operative', text: 'Sent in pieces;' }] });
    const pieces = [body.slice(0, 20), body.slice(20, 40), body.slice(40)];
    const saved = await rawRequest(url, 'PUT', `/api/drafts/${draft.id}`, asUser(), pieces);
    expect(saved.headers['content-type']).toMatch(/json/);
    expect(saved.status).toBe(200);
    expect((await stored(draft.id)).paragraphs[0]!.text).toBe('Sent in pieces;');

    const huge = 'x'.repeat(1024 * 1024);
    const over = await rawRequest(url, 'POST', '/api/suggest', asUser(), ['{"language":"en","text":"', ...Array.from({ length: 8 }, () => huge), '"}']);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toMatchObject({ error: expect.stringMatching(/over the \d+ KB limit/) });
  });
});

describe("clientSignal (a route's sign that its client has gone)", () => {
  it('aborts when the client leaves before the answer, and not after an answer', async () => {
    const seen: { path: string; aborted: boolean }[] = [];
    let answer: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (answer = resolve));
    const app = new Hono()
      .get('/slow', async (c) => {
        const signal = clientSignal(c);
        const gone = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        answer();
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        seen.push({ path: '/slow', aborted: signal.aborted });
        return c.text('late');
      })
      .get('/quick', (c) => {
        const signal = clientSignal(c);
        c.header('x-check', 'later');
        setTimeout(() => seen.push({ path: '/quick', aborted: signal.aborted }), 200);
        return c.text('ok');
      });
    const { url, server } = await listen(app.fetch);
    try {
      expect(await (await fetch(`${url}/quick`)).text()).toBe('ok');
      const controller = new AbortController();
      const leaving = fetch(`${url}/slow`, { signal: controller.signal }).catch(() => 'left');
      await waiting;
      controller.abort();
      expect(await leaving).toBe('left');
      await expect.poll(() => seen.length, { timeout: 3000 }).toBe(2);
      expect(seen).toContainEqual({ path: '/quick', aborted: false });
      expect(seen).toContainEqual({ path: '/slow', aborted: true });
    } finally {
      await close(server);
    }
  });
});
