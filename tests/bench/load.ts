// Load bench (npm run load; not a test): starts the server on a copy of the
// bundled corpus on a free port and simulates N drafters at once, each typing
// a paragraph of a draft made before the run starts: a suggestion every 500 ms that aborts its previous one (as the
// web app does), a save of its own draft every 2 s, a health check every
// second. Prints suggest p50/p95 of those answered and how many were refused
// (503) or ran out of time (504), save p95/max, health max, errors, and checks
// afterwards that every save the server acknowledged is there. Health is also
// checked from a monitor process of its own (every 100 ms, as a reverse proxy
// or an uptime check would): the drafters' process stalls under its own load
// (its event-loop delay is printed), and that stall is in every latency it
// measures; the monitor's are the server's and the machine's alone.
//
// --heavy: issue 14's second target. Starts the server over a copy whose
// Chinese index is damaged, so the search worker rebuilds it, and while it
// does (English ready): two .docx imports (one whose parts inflate to 99 MB each, one holding a
// 45-million-character paragraph) and five keyword searches of 128 common
// English words; meanwhile, from the monitor process, a health check and a
// save every 100 ms, each waiting for its previous one. Prints their latencies (target: < 100 ms) and
// what the heavy requests answered.
//
//   npx tsx tests/bench/load.ts [--drafters 100] [--seconds 60]
//        [--heavy]                       the heavy-work scenario instead (below)
//        [--url http://localhost:8787]   use a running server instead of starting one
//        [--root DIR]                    start the server of another checkout (for a comparison)
//        [--template DIR]                the corpus folder to copy (precedent.db + index/)
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { copyCorpusTemplate } from '../helpers/corpus.js';
import { documentXml, zipBytes } from '../helpers/zip-bytes.js';
import { ROOT } from '../helpers/paths.js';
import { freePort } from '../helpers/ports.js';

const { values: args } = parseArgs({
  options: {
    drafters: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    url: { type: 'string' },
    root: { type: 'string', default: ROOT },
    template: { type: 'string' },
    heavy: { type: 'boolean', default: false },
    /** Write the server's CPU profiles (main thread and worker) to this folder (node --cpu-prof). */
    profile: { type: 'string' },
    /** Internal: be the monitor of the server at this URL (see startMonitor). */
    monitor: { type: 'string' },
    /** Internal: the draft ({ id, version } as JSON) the monitor saves every 100 ms. */
    'save-draft': { type: 'string' },
  },
});
const DRAFTERS = Number(args.drafters);
const SECONDS = Number(args.seconds);
const SUGGEST_EVERY_MS = 500;
const SAVE_EVERY_MS = 2000;
const HEALTH_EVERY_MS = 1000;
const START_TIMEOUT_MS = 600_000;
const ADMIN = { email: 'load-bench@example.org', password: 'load-bench-password-1' };

/** The session cookie every request carries, when the server has accounts. */
let cookie = '';
const withSession = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });

/** Signs in as the bench's administrator when the server has accounts (a server without them answers 404). */
async function signIn(url: string): Promise<void> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status === 404) return;
  if (!res.ok) throw new Error(`signing in: HTTP ${res.status} ${await res.text()}`);
  cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}


/**
 * Starts the server (of `root`) over a private copy of the corpus; resolves
 * once it says it is listening and (unless `listening` only) warm. `damage`
 * truncates a file of that language's index first: the worker rebuilds it.
 */
