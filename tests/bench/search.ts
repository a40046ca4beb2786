// `npm run bench` (first half): speed of the suggestion engine, not a test.
// On the bundled corpus and on a synthetic corpus of about a million paragraphs
// made from real ones: index build time, heap, persisted size, load time, and
// suggest latency p50/p95/p99 for full paragraphs (300–600 characters) and
// halves, compared in the same run with an exhaustive scan that scores every
// paragraph with the same similarity (speed ratio, top-5 agreement), and the
// size of the shingle index (server/search/shingle-index.ts). On the
// bundled corpus also the cold start: opening the persisted index (manifest and
// document list), each language's load, the background warm-up, and the real
// server's time to listening and to warm.
// Flags: --no-million skips the synthetic corpus, --only-million the bundled one,
// --server-only (with --only-million) measures only the server's cold start on it,
// --keep leaves the synthetic corpus's folder for more starts;
// BENCH_PARAGRAPHS sets the synthetic corpus's size. The synthetic corpus is
// stored in a database through the store and its index built from it, so the
// real server starts on it too (time to listening and to warm); its index's
// load and the worker's warm-up are also measured in a fresh process (this
// file again, with --load-synthetic <dir>).
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language, ParsedDocument, ParsedParagraph, Section } from '../../core/model.js';
import { listSeries } from '../../server/compare/service.js';
import { ParagraphIndex } from '../../server/search/index.js';
import type { IndexedDocument } from '../../server/search/indexed.js';
import type { LanguageIndex } from '../../server/search/language-index.js';
import { search } from '../../server/search/phrase.js';
import { normaliseText } from '../../server/search/analyse.js';
import { comparePrepared, Interner, prepare, type Prepared } from '../../server/search/similarity.js';
import { byRank, rank, suggest, type Scored } from '../../server/search/suggest.js';
import { upsertDocument } from '../../server/store/corpus.js';
import { openDb, type Db } from '../../server/store/db.js';
import { corpusTemplate } from '../helpers/corpus.js';

const MILLION = !process.argv.includes('--no-million');
const BUNDLED = !process.argv.includes('--only-million');
const LOAD_SYNTHETIC = process.argv.indexOf('--load-synthetic');
const SERVER_ONLY = process.argv.includes('--server-only');
/** Leave the synthetic corpus's folder for more server starts on it (its path is printed). */
const KEEP = process.argv.includes('--keep');
const SYNTHETIC = Number(process.env.BENCH_PARAGRAPHS ?? 1_000_000);
const QUERIES = 200;
/** The synthetic corpus repeats its titles every this many documents (versions of one series, if their preambles agree). */
const SERIES_TITLES = 1000;
const SCAN_QUERIES = 20;

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};
const dirSize = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Query {
  text: string;
  language: Language;
  own: string;
}

/** Realistic queries: paragraphs of 300–600 characters (Chinese: 150–300, as dense), from en and zh. */
function pickQueries(index: ParagraphIndex, n: number): Query[] {
  const out: Query[] = [];
  for (const lang of ['en', 'zh'] as Language[]) {
    const li = index.languages.get(lang);
    if (!li) continue;
    const [min, max] = lang === 'zh' ? [150, 300] : [300, 600];
    const picked: Query[] = [];
    for (let slot = 0; slot < li.slots; slot++) {
      const p = li.paragraph(slot);
      if (!p || p.text.length < min || p.text.length > max || hash(p.id) % 17 !== 0) continue;
      picked.push({ text: p.text, language: lang, own: p.documentId });
    }
    picked.sort((a, b) => hash(a.text) - hash(b.text));
    out.push(...picked.slice(0, n / 2));
  }
  return out;
}

function latency(index: ParagraphIndex, queries: Query[], half: boolean): number[] {
  const ms: number[] = [];
  for (const q of queries) {
    const text = half ? q.text.slice(0, Math.ceil(q.text.length / 2)) : q.text;
    const t = performance.now();
    suggest(index, { text, language: q.language, filters: { excludeDocuments: [q.own], collapseSeries: false } });
    ms.push(performance.now() - t);
  }
  return ms;
}

/**
 * Every paragraph of the language scored with the same similarity. On the real
 * corpus the paragraphs are prepared once (the scan's best case); at a million
 * paragraphs that no longer fits in the heap, so each query prepares as it goes.
 */
