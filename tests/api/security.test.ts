// A server safe on a network, through the real Hono app over a copy of the
// bundled corpus: Host names it does not serve refused (DNS rebinding), writes
// from other sites refused, security and caching headers on API and web app
// answers, 413 for oversized bodies, hostile .docx files refused with a 400
// saying why, file names cut on whole characters, and paragraph provenance
// checked against the corpus.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import type { Draft, DraftSource } from '../../server/drafts/model.js';
import { getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { signIn, type Client } from '../helpers/api.js';
import { testContext } from '../helpers/store.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { documentXml, zipBytes } from '../helpers/zip-bytes.js';

const PUBLIC = 'https://precedent.example.org';

let db: Db;
/** A signed-in member's requests: the refusals below come before (or beside) access checks. */
let app: Client;
let webDir: string;

beforeAll(async () => {
  db = openCorpusCopy().db;
  // A stand-in for the built web app: the page and one hashed asset, as Vite names them.
  webDir = mkdtempSync(join(tmpdir(), 'precedent-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Precedent</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
  writeFileSync(join(webDir, 'assets/index-Ab12Cd34.js'), 'console.log("app")');
  app = await signIn(createApp(await testContext(db), { webDir, origins: [PUBLIC] }), db, 'Security');
});
afterAll(() => {
  db.close();
  rmSync(webDir, { recursive: true, force: true });
});

const draftCount = () => (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function newDraft(body: unknown = { language: 'en', title: 'Security test' }): Promise<Draft> {
  const res = await post('/api/drafts', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Draft;
}

function uploadForm(bytes: Uint8Array, name = 'draft.docx') {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  return form;
}

async function upload(bytes: Uint8Array) {
  const res = await app.request('/api/drafts/import', { method: 'POST', body: uploadForm(bytes) });
  return { status: res.status, body: (await res.json()) as { draft?: Draft; error?: string } };
}

describe('Host names (DNS rebinding)', () => {
  it('refuses a Host that is not localhost, an address or a configured origin, with a JSON error naming it', async () => {
    for (const path of ['/api/health', '/api/drafts', '/']) {
      const res = await app.request(path, { headers: { host: 'rebind.attacker.example:8787' } });
      expect(res.status, path).toBe(421);
      expect(await errorOf(res)).toMatch(/Host "rebind\.attacker\.example:8787" is not one this server answers to.*PRECEDENT_ORIGINS/);
    }
    // A name that merely contains an allowed one is not it.
    expect((await app.request('/api/health', { headers: { host: 'localhost.attacker.example' } })).status).toBe(421);
    expect((await app.request('/api/health', { headers: { host: 'precedent.example.org.attacker.example' } })).status).toBe(421);
  });

  it('answers localhost, loopback and other addresses on any port, and the configured public origin', async () => {
    for (const host of ['localhost:8787', 'localhost:5173', '127.0.0.1:8787', '[::1]:8787', '192.168.1.20:8787', 'precedent.example.org', 'precedent.example.org:443']) {
      expect((await app.request('/api/health', { headers: { host } })).status, host).toBe(200);
    }
    // Without PRECEDENT_ORIGINS only the loopback names and addresses are served.
    const plain = createApp(await testContext(db), { origins: [] });
    expect((await plain.request('/api/health', { headers: { host: 'precedent.example.org' } })).status).toBe(421);
    expect((await plain.request('/api/health', { headers: { host: 'localhost:8787' } })).status).toBe(200);
  });

  it('refuses to start with an origin that is not one', async () => {
    const ctx = await testContext(db);
    expect(() => createApp(ctx, { origins: ['precedent.example.org'] })).toThrow(/PRECEDENT_ORIGINS: "precedent\.example\.org" is not an origin/);
    expect(() => createApp(ctx, { origins: ['https://precedent.example.org/app'] })).toThrow(/not an origin/);
  });
});

describe('cross-site writes', () => {
  it('refuses a JSON write, a delete and a multipart upload from another site, and stores nothing', async () => {
    const draft = await newDraft();
    const before = draftCount();
    const attempts: Array<[string, Response | Promise<Response>]> = [
      ['Origin', post('/api/drafts', { language: 'en' }, { origin: 'https://attacker.example' })],
      ['Sec-Fetch-Site cross-site', post('/api/drafts', { language: 'en' }, { 'sec-fetch-site': 'cross-site' })],
      ['Sec-Fetch-Site same-site', post('/api/drafts', { language: 'en' }, { 'sec-fetch-site': 'same-site' })],
      ['opaque Origin', post('/api/drafts', { language: 'en' }, { origin: 'null' })],
      ['delete', app.request(`/api/drafts/${draft.id}`, { method: 'DELETE', headers: { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' } })],
      ['put', app.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: 'http://localhost:9999' }, body: JSON.stringify({ version: 1, title: 'Hijacked' }) })],
      ['multipart', app.request('/api/drafts/import', { method: 'POST', headers: { origin: 'https://attacker.example' }, body: uploadForm(new TextEncoder().encode('x')) })],
      ['form', app.request('/api/drafts/import', { method: 'POST', headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, body: 'Title\n1. Decides.' })],
    ];
    for (const [what, pending] of attempts) {
      const res = await pending;
      expect(res.status, what).toBe(403);
      expect(await errorOf(res), what).toMatch(/^Cross-site request refused: (POST|PUT|DELETE) \/api\/drafts.*Precedent's own pages/);
    }
    expect(draftCount()).toBe(before);
    const stored = (await (await app.request(`/api/drafts/${draft.id}`)).json()) as Draft;
    expect(stored).toMatchObject({ title: 'Security test', version: 1 });
  });

  it('accepts writes from its own pages, from the configured origin, and from clients that are not browsers', async () => {
    const accepted: Array<[string, Record<string, string>]> = [
      ['same origin', { origin: 'http://localhost' }],
      ['same origin, Sec-Fetch-Site', { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }],
      ['typed by the user', { 'sec-fetch-site': 'none' }],
      ['public origin behind a proxy', { host: '127.0.0.1:8787', origin: PUBLIC, 'sec-fetch-site': 'same-origin' }],
      ['curl', {}],
    ];
    for (const [what, headers] of accepted) expect((await post('/api/drafts', { language: 'en' }, headers)).status, what).toBe(201);
    const form = uploadForm(zipBytes([{ name: 'word/document.xml', data: Buffer.from(documentXml(['A title', '1. Decides to remain seized of the matter.'])) }]));
    const res = await app.request('/api/drafts/import', { method: 'POST', headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }, body: form });
    expect(res.status).toBe(201);
  });

  it('lets another site read, as the browser decides (no CORS headers are sent)', async () => {
    const res = await app.request('/api/health', { headers: { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('headers', () => {
  const expectSecurityHeaders = (res: Response, what: string) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "img-src 'self' data: blob:"]) {
      expect(csp, what).toContain(directive);
    }
    expect(csp, what).not.toContain('unsafe-inline');
    expect(csp, what).not.toContain('unsafe-eval');
    // Sockets to the host the page was loaded from, for live editing.
    expect(csp, what).toMatch(/connect-src 'self' ws:\/\/[^\s;]+ wss:\/\/[^\s;]+(;|$)/);
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
  };

  it('sends the security headers on API answers, errors and refusals, never to be stored', async () => {
    const cases: Array<[string, Response | Promise<Response>, number]> = [
      ['health', app.request('/api/health'), 200],
      ['missing draft', app.request('/api/drafts/nope'), 404],
      ['unknown route', app.request('/api/nothing-here'), 404],
      ['bad input', post('/api/suggest', { text: 42 }), 400],
      ['cross-site', post('/api/drafts', { language: 'en' }, { origin: 'https://attacker.example' }), 403],
      ['foreign host', app.request('/api/health', { headers: { host: 'attacker.example' } }), 421],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectSecurityHeaders(res, what);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
    const local = await app.request('/api/health', { headers: { host: '127.0.0.1:8787' } });
    expect(local.headers.get('content-security-policy')).toContain("connect-src 'self' ws://127.0.0.1:8787 wss://127.0.0.1:8787;");
  });

  it('keeps hashed assets a year and revalidates the page, under the same headers', async () => {
    const asset = await app.request('/assets/index-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(asset, 'asset');
    for (const path of ['/', '/index.html', '/drafts/d123', '/series']) {
      const page = await app.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<title>Precedent</title>');
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expectSecurityHeaders(page, path);
    }
    // A missing asset is a 404, not the page kept a year under the asset's name.
    const missing = await app.request('/assets/index-Zz99.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).not.toContain('immutable');
  });
});

describe('body limits', () => {
  it('answers 413 naming the limit for an oversized suggestion, draft, save and import', async () => {
    const draft = await newDraft();
    const huge = (n: number) => 'x'.repeat(n);
    const cases: Array<[string, Response | Promise<Response>, RegExp]> = [
      ['suggest', post('/api/suggest', { text: huge(200_000) }), /suggestion request is over the \d+ KB limit/],
      ['new draft', post('/api/drafts', { language: 'en', paragraphs: [{ id: 'a', section: 'operative', text: huge(32 * 1024 * 1024) }] }), /new draft is over the \d+\.\d MB limit/],
      ['save', app.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: 1, title: huge(32 * 1024 * 1024) }) }), /draft is over the \d+\.\d MB limit/],
      ['import request', app.request('/api/drafts/import', { method: 'POST', body: uploadForm(new Uint8Array(11 * 1024 * 1024).fill(0x50)) }), /upload \(a \.docx may be at most 10 MB\) is over the 10\.\d MB limit/],
      ['import file', app.request('/api/drafts/import', { method: 'POST', body: uploadForm(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x50)) }), /file is 10\.0 MB; the limit is 10 MB/],
      ['raw .docx body', app.request('/api/drafts/import', { method: 'POST', body: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x50) }), /file is 10\.0 MB; the limit is 10 MB/],
      ['duplicate', app.request(`/api/drafts/${draft.id}/duplicate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: huge(100_000) }) }), /request body is over the 64 KB limit/],
    ];
    for (const [what, pending, message] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(413);
      expect(await errorOf(res), what).toMatch(message);
    }
    expect(((await (await app.request(`/api/drafts/${draft.id}`)).json()) as Draft).version).toBe(1);
  });

  it('stops reading a streamed body without a length once it passes the limit', async () => {
    // 600 MB offered in 64 KB chunks: the answer comes after the first few.
    const chunk = new TextEncoder().encode(`{"text":"${'x'.repeat(64 * 1024)}`);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 600 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await app.request('/api/suggest', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});

describe('hostile .docx files', () => {
  const documentPart = (xml: string | Buffer, declaredSize?: number) => zipBytes([{ name: 'word/document.xml', data: Buffer.from(xml), declaredSize }]);

  it('refuses a small file whose part inflates past the budget, whatever size it declares', async () => {
    // A few hundred KB that inflate to a short document followed by 70 MB of spaces.
    const bomb = Buffer.concat([Buffer.from(documentXml(['Title', '1. Decides '])), Buffer.alloc(70 * 1024 * 1024, 0x20)]);
    const before = draftCount();
    for (const declaredSize of [undefined, 2_000]) {
      const file = documentPart(bomb, declaredSize);
      expect(file.length).toBeLessThan(512 * 1024);
      const res = await upload(file);
      expect(res.status, `declared ${declaredSize ?? 'honestly'}`).toBe(400);
      expect(res.body.error).toMatch(/word\/document\.xml unpacks to more than 48 MB/);
    }
    expect(draftCount()).toBe(before);
  });

  it('refuses a small file holding millions of elements before parsing them', async () => {
    const elements = documentXml(['Title', '1. Decides.']).replace('</w:body>', `${'<w:p/>'.repeat(1_200_000)}</w:body>`);
    const started = Date.now();
    const res = await upload(documentPart(elements));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/word\/document\.xml holds more than 1,000,000 XML elements/);
    // Parsing them would block the server for many seconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a file whose part does not unpack to the size it declares', async () => {
    const file = documentPart(documentXml(['A title', '1. Decides to remain seized of the matter.']), 10);
    expect(file.length).toBeLessThan(400);
    const res = await upload(file);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/corrupt.*word\/document\.xml cannot be unpacked: it does not unpack to the size the archive declares/);
  });

  it('refuses a DOCTYPE placed after a long comment, before any entity is expanded', async () => {
    const prologue = `<!--${'c'.repeat(2_100)}--><!DOCTYPE w:document [<!ENTITY pwned "ENTITY-EXPANDED">]>`;
    const before = draftCount();
    const res = await upload(documentPart(documentXml(['&pwned;', '1. Decides &pwned;.'], prologue)));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/word\/document\.xml declares a DOCTYPE/);
    expect(draftCount()).toBe(before);
  });

  it('refuses an archive whose XML is not a Word document with a 400 saying so', async () => {
    const res = await upload(documentPart('<?xml version="1.0"?><html><body/></html>'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/word\/document\.xml has no w:body/);
  });
});

describe('export file names', () => {
  const names = (cd: string) => ({
    ascii: /filename="([^"]*)"/.exec(cd)?.[1],
    utf8: decodeURIComponent(/filename\*=UTF-8''([^;\s]+)$/.exec(cd)?.[1] ?? ''),
  });

  it('exports a draft whose title has an emoji at the 80th character, cut on whole characters', async () => {
    const title = `${'A'.repeat(79)}😀 and more words after the cut`;
    const draft = await newDraft({ language: 'en', title, paragraphs: [{ id: 'p1', section: 'operative', text: 'Decides to remain seized of the matter.' }] });
    const res = await app.request(`/api/drafts/${draft.id}/export.docx?plain=1`);
    expect(res.status).toBe(200);
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(names(cd)).toEqual({ ascii: `${'A'.repeat(79)}.docx`, utf8: `${'A'.repeat(79)}😀.docx` });
  });

  it('keeps a family emoji and an accented letter whole, and leaves out what file systems refuse', async () => {
    const family = '👩‍👩‍👧';
    const exported = async (title: string) => {
      const draft = await newDraft({ language: 'fr', title });
      const res = await app.request(`/api/drafts/${draft.id}/export.docx?plain=1`);
      expect(res.status).toBe(200);
      return names(res.headers.get('content-disposition')!).utf8;
    };
    expect(await exported(`${'É'.repeat(78)}e\u0301${family} suite`)).toBe(`${'É'.repeat(78)}é${family}.docx`);
    const name = await exported('Projet: "révision"/v2? <final> | fin');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect(name).toMatch(/^Projet- -révision-v2- -final- - fin\.docx$/);
  });
});

describe('paragraph provenance', () => {
  const opParagraph = () => getParagraphs(db, 'a-res-78-229-en').find((p) => p.section === 'operative')!;
  const sourced = (source: DraftSource, text = 'Decides to remain seized of the matter.') => ({ id: 'p1', section: 'operative', text, source });

  it('refuses a source the corpus does not hold, or names with another document, naming the paragraph', async () => {
    const before = draftCount();
    const unknown = await post('/api/drafts', {
      language: 'en',
      paragraphs: [{ id: 'p0', section: 'operative', text: 'Plain.' }, sourced({ paragraphId: 'a-res-1-1-en.op1', documentId: 'a-res-1-1-en', citation: 'A/RES/1/1, OP 1' })],
    });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toBe('paragraphs.1 (p1): source paragraph a-res-1-1-en.op1 is not in the corpus');
    const op = opParagraph();
    const mismatched = await post('/api/drafts', { language: 'en', paragraphs: [sourced({ paragraphId: op.id, documentId: 'a-res-80-229-en', citation: 'A/RES/80/229, OP 1' })] });
    expect(mismatched.status).toBe(400);
    expect(await errorOf(mismatched)).toBe(`paragraphs.0 (p1): source paragraph ${op.id} belongs to a-res-78-229-en, not a-res-80-229-en`);
    expect(draftCount()).toBe(before);

    const draft = await newDraft();
    const save = await app.request(`/api/drafts/${draft.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, paragraphs: [sourced({ paragraphId: 'forged', documentId: 'a-res-78-229-en', citation: 'A/RES/78/229, OP 1' })] }),
    });
    expect(save.status).toBe(400);
    expect(await errorOf(save)).toMatch(/^paragraphs\.0 \(p1\): source paragraph forged is not in the corpus/);
    expect(((await (await app.request(`/api/drafts/${draft.id}`)).json()) as Draft).paragraphs).toEqual([]);
  });

  it("replaces a citation and source text that do not match the source with the corpus's", async () => {
    const op = opParagraph();
    const draft = await newDraft({
      language: 'en',
      paragraphs: [sourced({ paragraphId: op.id, documentId: 'a-res-78-229-en', citation: 'A/RES/80/229, OP 1 (agreed by consensus)', text: 'Decides to remain seized of the matter.' })],
    });
    expect(draft.paragraphs[0].source).toEqual({ paragraphId: op.id, documentId: 'a-res-78-229-en', citation: `A/RES/78/229, ${op.label}`, text: op.text });

    // A save that sends the stored source again keeps it; one that alters it gets the corpus's back.
    const save = async (version: number, source: DraftSource) => {
      const res = await app.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, paragraphs: [sourced(source, 'Edited.')] }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as Draft).paragraphs[0].source;
    };
    expect(await save(1, draft.paragraphs[0].source!)).toEqual(draft.paragraphs[0].source);
    expect(await save(2, { paragraphId: op.id, documentId: 'a-res-78-229-en', citation: 'Wrong, OP 99', text: 'Edited.' })).toEqual(draft.paragraphs[0].source);
  });
});