async function startServer(options: { damage?: string; listening?: boolean } = {}): Promise<{ url: string; server: ChildProcess; dir: string }> {
  const dir = args.template ? copyTemplateFrom(args.template) : copyCorpusTemplate('precedent-load-');
  if (options.damage) truncateSync(join(dir, 'index', `${options.damage}.paragraphs`), 1000);
  const port = await freePort();
  const loopDelay = join(ROOT, 'tests/bench/loop-delay.mjs');
  const profile = args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : [];
  const server = spawn(process.execPath, [...profile, '--import', loopDelay, '--import', 'tsx', join(args.root, 'server/main.ts')], {
    cwd: args.root,
    // The administrator is for a server with accounts (signIn()); one without ignores it.
    env: { ...process.env, PORT: String(port), PRECEDENT_DB: join(dir, 'precedent.db'), PRECEDENT_ADMIN_EMAIL: ADMIN.email, PRECEDENT_ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), START_TIMEOUT_MS);
    const on = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`:${port}`) && (options.listening || /warm/i.test(log))) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', on);
    server.stderr!.on('data', on);
    server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  // What the server prints from now on that matters to the bench: its event-loop delay at exit, and
  // when its start-up's background work ended (it may overlap the run).
  server.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith('[loop-delay]')) console.log(line);
      else if (/^(Search index warm|Series grouped)/.test(line)) console.log(`server: ${line} (at ${new Date().toISOString().slice(11, 23)} UTC)`);
    }
  });
  console.log(`server listening${options.listening ? '' : ' and warm'} ${((Date.now() - started) / 1000).toFixed(1)} s after spawn`);
  return { url: `http://127.0.0.1:${port}`, server, dir };
}