function scanner(li: LanguageIndex, docs: Map<string, IndexedDocument>, precompute: boolean) {
  const interner = new Interner();
  const prepared: (Prepared | null)[] = [];
  if (precompute) {
    for (let slot = 0; slot < li.slots; slot++) {
      const p = li.paragraph(slot);
      prepared.push(p ? prepare(p.text, li.language, interner) : null);
    }
  }
  return (q: Query, half: boolean): Scored[] => {
    const text = half ? q.text.slice(0, Math.ceil(q.text.length / 2)) : q.text;
    const query = prepare(text, li.language, interner);
    const all: Scored[] = [];
    for (let slot = 0; slot < li.slots; slot++) {
      const docId = li.slotDocument[slot];
      if (docId === undefined || docId === q.own) continue;
      const pp = precompute ? prepared[slot] : prepare(li.paragraph(slot)!.text, li.language, interner);
      if (!pp) continue;
      const cmp = comparePrepared(query, pp, li.language);
      if (cmp.similarity === 0) continue;
      all.push({ paragraph: li.paragraph(slot)!, document: docs.get(docId!)!, similarity: cmp.similarity, shared: cmp.shared, bm25: 0 });
    }
    return all.sort(byRank).slice(0, 5);
  };
}

function compareWithScan(index: ParagraphIndex, queries: Query[], scanQueries: number, precompute: boolean): string[] {
  const lines: string[] = [];
  for (const half of [false, true]) {
    let agreeSets = 0;
    let overlap = 0;
    let scanMs = 0;
    let engineMs = 0;
    let n = 0;
    for (const lang of ['en', 'zh'] as Language[]) {
      const li = index.languages.get(lang);
      const qs = queries.filter((q) => q.language === lang).slice(0, scanQueries / 2);
      if (!li || qs.length === 0) continue;
      const scan = scanner(li, index.documents, precompute);
      for (const q of qs) {
        const text = half ? q.text.slice(0, Math.ceil(q.text.length / 2)) : q.text;
        let t = performance.now();
        const engine = rank(index, text, lang, { excludeDocuments: [q.own] }, 5).slice(0, 5);
        engineMs += performance.now() - t;
        t = performance.now();
        const exhaustive = scan(q, half);
        scanMs += performance.now() - t;
        const a = new Set(engine.map((s) => s.paragraph.id));
        const common = exhaustive.filter((s) => a.has(s.paragraph.id)).length;
        overlap += common / Math.max(1, exhaustive.length);
        if (common === exhaustive.length && exhaustive.length === engine.length) agreeSets++;
        n++;
      }
    }
    lines.push(
      `  vs exhaustive scan (${half ? 'half' : 'full'} paragraphs, ${n} queries): engine ${(engineMs / n).toFixed(1)} ms/query, scan ${(scanMs / n).toFixed(0)} ms/query, ` +
        `speed ratio ${(scanMs / engineMs).toFixed(0)}x; top-5 overlap ${((100 * overlap) / n).toFixed(1)}%, identical top-5 sets ${((100 * agreeSets) / n).toFixed(1)}%`,
    );
  }
  return lines;
}

function report(name: string, index: ParagraphIndex, buildS: number, heap: number, size: number, load: string, scanQueries = SCAN_QUERIES, precompute = true): void {
  const queries = pickQueries(index, QUERIES);
  latency(index, queries.slice(0, 20), false); // warm-up
  console.log(`\n## ${name}: ${index.paragraphCount} paragraphs`);
  let shingleBytes = 0;
  let shinglePostings = 0;
  for (const li of index.languages.values()) {
    shingleBytes += li.shingles.bytes;
    shinglePostings += li.shingles.postingCount;
  }
  console.log(`  build ${buildS.toFixed(1)} s, heap ${heap.toFixed(0)} MB, persisted ${(size / 1e6).toFixed(0)} MB`);
  console.log(`  shingle index (typed arrays, outside the JS heap): ${(shingleBytes / 1e6).toFixed(0)} MB, ${(shinglePostings / 1e6).toFixed(1)} M postings`);
  console.log(`  load: ${load}`);
  console.log(`  suggest, full paragraphs (${queries.length}): ${fmt(latency(index, queries, false))}`);
  console.log(`  suggest, half paragraphs (${queries.length}): ${fmt(latency(index, queries, true))}`);
  for (const line of compareWithScan(index, queries, scanQueries, precompute)) console.log(line);
  console.log(phraseSearch(index, queries));
}

