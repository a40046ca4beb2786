// The search worker thread: owns the loaded search index (MiniSearch per
// language, ~700 MB for the bundled corpus) and runs suggestions and keyword
// and phrase searches one at a time, so the server's main thread (saves,
// sign-ins, health) never waits behind them. Opens, loads, verifies and,
// when missing or damaged, rebuilds the index in the background, telling the
// main thread each language's state as it goes.
import { parentPort } from 'node:worker_threads';
import { LANGUAGES, type Language } from '../../core/model.js';
import { listSeries, setSeriesOverrides } from '../compare/service.js';
import { openDb } from '../store/db.js';
import { SearchService } from './service.js';
import { workerInput } from '../threads/spawn.js';
import type { FromWorker, LanguageState, Task, WorkerSetup } from './worker-protocol.js';

const port = parentPort!;
const setup = workerInput<WorkerSetup>();
const send = (message: FromWorker) => port.postMessage(message);
const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

const states: Partial<Record<Language, LanguageState>> = {};
let opened = false;
let warm = false;
let building: { progress: number } | undefined;
const percent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

function report(): void {
  send({ type: 'state', opened, warm, ...(building ? { building } : {}), languages: { ...states } });
}

/** Progress messages at most once per whole percent: the build calls back every 50 documents. */
function progressOf(onPercent: (p: number) => void) {
  let last = -1;
  return (done: number, total: number) => {
    const p = percent(done, total);
    if (p !== last) onPercent((last = p));
  };
}

let service: SearchService;

function runTask(task: Task): void {
  if (Date.now() > task.deadline) return send({ type: 'expired', id: task.id });
  const started = performance.now();
  try {
    const result = task.kind === 'suggest' ? service.suggest(task.request) : service.search(task.request);
    send({ type: 'done', id: task.id, result, ms: performance.now() - started });
  } catch (err) {
    send({ type: 'error', id: task.id, message: errorMessage(err) });
  }
}

async function start(): Promise<void> {
  const db = openDb(setup.dbFile);
  setSeriesOverrides(db, setup.seriesOverrides);
  // A missing or damaged index is built here, synchronously: the main thread
  // answers searches with 503 and the progress meanwhile.
  service = SearchService.open(db, {
    ...(setup.indexDir !== undefined ? { dir: setup.indexDir } : {}),
    ...(setup.zhMode ? { zhMode: setup.zhMode } : {}),
    onProgress: progressOf((progress) => {
      building = { progress };
      report();
    }),
  });
  building = undefined;
  opened = true;
  const index = service.index;
  for (const lang of index.languageNames()) states[lang] = { state: index.isLoaded(lang) ? 'ready' : 'loading' };
  report();
  if (!setup.warmUp) {
    // Languages load on first use (tests): the main thread lets requests through to them.
    for (const lang of index.languageNames()) states[lang] = { state: 'ready' };
    warm = true;
    report();
    return;
  }
  const damaged: { lang: Language; error: string }[] = [];
  await index.warmUp((event) => {
    if (event.state === 'damaged') damaged.push({ lang: event.language, error: event.error });
    else states[event.language] = { state: event.state };
    report();
  });
  for (const { lang, error } of damaged) {
    console.warn(`Search index for ${lang} damaged (${error}): rebuilding it from the database.`);
    states[lang] = { state: 'building', progress: 0, detail: error };
    report();
    try {
      index.rebuild(
        lang,
        progressOf((progress) => {
          states[lang] = { state: 'building', progress, detail: error };
          report();
        }),
      );
      states[lang] = { state: 'ready' };
    } catch (err) {
      states[lang] = { state: 'failed', detail: errorMessage(err) };
    }
    report();
  }
  // Collapsing results by series reads every preamble once: now, before the
  // index is called warm, rather than inside the first requests' time budget.
  // (Phrase search's normalised texts come with each language's files: phrase-texts.ts.)
  listSeries(db);
  // Languages the index has none of yet are ready (empty).
  for (const lang of LANGUAGES) states[lang] ??= { state: 'ready' };
  warm = true;
  report();
}

// Tasks that arrive while the index opens wait in the port's queue (the main
// thread sends none until it is told the index is open).
port.on('message', (task: Task) => runTask(task));
start().catch((err: unknown) => send({ type: 'fatal', message: errorMessage(err) }));