/** A private copy of another corpus folder (e.g. one with an older index format, for a comparison run). */
function copyTemplateFrom(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-load-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Paragraphs drafters will "type": English operative paragraphs of a few resolutions, via the API. */
async function paragraphsToType(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/documents?language=en`, withSession());
  if (!res.ok) throw new Error(`listing documents: HTTP ${res.status} ${await res.text()}`);
  const list = (await res.json()) as { documents: { id: string }[] };
  const texts: string[] = [];
  for (const d of list.documents.slice(0, 30)) {
    const doc = (await (await fetch(`${url}/api/documents/${encodeURIComponent(d.id)}`, withSession())).json()) as { paragraphs: { section: string; text: string }[] };
    for (const p of doc.paragraphs) if (p.section === 'operative' && p.text.length > 120) texts.push(p.text);
  }
  if (texts.length === 0) throw new Error('no English paragraphs to type');
  return texts;
}

/**
 * The kernel's TCP counters (Linux, /proc/net): a SYN the listen queue dropped
 * is retried after 1 s, 3 s…, so latencies of a second or more with no stall of
 * the server's event loop show here, not in the server.
 */
const TCP_COUNTERS = ['ListenOverflows', 'ListenDrops', 'TCPSynRetrans', 'RetransSegs', 'TCPTimeouts'];
function tcpCounters(): Map<string, number> {
  const out = new Map<string, number>();
  for (const file of ['/proc/net/netstat', '/proc/net/snmp']) {
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i].split(/\s+/).slice(1);
      const values = lines[i + 1].split(/\s+/).slice(1);
      names.forEach((name, k) => TCP_COUNTERS.includes(name) && out.set(name, Number(values[k])));
    }
  }
  return out;
}
const tcpDelta = (before: Map<string, number>, after: Map<string, number>) =>
  before.size ? TCP_COUNTERS.filter((n) => after.has(n)).map((n) => `${n} +${after.get(n)! - (before.get(n) ?? 0)}`).join(', ') : 'not available here';

/**
 * The kernel's pressure stall counters (Linux PSI, /proc/pressure): how long
 * some task waited for a CPU, and how long some task waited on disk (an
 * fsync stalled, say), sampled every 250 ms. A save or health check that took
 * far longer than the server's event loop ever waited happened in a moment of
 * one of these, or of neither; the bench says which for the slowest of each.
 */
interface PressureSample {
  at: number;
  /** Cumulative µs, as the kernel counts them. */
  cpuSome: number;
  ioSome: number;
}
function pressureNow(): PressureSample | null {
  const total = (file: string, kind: 'some' | 'full') => {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(kind));
    return Number(/total=(\d+)/.exec(line ?? '')?.[1] ?? NaN);
  };
  if (!existsSync('/proc/pressure/cpu')) return null;
  return { at: performance.now(), cpuSome: total('/proc/pressure/cpu', 'some'), ioSome: total('/proc/pressure/io', 'some') };
}
function recordPressure(): { stop(): PressureSample[] } {
  const samples: PressureSample[] = [];
  const take = () => {
    const sample = pressureNow();
    if (sample) samples.push(sample);
  };
  take();
  const timer = setInterval(take, 250);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
/** Share of [from, to] (performance.now() ms) that some task waited for a CPU, and some task on disk. */
function pressureOver(samples: PressureSample[], from: number, to: number): string {
  const first = samples.findLast((s) => s.at <= from) ?? samples[0];
  const last = samples.find((s) => s.at >= to) ?? samples[samples.length - 1];
  if (!first || !last || last.at <= first.at) return 'no pressure counters here';
  const ms = last.at - first.at;
  const share = (key: 'cpuSome' | 'ioSome') => `${Math.round(((last[key] - first[key]) / 1000 / ms) * 100)} %`;
  return `some task waiting for a CPU ${share('cpuSome')}, on disk ${share('ioSome')} (over ${Math.round(ms)} ms)`;
}

const stats = {
  suggestOk: [] as number[],
  /** The server's own time for the answered ones (tookMs: queue and work), without the client's. */
  suggestServer: [] as number[],
  suggest503: 0,
  suggest504: 0,
  suggestSuperseded: 0,
  suggestOther: new Map<string, number>(),
  saveOk: [] as number[],
  /** When the slowest acknowledged save was sent and how long it took (performance.now() ms). */
  saveSlowest: { at: 0, ms: 0, wall: '' },
  saveErrors: new Map<string, number>(),
  health: [] as number[],
  healthNot200: new Map<string, number>(),
};
/** fetch's "fetch failed" says nothing: its cause's code does (ECONNRESET, UND_ERR_SOCKET…). */
const describe = (e: unknown) => {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message;
};
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

interface Drafter {
  id: string;
  version: number;
  /** The last text the server acknowledged saving, with its version. */
  acked: { version: number; text: string } | null;
}

/** Each drafter's draft, made before the run (a hundred made at once would be a burst the run is not about). */
async function newDraft(url: string, n: number): Promise<Drafter> {
  const created = await fetch(
    `${url}/api/drafts`,
    withSession({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en', title: `Load ${n}` }) }),
  );
  if (!created.ok) throw new Error(`creating a draft: HTTP ${created.status} ${await created.text()}`);
  const draft = (await created.json()) as { id: string; version: number };
  return { id: draft.id, version: draft.version, acked: null };
}

async function drafter(url: string, n: number, me: Drafter, texts: string[], until: number): Promise<Drafter> {
  const paragraph = texts[n % texts.length];
  let typed = 0;
  const text = () => paragraph.slice(0, Math.max(40, typed)) + (typed > paragraph.length ? ` ${n}-${typed}` : '');
  let previous: AbortController | null = null;
  const pending: Promise<void>[] = [];

  const suggestOnce = async () => {
    previous?.abort();
    const ctrl = new AbortController();
    previous = ctrl;
    const started = performance.now();
    try {
      const res = await fetch(
        `${url}/api/suggest`,
        withSession({ method: 'POST', signal: ctrl.signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: text(), language: 'en', limit: 8 }) }),
      );
      const body = (await res.json()) as { tookMs?: number };
      if (res.status === 200) {
        stats.suggestOk.push(performance.now() - started);
        stats.suggestServer.push(body.tookMs ?? NaN);
      }
      else if (res.status === 503) stats.suggest503++;
      else if (res.status === 504) stats.suggest504++;
      else bump(stats.suggestOther, `HTTP ${res.status}`);
    } catch (e) {
      if (ctrl.signal.aborted) stats.suggestSuperseded++;
      else bump(stats.suggestOther, describe(e));
    }
  };
  const saveOnce = async () => {
    const body = text();
    const started = performance.now();
    try {
      const res = await fetch(
        `${url}/api/drafts/${me.id}`,
        withSession({
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ version: me.version, paragraphs: [{ id: 'p1', section: 'operative', text: body }] }),
        }),
      );
      const json = (await res.json()) as { version?: number; current?: { version: number } };
      if (res.ok) {
        const ms = performance.now() - started;
        stats.saveOk.push(ms);
        if (ms > stats.saveSlowest.ms) stats.saveSlowest = { at: started, ms, wall: new Date(Date.now() - ms).toISOString().slice(11, 23) };
        me.version = json.version!;
        me.acked = { version: me.version, text: body };
      } else {
        bump(stats.saveErrors, `HTTP ${res.status}`);
        if (res.status === 409 && json.current) me.version = json.current.version;
      }
    } catch (e) {
      bump(stats.saveErrors, describe(e));
    }
  };
  const healthOnce = async () => {
    const started = performance.now();
    try {
      const res = await fetch(`${url}/api/health`, withSession());
      await res.arrayBuffer();
      stats.health.push(performance.now() - started);
      if (res.status !== 200) bump(stats.healthNot200, `HTTP ${res.status}`);
    } catch (e) {
      bump(stats.healthNot200, describe(e));
    }
  };

  // Drafters start spread over the first interval, as people do, and their
  // saves and health checks over theirs (+ n below): a hundred people do not
  // save within the same half second every 2 s.
  await new Promise((r) => setTimeout(r, Math.random() * SUGGEST_EVERY_MS));
  let tick = 0;
  let saving: Promise<void> = Promise.resolve();
  while (Date.now() < until) {
    typed += 12; // about a word and a half per 500 ms
    pending.push(suggestOnce());
    if ((tick + n) % (SAVE_EVERY_MS / SUGGEST_EVERY_MS) === 0) {
      // One save at a time per drafter, as the editor's autosave does.
      saving = saving.then(saveOnce);
    }
    if ((tick + n) % (HEALTH_EVERY_MS / SUGGEST_EVERY_MS) === 0) pending.push(healthOnce());
    tick++;
    await new Promise((r) => setTimeout(r, SUGGEST_EVERY_MS));
  }
  await Promise.all([...pending, saving]);
  return me;
}

/** What the monitor process measured: health, and saves of one draft when it was given one. */
interface Monitored {
  health: Probe;
  save?: Probe;
}

/**
 * Runs this file as the monitor (--monitor) beside the load, so that the
 * load's own process (its stalls, its uploads) is in none of the latencies it
 * measures: health every 100 ms, and with `saveDraft` a save of that draft
 * every 100 ms too. It stops after --seconds, or when `stop` is called.
 * Resolves once it is checking.
 */
async function startMonitor(url: string, saveDraft?: { id: string; version: number }): Promise<{ result: Promise<Monitored>; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--monitor', url, '--seconds', String(saveDraft ? 3600 : SECONDS), ...(saveDraft ? ['--save-draft', JSON.stringify(saveDraft)] : [])],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PRECEDENT_BENCH_COOKIE: cookie } },
  );
  let out = '';
  let checking: () => void = () => {};
  const started = new Promise<void>((resolve) => (checking = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith(MONITOR_CHECKING)) checking();
  });
  const revive = (p: { ms: number[]; errors: [string, number][]; slowestAt?: string }): Probe => ({ ms: p.ms, errors: new Map(p.errors), ...(p.slowestAt ? { slowestAt: p.slowestAt } : {}) });
  const result = new Promise<Monitored>((resolve, reject) =>
    child.once('exit', (code) => {
      checking();
      if (code !== 0) return reject(new Error(`the monitor failed (${code}): ${out}`));
      const json = JSON.parse(out.slice(MONITOR_CHECKING.length)) as { health: Parameters<typeof revive>[0]; save?: Parameters<typeof revive>[0] };
      resolve({ health: revive(json.health), ...(json.save ? { save: revive(json.save) } : {}) });
    }),
  );
  await started;
  return { result, stop: () => child.stdin.end() };
}

const MONITOR_CHECKING = 'checking\n';

/** The monitor process: says it is checking, probes until --seconds are over or its stdin closes, prints JSON. */
async function monitor(url: string): Promise<void> {
  cookie = process.env.PRECEDENT_BENCH_COOKIE ?? '';
  let draft = args['save-draft'] ? (JSON.parse(args['save-draft']) as { id: string; version: number }) : null;
  const saveOnce = async () => {
    const res = await fetch(
      `${url}/api/drafts/${draft!.id}`,
      withSession({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: draft!.version, paragraphs: [{ id: 'p1', section: 'operative', text: `Saved at ${Date.now()}` }] }) }),
    );
    if (res.ok) draft = (await res.clone().json()) as typeof draft;
    return res;
  };
  const healthOnce = () => fetch(`${url}/api/health`, withSession());
  // A process's first fetch loads and compiles its HTTP client (undici), and
  // the server's first save compiles its path: not the time of a server in use.
  await (await healthOnce()).arrayBuffer();
  if (draft) await (await saveOnce()).arrayBuffer();
  let stopped = false;
  process.stdin.on('end', () => (stopped = true)).resume();
  process.stdout.write(MONITOR_CHECKING);
  const until = Date.now() + SECONDS * 1000;
  const over = () => stopped || Date.now() >= until;
  const json = (p: Probe) => ({ ms: p.ms, errors: [...p.errors], slowestAt: p.slowestAt });
  const [health, save] = await Promise.all([probe(over, healthOnce), draft ? probe(over, saveOnce) : null]);
  process.stdout.write(JSON.stringify({ health: json(health), ...(save ? { save: json(save) } : {}) }));
  process.exit(0);
}

async function main(): Promise<void> {
  const started = args.url ? null : await startServer(args.heavy ? { damage: 'zh', listening: true } : {});
  const url = args.url ?? started!.url;
  let failed = false;
  try {
    await signIn(url);
    if (args.heavy) {
      failed = await heavyWork(url, started?.server ?? null);
      return;
    }
    const texts = await paragraphsToType(url);
    const drafts = await Promise.all(Array.from({ length: DRAFTERS }, (_, n) => newDraft(url, n)));
    // Started (and its TypeScript compiled) before the drafters, so that its start-up is not in the run.
    const monitor = await startMonitor(url);
    console.log(`${DRAFTERS} drafters for ${SECONDS} s against ${url}, from ${new Date().toISOString().slice(11, 23)} UTC`);
    const until = Date.now() + SECONDS * 1000;
    started?.server.kill('SIGUSR2');
    const clientDelay = monitorEventLoopDelay({ resolution: 10 });
    clientDelay.enable();
    const tcpBefore = tcpCounters();
    const pressure = recordPressure();
    const runFrom = performance.now();
    const drafters = await Promise.all(drafts.map((draft, n) => drafter(url, n, draft, texts, until)));
    const monitored = (await monitor.result).health;
    const pressureSamples = pressure.stop();
    const runTo = performance.now();
    const tcp = tcpDelta(tcpBefore, tcpCounters());
    // Every acknowledged save must read back.
    let lost = 0;
    for (const d of drafters) {
      if (!d.acked) continue;
      const res = await fetch(`${url}/api/drafts/${d.id}`, withSession());
      const draft = (await res.json()) as { version: number; paragraphs: { text: string }[] };
      if (!res.ok || draft.version < d.acked.version || draft.paragraphs[0]?.text !== d.acked.text) lost++;
    }
    const f = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x)} ms`);
    const errors = (m: Map<string, number>) => (m.size ? [...m].map(([k, v]) => `${k} ×${v}`).join(', ') : 'none');
    const answered = stats.suggestOk.length;
    console.log(
      [
        `suggest: ${answered} answered (${(answered / SECONDS).toFixed(1)}/s), p50 ${f(pct(stats.suggestOk, 50))}, p95 ${f(pct(stats.suggestOk, 95))} ` +
          `(server's own tookMs p50 ${f(pct(stats.suggestServer, 50))}, p95 ${f(pct(stats.suggestServer, 95))}); ` +
          `503 ${stats.suggest503}, 504 ${stats.suggest504}, superseded by the next keystroke ${stats.suggestSuperseded}, other errors: ${errors(stats.suggestOther)}`,
        `save: ${stats.saveOk.length} acknowledged, p95 ${f(pct(stats.saveOk, 95))}, ${stats.saveOk.filter((ms) => ms > 200).length} over 200 ms, max ${f(Math.max(...stats.saveOk))} (sent at ${stats.saveSlowest.wall} UTC); errors: ${errors(stats.saveErrors)}`,
        `health from the drafters' process: ${stats.health.length} answered, p95 ${f(pct(stats.health, 95))}, max ${f(Math.max(...stats.health))}; not 200: ${errors(stats.healthNot200)}`,
        `health from a monitor process (every 100 ms): ${monitored.ms.length} answered, p95 ${f(pct(monitored.ms, 95))}, ${monitored.ms.filter((ms) => ms > 200).length} over 200 ms, max ${f(Math.max(...monitored.ms))} (asked at ${monitored.slowestAt ?? '–'} UTC); ` +
          `not 200: ${errors(monitored.errors)}`,
        `this bench's own event-loop delay (inflates every latency above): p99 ${f(clientDelay.percentile(99) / 1e6)}, max ${f(clientDelay.max / 1e6)}`,
        `kernel TCP counters over the run: ${tcp}`,
        `pressure over the run: ${pressureOver(pressureSamples, runFrom, runTo)}; ` +
          `during the slowest save: ${pressureOver(pressureSamples, stats.saveSlowest.at, stats.saveSlowest.at + stats.saveSlowest.ms)}`,
        `acknowledged saves missing afterwards: ${lost} of ${drafters.filter((d) => d.acked).length} drafts`,
      ].join('\n'),
    );
    failed = lost > 0;
  } finally {
    if (started) {
      started.server.kill('SIGTERM');
      await new Promise((r) => started.server.once('exit', r));
      rmSync(started.dir, { recursive: true, force: true });
    }
  }
  process.exit(failed ? 1 : 0);
}

