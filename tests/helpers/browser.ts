// Browser test fixture: the real web app (vite build, skipped when dist/web is
// newer than web/), served by the real server (server/main.ts) on a free
// localhost port over a private copy of the corpus template (database and
// search index, see corpus.ts), driven by Debian's headless Chromium through
// playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { corpusTemplate, ROOT } from './corpus.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
const START_TIMEOUT_MS = 300_000;
/** For beforeAll: building the search index the first time dominates (minutes on 2 cores at 100k paragraphs). */
export const DESK_TIMEOUT_MS = 900_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

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
  return existsSync(index) && statSync(index).mtimeMs > newestMtime(join(ROOT, 'web'));
}

/** Builds the web app unless dist/web is newer than every file in web/. */
export async function buildWeb(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  await once(join(ROOT, 'dist/.web-build.lock'), webIsFresh, () => {
    // NODE_ENV=test (set by vitest) would give React's development build.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  });
}

/** A private copy of the corpus template (database and persisted search index). */
function databaseCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-browser-'));
  cpSync(corpusTemplate(), dir, { recursive: true });
  return join(dir, 'precedent.db');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Desk {
  url: string;
  browser: Browser;
  server: ChildProcess;
  dbFile: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** JSON from the desk's API (outside the browser), failing loudly on an HTTP error. */
export async function deskApi<T>(desk: Desk, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${desk.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until the editor's badge says the draft is saved. */
export const waitSaved = (page: Page) => page.waitForSelector('.save-badge[data-state="saved"]', { timeout: 15_000 });

/** Builds the app, starts the server and the browser. */
export async function startDesk(): Promise<Desk> {
  await buildWeb();
  const dbFile = databaseCopy();
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PRECEDENT_DB: dbFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Loading the index is quick; a corpus that changed since the cache was built re-indexes first.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`server did not start in ${START_TIMEOUT_MS / 1000} s:\n${log}`));
    }, START_TIMEOUT_MS);
    const on = (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready/i.test(log) && log.includes(`:${port}`)) {
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
  return {
    url,
    browser,
    server,
    dbFile,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: url, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      return page;
    },
    async close() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dirname(dbFile), { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