/**
 * Phrase search (GET /api/search?phrase=1, every language) for a run of words
 * (Chinese: characters) out of each query: latency, and the same hits as a
 * scan of the normalised texts held as JS strings (phrase search's form
 * before session 7), whose own time is given for comparison.
 */
function phraseSearch(index: ParagraphIndex, queries: Query[]): string {
  const phrases = queries.map((q) => (q.language === 'zh' ? [...q.text].slice(10, 16).join('') : q.text.split(' ').slice(5, 9).join(' ')));
  const strings = new Map([...index.languages].map(([lang, li]) => [lang, Array.from({ length: li.slots }, (_, slot) => normaliseText(li.store.text(slot) ?? ''))]));
  const engineMs: number[] = [];
  const stringMs: number[] = [];
  let same = 0;
  let hits = 0;
  for (const q of phrases) {
    let t = performance.now();
    const page = search(index, { q, phrase: true });
    engineMs.push(performance.now() - t);
    hits += page.total;
    const phrase = normaliseText(q);
    t = performance.now();
    const byStrings = [...strings].map(([lang, texts]) => {
      const found: { slot: number; count: number }[] = [];
      texts.forEach((text, slot) => {
        let count = 0;
        for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) count++;
        if (count > 0 && index.languages.get(lang)!.store.text(slot) !== null) found.push({ slot, count });
      });
      return found;
    });
    stringMs.push(performance.now() - t);
    const byBytes = [...strings.keys()].map((lang) => index.languages.get(lang)!.phraseTexts.occurrences(phrase));
    if (JSON.stringify(byBytes) === JSON.stringify(byStrings)) same++;
  }
  return (
    `  phrase search, every language (${phrases.length} phrases, ${(hits / phrases.length).toFixed(0)} hits each on average): ${fmt(engineMs)}; ` +
    `scanning the texts as JS strings instead: ${fmt(stringMs)}; the same paragraphs and counts for ${same} of ${phrases.length} phrases`
  );
}

// --- The bundled corpus -------------------------------------------------------
if (BUNDLED && LOAD_SYNTHETIC < 0) {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-bench-'));
  copyFileSync(join(corpusTemplate(), 'precedent.db'), join(dir, 'precedent.db'));
  const db = openDb(join(dir, 'precedent.db'));
  const heap0 = heapMb();
  let t = performance.now();
  const built = ParagraphIndex.open(db, { dir: join(dir, 'index') });
  const buildS = (performance.now() - t) / 1000;
  const heap = heapMb() - heap0;
  void built;
  // Loading: opening reads the manifest and document list only; each language then loads on first use.
  t = performance.now();
  const loaded = ParagraphIndex.open(db, { dir: join(dir, 'index') });
  const openS = (performance.now() - t) / 1000;
  if (loaded.origin !== 'loaded') throw new Error('the persisted index was not loaded');
  const perLanguage: string[] = [];
  let total = 0;
  for (const lang of loaded.languageNames()) {
    const t1 = performance.now();
    loaded.get(lang);
    const s = (performance.now() - t1) / 1000;
    total += s;
    perLanguage.push(`${lang} ${s.toFixed(2)} s`);
  }
  const warm = ParagraphIndex.open(db, { dir: join(dir, 'index') });
  t = performance.now();
  await warm.warmUp();
  const warmS = (performance.now() - t) / 1000;
  const load =
    `open ${(openS * 1000).toFixed(0)} ms (manifest and documents); languages on first use: ${perLanguage.join(', ')}; all ${total.toFixed(2)} s; ` +
    `background warm-up of all (async) ${warmS.toFixed(2)} s`;
  report('Bundled corpus', loaded, buildS, heap, dirSize(join(dir, 'index')), load);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`  cold start of the server (persisted index): ${await coldStart()}`);
}