// --- The heavy-work scenario -------------------------------------------------

/** 128 of the commonest English words: a keyword search that, unpruned, took the server 5 s. */
const COMMON_WORDS = `the of and to a in is you that it he was for on are as with his they I at be this have from or one had by word but
  not what all were we when your can said there use an each which she do how their if will up other about out many then them these so
  some her would make like him into time has look two more write go see number no way could people my than first water been call who
  oil its now find long down day did get come made may part over new sound take only little work know place year live me back give
  most very after thing our just name good sentence man think say great where help through much before line right too mean old any`
  .split(/\s+/)
  .slice(0, 128);

/** Latencies of one probe (health or save), asked every 100 ms, each after the previous one answered. */
interface Probe {
  ms: number[];
  errors: Map<string, number>;
  /** When the slowest was asked (UTC time of day). */
  slowestAt?: string;
}

async function probe(until: () => boolean, once: () => Promise<Response>): Promise<Probe> {
  const out: Probe = { ms: [], errors: new Map() };
  let slowest = 0;
  while (!until()) {
    const started = performance.now();
    const askedAt = new Date();
    try {
      const res = await once();
      await res.arrayBuffer();
      const ms = performance.now() - started;
      out.ms.push(ms);
      if (ms > slowest) {
        slowest = ms;
        out.slowestAt = askedAt.toISOString().slice(11, 23);
      }
      if (!res.ok) bump(out.errors, `HTTP ${res.status}`);
    } catch (e) {
      bump(out.errors, describe(e));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return out;
}

/** What a heavy request answered, and when. */
async function timed(what: string, request: () => Promise<Response>): Promise<string> {
  const started = performance.now();
  try {
    const res = await request();
    const body = (await res.json()) as { error?: string; total?: number };
    const detail = body.error ? `: ${body.error.slice(0, 110)}` : body.total !== undefined ? ` (${body.total} results)` : '';
    return `${what}: HTTP ${res.status} after ${Math.round(performance.now() - started)} ms${detail}`;
  } catch (e) {
    return `${what}: ${describe(e)} after ${Math.round(performance.now() - started)} ms`;
  }
}

async function searchState(url: string): Promise<{ state: string; zh?: string; en?: string }> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { search: { state: string; languages: Record<string, { state: string }> } };
  return { state: health.search.state, zh: health.search.languages.zh?.state, en: health.search.languages.en?.state };
}

async function heavyWork(url: string, server: ChildProcess | null): Promise<boolean> {
  const query = COMMON_WORDS.join(' ');
  if (query.length > 1000) throw new Error(`the query is ${query.length} characters; search takes 1000`);
  // Saves go to one draft of the bench's own.
  const created = await fetch(`${url}/api/drafts`, withSession({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en', title: 'Heavy work' }) }));
  const draft = (await created.json()) as { id: string; version: number };
  const rebuildStarted = Date.now();
  // The English searches are meant for a ready English index: a server that
  // rebuilds apart may start rebuilding Chinese before English is loaded.
  for (let s = await searchState(url); !(s.zh === 'building' && s.en === 'ready'); s = await searchState(url)) {
    if (Date.now() - rebuildStarted > START_TIMEOUT_MS) throw new Error('the Chinese index was never rebuilding while English was ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(`Chinese index rebuilding, English ready, ${((Date.now() - rebuildStarted) / 1000).toFixed(1)} s after listening; heavy work starts`);
  server?.kill('SIGUSR2');

  const upload = (bytes: Buffer) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], 'heavy.docx'));
    return fetch(`${url}/api/drafts/import`, withSession({ method: 'POST', body: form }));
  };
  const spaces = Buffer.alloc(99 * 1024 * 1024, 0x20);
  const inflating = zipBytes(['word/document.xml', 'word/footnotes.xml', 'word/numbering.xml'].map((name) => ({ name, data: spaces })));
  const longParagraph = zipBytes([{ name: 'word/document.xml', data: Buffer.from(documentXml(['A title', `1. Decides ${'x'.repeat(45_000_000)}`])) }]);
  // Saves and health checks from a process of their own: a delegate saving is
  // not the one uploading, and this process's work is in none of their times.
  const monitor = await startMonitor(url, draft);
  const started = Date.now();
  const clientDelay = monitorEventLoopDelay({ resolution: 10 });
  clientDelay.enable();
  const heavy = Promise.all([
    timed(`.docx of 99 MB parts (${Math.round(inflating.length / 1024)} KB)`, () => upload(inflating)),
    timed(`.docx of a 45-million-character paragraph (${Math.round(longParagraph.length / 1024)} KB)`, () => upload(longParagraph)),
    ...Array.from({ length: 5 }, (_, i) => timed(`keyword search ${i + 1} (128 words)`, () => fetch(`${url}/api/search?language=en&q=${encodeURIComponent(query)}`, withSession()))),
  ]);
  const rebuilt = (async () => {
    while ((await searchState(url)).zh === 'building') await new Promise((r) => setTimeout(r, 250));
    return `Chinese index rebuilt ${((Date.now() - started) / 1000).toFixed(1)} s after the heavy work started`;
  })();
  const outcomes = [...(await heavy), await rebuilt];
  monitor.stop();
  const { health, save } = await monitor.result;
  const f = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x)} ms`);
  const line = (name: string, p: Probe) =>
    `${name}: ${p.ms.length} answered, p50 ${f(pct(p.ms, 50))}, p95 ${f(pct(p.ms, 95))}, max ${f(Math.max(...p.ms))} (asked at ${p.slowestAt ?? '–'} UTC), over 100 ms: ${p.ms.filter((ms) => ms >= 100).length}; ` +
    `errors: ${p.errors.size ? [...p.errors].map(([k, v]) => `${k} ×${v}`).join(', ') : 'none'}`;
  console.log([`heavy work for ${((Date.now() - started) / 1000).toFixed(1)} s from ${new Date(started).toISOString().slice(11, 23)} UTC:`, ...outcomes.map((o) => `  ${o}`), line('health', health), line('save', save!), `the uploading process's own event-loop delay: p99 ${f(clientDelay.percentile(99) / 1e6)}, max ${f(clientDelay.max / 1e6)}`].join('\n'));
  return health.errors.size > 0 || save!.errors.size > 0;
}

if (args.monitor) await monitor(args.monitor);
else await main();
