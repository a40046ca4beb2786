// The search worker thread: owns the loaded search index (MiniSearch per
// language, ~700 MB for the bundled corpus) and runs suggestions and keyword
// and phrase searches one at a time, so the server's main thread (saves,
// sign-ins, health) never waits behind them. Opens, loads, verifies and,
// when missing or damaged, rebuilds the index in the background, telling the
// main thread each language's state as it goes.
//
// A language found damaged (or missing) once the index is open is rebuilt in
// a build thread of its own (language-build-worker.ts), not here: a rebuild
// takes seconds on the bundled corpus and minutes at a million paragraphs,
// and searches of the languages that are ready must not queue behind it. The
// thread uses the second core at the background priority and writes the
// language's files; this worker then loads them (yielding, as the warm-up
// does). Only the first build of a missing index runs here, before anything
// can be searched anyway.
import { parentPort } from 'node:worker_threads';
import { LANGUAGES, type Language } from '../../core/model.js';
import { warmSeries } from '../compare/series-warm.js';
import { listSeries, setSeriesOverrides } from '../compare/service.js';
import { openDb } from '../store/db.js';
import { runJob } from '../threads/job.js';
import type { RebuiltLanguage } from './index.js';
import type { LanguageBuild, LanguageBuildProgress } from './language-build-worker.js';
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

const BUILD_WORKER = new URL('./language-build-worker.ts', import.meta.url);
/**
 * A build may use the heap this worker may (one language never needs more
 * than all of them); its time budget only stops one that is stuck: a language
 * of a million paragraphs takes minutes on a busy machine.
 */
const buildLimits = { budgetMs: 60 * 60_000, memoryMb: setup.memoryMb };
/** One build at a time: two would share the one core this worker leaves, and each holds a language in its heap. */
let builds = Promise.resolve();

/** Rebuilds a damaged language (already set apart from the index) in a build thread, then takes it in. */
function rebuildApart(lang: Language, error: string): void {
  console.warn(`Search index for ${lang} damaged (${error}): rebuilding it from the database in the background.`);
  states[lang] = { state: 'building', progress: 0, detail: error };
  report();
  const onProgress = progressOf((progress) => {
    // Documents indexed; reviewing stop terms, writing the files and loading
    // them here follow the last one and take a while too: 100 % is ready.
    states[lang] = { state: 'building', progress: Math.min(progress, 99), detail: error };
    report();
  });
  builds = builds.then(async () => {
    const index = service.index;
    try {
      const build: LanguageBuild = { dbFile: setup.dbFile, dir: index.dir!, language: lang, zhMode: index.zhMode };
      const built = await runJob<RebuiltLanguage, LanguageBuildProgress>(BUILD_WORKER, build, buildLimits, { onProgress: ({ done, total }) => onProgress(done, total) });
      // Phrase search's texts come with the language's files (phrase-texts.ts).
      await index.takeRebuilt(lang, built);
      states[lang] = { state: 'ready' };
    } catch (err) {
      states[lang] = { state: 'failed', detail: errorMessage(err) };
    }
    report();
  });
}

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
    // Found damaged on first use (or by the sync that opening runs): rebuilt apart.
    onDamaged: rebuildApart,
  });
  building = undefined;
  opened = true;
  const index = service.index;
  // Languages that load on first use (tests) are ready as far as the main
  // thread is concerned: it lets requests through to them.
  const unloaded: LanguageState['state'] = setup.warmUp ? 'loading' : 'ready';
  for (const lang of index.languageNames()) states[lang] ??= { state: index.isLoaded(lang) ? 'ready' : unloaded };
  report();
  if (!setup.warmUp) {
    warm = true;
    report();
    return;
  }
  // Grouped once for both threads: the main thread's series view takes the same grouping.
  const series = warmSeries(db).then(
    (warmed) => {
      if (warmed) send({ type: 'series', ...warmed.grouped });
      return warmed?.cached ?? false;
    },
    (err: unknown) => {
      console.warn(`Series not grouped in a job thread (${errorMessage(err)}): grouping them in the search worker.`);
      return false;
    },
  );
  await index.warmUp((event) => {
    if (event.state !== 'damaged') return;
    index.setApart(event.language);
    rebuildApart(event.language, event.error);
  });
  // Collapsing results by series reads every preamble once: before the
  // languages are called ready, rather than inside the first requests' time
  // budget (a request let through to a ready language must not then wait
  // seconds for this); grouped in a job thread while the languages load, and
  // here only if that failed. (Phrase search's normalised texts come with each
  // language's files: phrase-texts.ts.)
  if (!(await series)) listSeries(db);
  // Every language but those being rebuilt is loaded now (or has no index
  // yet: ready, and empty).
  for (const lang of LANGUAGES) if (!index.isApart(lang)) states[lang] = { state: 'ready' };
  report();
  // Warm once the damaged languages are back too (ready() waits for that).
  await builds;
  warm = true;
  report();
}

// Tasks that arrive while the index opens wait in the port's queue (the main
// thread sends none until it is told the index is open).
port.on('message', (task: Task) => runTask(task));
start().catch((err: unknown) => send({ type: 'fatal', message: errorMessage(err) }));