/** Starts the real server on a copy of the bundled corpus and its index: time to listening, and to every language warm. */
async function coldStart(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-bench-server-'));
  cpSync(corpusTemplate(), dir, { recursive: true });
  try {
    return await startServer(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the real server (server/main.ts) on `dir`'s precedent.db and the index
 * persisted beside it: time to listening, to its "warm" line, and the server's
 * resident memory then (the search worker's heap and the Buffers outside it).
 */
async function startServer(dir: string, env: Record<string, string> = {}): Promise<string> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, PRECEDENT_DB: join(dir, 'precedent.db'), PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready = 0;
  let readyLine = '';
  let warmLine = '';
  let rssMb = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
          const line = buffered.slice(0, i);
          buffered = buffered.slice(i + 1);
          if (line.startsWith('Precedent ready')) {
            ready = (performance.now() - started) / 1000;
            readyLine = line;
          }
          if (/^Search index (?:and series )?warm/.test(line)) {
            warmLine = line;
            rssMb = residentMb(child.pid!);
            resolve();
          }
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
  } finally {
    child.kill();
  }
  const warm = (performance.now() - started) / 1000;
  return (
    `listening ${ready.toFixed(2)} s after spawn (node and tsx start-up included; server says "${readyLine.replace(/: http.*/, '')}"), ` +
    `all languages warm ${warm.toFixed(2)} s after spawn ("${warmLine}"), resident memory then ${rssMb.toFixed(0)} MB`
  );
}

/** A process's resident memory (Linux /proc), MB; 0 where there is none. */
function residentMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1000 : 0;
  } catch {
    return 0;
  }
}

/** Runs this file with --load-synthetic on a persisted synthetic index: its report of the loads. */
async function loadInFreshProcess(dir: string): Promise<string> {
  const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=14000', '--import', 'tsx', import.meta.filename, '--load-synthetic', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`loading the synthetic index failed (${code})`);
  return out.trim();
}

/**
 * In a fresh process, on the synthetic database and its persisted index: each
 * language loaded synchronously (as get() does on first use), then all of
 * them as the server's background warm-up loads them (async, largest first),
 * the heap they then hold, then the rest of the search worker's warm-up
 * (worker.ts): phrase search's normalised texts (phrase.ts) and the series.
 */
if (LOAD_SYNTHETIC >= 0) {
  const dir = process.argv[LOAD_SYNTHETIC + 1];
  const db = openDb(join(dir, 'precedent.db'));
  const sync = eachOnFirstUse(db, join(dir, 'index'));
  const heap0 = heapMb();
  const t = performance.now();
  const index = ParagraphIndex.open(db, { dir: join(dir, 'index') });
  await index.warmUp();
  const warmS = (performance.now() - t) / 1000;
  const heap = heapMb() - heap0;
  const phraseMb = [...index.languages.values()].reduce((n, li) => n + li.phraseTexts.byteLength, 0) / 1e6;
  const t2 = performance.now();
  const series = listSeries(db).length;
  const seriesS = (performance.now() - t2) / 1000;
  console.log(
    `in a fresh process: each language on first use (sync): ${sync.join(', ')}; background warm-up of all (async, as the server) ${warmS.toFixed(2)} s, ` +
      `heap then ${heap.toFixed(0)} MB (phrase search's normalised texts loaded with them, ${phraseMb.toFixed(0)} MB outside the heap); ` +
      `series ${seriesS.toFixed(2)} s (${series} series); heap at the end ${(heapMb() - heap0).toFixed(0)} MB`,
  );
  db.close();
}

/** Opens the persisted index and loads each language synchronously, as get() does on first use: the time of each. */
function eachOnFirstUse(db: Db, dir: string): string[] {
  const index = ParagraphIndex.open(db, { dir });
  if (index.origin !== 'loaded') throw new Error('the persisted synthetic index was not loaded');
  return index.languageNames().map((lang) => {
    const t = performance.now();
    index.get(lang);
    return `${lang} ${((performance.now() - t) / 1000).toFixed(2)} s`;
  });
}

// --- A synthetic corpus of about a million paragraphs -------------------------
if (MILLION && LOAD_SYNTHETIC < 0) {
  const withIndex = await synthetic();
  // What the index held, measured the other way: the heap once it is let go.
  console.log(`  heap held by the synthetic index after its build: ${(withIndex - heapMb()).toFixed(0)} MB (the heap with it, less the heap once it is let go)`);
}

/**
 * Builds the synthetic corpus as a server's first start on it would: the
 * documents stored through the store (the database a server opens), the
 * index built from that database and persisted beside it; then loads it in a
 * fresh process, starts the real server on it, and measures. The heap (MB)
 * right after the build.
 */
