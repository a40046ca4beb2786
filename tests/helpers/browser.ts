// Browser test fixture: the real web app (vite build, skipped when dist/web is
// newer than everything it is built from), served by the real server
// (server/main.ts) on a free localhost port over a private copy of the corpus
// template (database and search index, see corpus.ts), driven by Debian's
// headless Chromium through playwright-core. useDesk() gives a test file one
// desk and each test a fresh page, signed in as the desk's administrator
// (PRECEDENT_ADMIN_EMAIL/PASSWORD, as a container would be started) unless it
// asks otherwise; every test makes the drafts (and users) it needs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { copyCorpusTemplate } from './corpus.js';
import { ROOT } from './paths.js';
import { freePort } from './ports.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
const START_TIMEOUT_MS = 300_000;
/** For beforeAll: building the search index the first time dominates (minutes on 2 cores at 100k paragraphs). */
export const DESK_TIMEOUT_MS = 900_000;

/** Newest modification time of a file, or of any file under a folder; 0 when it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * What dist/web is built from: web/, core/, the API contract whose types the
 * client uses, and the build's config and packages.
 */
const WEB_INPUTS = ['web', 'core', 'server/api/contract.ts', 'vite.config.ts', 'package-lock.json'];

/** Runs `work` once across concurrent test files: the first takes the lock, the others wait until `done()`. */
async function once(lock: string, done: () => boolean, work: () => void): Promise<void> {
  while (!done()) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another test file holds it (a lock older than 20 minutes is stale).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 1_200_000) rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!done()) work();
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

function webIsFresh(): boolean {
  const index = join(ROOT, 'dist/web/index.html');
  return existsSync(index) && statSync(index).mtimeMs > Math.max(...WEB_INPUTS.map((p) => newestMtime(join(ROOT, p))));
}

/** Builds the web app unless dist/web is newer than every file it is built from. */
export async function buildWeb(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  await once(join(ROOT, 'dist/.web-build.lock'), webIsFresh, () => {
    // NODE_ENV=test (set by vitest) would give React's development build.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  });
}


/** The administrator the desk's server creates at its first start. */
export const DESK_ADMIN = { email: 'admin@desk.example', password: 'desk administrator password', delegation: 'Desk' };

export interface Credentials {
  email: string;
  password: string;
}

export interface Desk {
  url: string;
  browser: Browser;
  server: ChildProcess;
  dbFile: string;
  /** The administrator's session cookie, for deskApi. */
  cookie: string;
  /** A fresh page (its own browser context), signed in as `as` (the administrator by default) or, with null, not at all. */
  newPage(as?: Credentials | null): Promise<Page>;
  /** Closes the pages newPage() opened (each in its own browser context). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** JSON from the desk's API (outside the browser), failing loudly on an HTTP error. */
export async function deskApi<T>(desk: Desk, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${desk.url}${path}`, { ...init, headers: { 'content-type': 'application/json', cookie: desk.cookie } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until the editor's badge says the draft is saved. */
export const waitSaved = (page: Page) => page.waitForSelector('.save-badge[data-state="saved"]', { timeout: 15_000 });

/** Builds the app, starts the server and the browser. */
export async function startDesk(): Promise<Desk> {
  await buildWeb();
  const dbFile = join(copyCorpusTemplate('precedent-browser-'), 'precedent.db');
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PRECEDENT_DB: dbFile, PRECEDENT_ADMIN_EMAIL: DESK_ADMIN.email, PRECEDENT_ADMIN_PASSWORD: DESK_ADMIN.password, PRECEDENT_ADMIN_DELEGATION: DESK_ADMIN.delegation },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Loading the index is quick; a corpus that changed since the cache was built re-indexes first.
  // Waits until the server says its language indexes and series are warm as well: a test
  // that comes first must not meet the warm-up (it holds requests back for seconds).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s:\n${log}`));
    }, START_TIMEOUT_MS);
    const on = (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready/i.test(log) && log.includes(`:${port}`) && /warm/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', on);
    server.stderr!.on('data', on);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${log}`));
    });
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DESK_ADMIN.email, password: DESK_ADMIN.password }) });
  if (!login.ok) throw new Error(`the desk's administrator could not sign in: HTTP ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const contexts = new Set<BrowserContext>();
  return {
    url,
    browser,
    server,
    dbFile,
    cookie,
    async newPage(as: Credentials | null = DESK_ADMIN) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: url, permissions: ['clipboard-read', 'clipboard-write'] });
      contexts.add(context);
      // The context's request shares its cookies: the page opens signed in.
      if (as) {
        const res = await context.request.post('/api/auth/login', { data: { email: as.email, password: as.password } });
        if (!res.ok()) throw new Error(`${as.email} could not sign in: HTTP ${res.status()} ${await res.text()}`);
      }
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      return page;
    },
    async closePages() {
      await Promise.all([...contexts].map((c) => c.close()));
      contexts.clear();
    },
    async close() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dirname(dbFile), { recursive: true, force: true });
    },
  };
}

/**
 * For a browser test file: starts one desk (server and browser) before its
 * tests and closes it after them; each test takes a fresh page (closed after
 * the test) and makes its own drafts, so any test runs alone and in any order.
 */
export function useDesk() {
  let started: Desk | undefined;
  beforeAll(async () => {
    started = await startDesk();
  }, DESK_TIMEOUT_MS);
  afterEach(async () => started?.closePages());
  afterAll(async () => started?.close());
  const desk = (): Desk => {
    if (!started) throw new Error('the desk did not start (see beforeAll)');
    return started;
  };
  const api = <T = unknown>(path: string, init?: RequestInit) => deskApi<T>(desk(), path, init);
  return {
    desk,
    api,
    newPage: (as?: Credentials | null) => desk().newPage(as),
    /** A new draft through the API: `{ base }` rolls a document over, `{ language, paragraphs? }` starts one. */
    newDraft: (body: Record<string, unknown>) => api<{ id: string }>('/api/drafts', { method: 'POST', body: JSON.stringify(body) }).then((d) => d.id),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The draft's paragraphs as typeset in the editor, read without their raised footnote markers. */
export function paragraphTexts(page: Page): Promise<string[]> {
  return page.locator('.para .para-text').evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('sup.fn').forEach((sup) => sup.remove());
      return copy.textContent;
    }),
  );
}