async function synthetic(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-bench-1m-'));
  const db = openDb(join(dir, 'precedent.db'));
  // Variants of real paragraphs: each copy drops a different word (or Chinese
  // character) and swaps two clauses, so terms and lengths stay realistic while
  // no two paragraphs are the same text. The real index is let go before the
  // heap is measured. Titles repeat every SERIES_TITLES documents, so that
  // grouping the series has versions to group.
  const base = realParagraphs();
  let t = performance.now();
  const perDoc = 40;
  db.transaction(() => {
    for (let d = 0; d * perDoc < SYNTHETIC; d++) {
      const copy = Math.floor((d * perDoc) / base.length);
      const lang = base[(d * perDoc) % base.length].lang;
      const paragraphs: ParsedParagraph[] = [];
      for (let k = 0; k < perDoc && d * perDoc + k < SYNTHETIC; k++) {
        const src = base[(d * perDoc + k) % base.length];
        if (src.lang !== lang) continue;
        const number = src.section === 'operative' ? k + 1 : null;
        const label = number === null ? `PP ${k + 1}` : `OP ${number}`;
        paragraphs.push({ section: src.section, number, label, lead: '', text: variant(src.text, lang, copy), footnotes: [], items: [] });
      }
      const doc: ParsedDocument = {
        symbol: `S/${d}`, title: `Synthetic resolution ${d % SERIES_TITLES}`, language: lang, kind: 'resolution', body: 'General Assembly',
        session: 65 + (d % 15), date: `20${String(10 + (d % 15)).padStart(2, '0')}-01-01`, source: `synthetic-${d}.xml`, paragraphs,
      };
      upsertDocument(db, doc, String(d));
    }
  })();
  const storeS = (performance.now() - t) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const heap0 = heapMb();
  t = performance.now();
  // Built from the database and persisted beside it (index/), as the server's first start does.
  const index = ParagraphIndex.open(db, { dir: join(dir, 'index') });
  const buildS = (performance.now() - t) / 1000;
  const withIndex = heapMb();
  const heap = withIndex - heap0;
  const size = dirSize(join(dir, 'index'));
  const load = SERVER_ONLY ? '' : await loadInFreshProcess(dir);
  // An empty bundle folder: the server then adds nothing to this database.
  const noBundle = join(dir, 'no-bundle');
  mkdirSync(noBundle);
  const server = await startServer(dir, { PRECEDENT_BUNDLE: noBundle });
  // A scan of a million paragraphs takes tens of seconds a query: a few queries only.
  if (SERVER_ONLY) console.log(`\n## Synthetic corpus: ${index.paragraphCount} paragraphs\n  build ${buildS.toFixed(1)} s`);
  else report('Synthetic corpus', index, buildS, heap, size, load, 4, false);
  console.log(`  stored through the store (documents and paragraphs in SQLite) in ${storeS.toFixed(1)} s; the build reads them from there`);
  console.log(`  cold start of the server (this database and its persisted index): ${server}`);
  db.close();
  if (KEEP) console.log(`  kept: ${dir} (start the server on it: PRECEDENT_DB=${join(dir, 'precedent.db')} PRECEDENT_BUNDLE=${noBundle} npm start)`);
  else rmSync(dir, { recursive: true, force: true });
  return withIndex;
}

/** The copy-th variant of a real paragraph: one word (or Chinese character) dropped, two clauses swapped; copy 0 is the text itself. */
function variant(text: string, lang: Language, copy: number): string {
  if (copy === 0) return text;
  const parts = lang === 'zh' ? [...text] : text.split(' ');
  parts.splice((copy * 7) % parts.length, 1);
  const dropped = parts.join(lang === 'zh' ? '' : ' ');
  const clauses = dropped.split(lang === 'zh' ? '，' : ', ');
  if (clauses.length <= 2) return dropped;
  const i = copy % (clauses.length - 1);
  [clauses[i], clauses[i + 1]] = [clauses[i + 1], clauses[i]];
  return clauses.join(lang === 'zh' ? '，' : ', ');
}

/** Every paragraph of the bundled corpus, with its language. */
function realParagraphs(): { text: string; lang: Language; section: Section }[] {
  const source = openDb(join(corpusTemplate(), 'precedent.db'));
  const real = ParagraphIndex.open(source, { dir: join(corpusTemplate(), 'index') });
  const base: { text: string; lang: Language; section: Section }[] = [];
  for (const [lang, li] of real.languages) {
    for (let slot = 0; slot < li.slots; slot++) {
      const p = li.paragraph(slot);
      if (p) base.push({ text: p.text, lang, section: p.section });
    }
  }
  source.close();
  return base;
}
