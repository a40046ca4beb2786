// The search service as the API uses it: one worker thread (worker.ts) owns the
// index and runs suggestions and searches one at a time; this main-thread side
// queues them, keeps the queue bounded, drops the work of clients that left,
// enforces a time budget per request and a memory budget for the worker, and
// answers "not now" (SearchUnavailable → 503 with Retry-After) while the index
// loads or builds or the queue is full, instead of letting requests hang.
//
// Why one worker: the machine it runs on has 2 cores and each worker would hold
// its own copy of the ~700 MB index; a second worker would double the memory to
// gain at most one core that the main thread (saves, health) and SQLite need.
// Suggestions take ~10–30 ms once pruned, so one worker answers ~50–100 a second.
// (A damaged language is rebuilt in a build thread the worker starts, apart
// from its queue, and loaded when done: worker.ts.)
import type { Worker } from 'node:worker_threads';
import { detectLanguage } from '../../core/languages/index.js';
import { LANGUAGES, type Language } from '../../core/model.js';
import type { SeriesOverrides } from '../compare/series.js';
import { spawnTsWorker, THREAD_NICENESS } from '../threads/spawn.js';
import type { SearchPage, SearchRequest } from './phrase.js';
import type { SuggestRequest, Suggestions } from './suggest.js';
import type { GroupedSeries } from '../compare/series-job.js';
import type { FromWorker, LanguageState, Task, TaskResult, WorkerSetup } from './worker-protocol.js';

export type { LanguageState } from './worker-protocol.js';

export interface SearchWorkerOptions {
  /** The database the worker reads (its own connection). */
  dbFile: string;
  /** Where the index persists; default index/ beside the database. */
  indexDir?: string | null;
  seriesOverrides?: SeriesOverrides;
  /** Longest a request may wait and run, ms; then 504. */
  budgetMs?: number;
  /** Requests waiting behind the one running; one more is answered 503 at once. */
  queueLimit?: number;
  /** The worker's heap limit, MB: beyond it the worker is restarted rather than the server dying. */
  memoryMb?: number;
  /**
   * Load every language as soon as the worker starts (the server). Without it
   * (tests) languages load on first use, and requests wait for them.
   */
  warmUp?: boolean;
  /** Hears the series the worker grouped while it warmed up (for the main thread's series view). */
  onSeries?: (grouped: GroupedSeries) => void;
}

export const SEARCH_DEFAULTS = { budgetMs: 2000, queueLimit: 32, memoryMb: 3072 };

/**
 * Past this many waiting, the newest request is served first. A drafter's
 * suggestion is superseded by the next keystroke within half a second: under
 * overload, serving the oldest first means answering requests nobody waits
 * for any more while the fresh ones age too (adaptive LIFO). Below it, first
 * come first served.
 */
const CONGESTED = 4;

/** Search cannot answer now: 503 with the reason and when to ask again. */
export class SearchUnavailable extends Error {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
  }
}

/** The request ran out of its time budget: 504. */
export class SearchTimeout extends Error {}

/** What health reports of search. */
export interface SearchStatus {
  state: 'starting' | 'ok' | 'failed';
  languages: Partial<Record<Language, LanguageState>>;
  detail?: string;
}

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  settled: boolean;
  cleanup: () => void;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export class SearchWorker {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private opened = false;
  private warm = false;
  private building: { progress: number } | undefined;
  private languages: Partial<Record<Language, LanguageState>> = {};
  private fatal: string | null = null;
  private restarts = 0;
  /** Why the worker last died, and how often it did since it was last ready: health calls search failed from the third. */
  private lastLoss: string | null = null;
  private lossesSinceReady = 0;
  private nextId = 1;
  private closed = false;
  private readonly readyWaiters: (() => void)[] = [];
  private readonly options: Required<Omit<SearchWorkerOptions, 'indexDir' | 'onSeries'>> & Pick<SearchWorkerOptions, 'indexDir' | 'onSeries'>;

  private constructor(options: SearchWorkerOptions) {
    this.options = { ...SEARCH_DEFAULTS, seriesOverrides: {}, warmUp: true, ...options };
  }

  /** Starts the worker now: it opens (or builds) the index in the background. */
  static start(options: SearchWorkerOptions): SearchWorker {
    const w = new SearchWorker(options);
    w.spawn();
    return w;
  }

  /** Starts the worker on the first request: for apps (and tests) that may never search. */
  static lazy(options: SearchWorkerOptions): SearchWorker {
    return new SearchWorker({ warmUp: false, ...options });
  }

  private spawn(): void {
    const setup: WorkerSetup = {
      dbFile: this.options.dbFile,
      ...(this.options.indexDir !== undefined ? { indexDir: this.options.indexDir } : {}),
      seriesOverrides: this.options.seriesOverrides,
      warmUp: this.options.warmUp,
      memoryMb: this.options.memoryMb,
    };
    const worker = spawnTsWorker(WORKER_URL, setup, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      niceness: THREAD_NICENESS.search,
    });
    this.worker = worker;
    this.opened = false;
    this.warm = false;
    this.languages = {};
    worker.on('message', (m: FromWorker) => this.receive(m));
    worker.on('error', (err) => this.lost(worker, `search worker failed: ${err.message}`));
    worker.on('exit', (code) => this.lost(worker, `search worker stopped (exit code ${code})`));
    // The server may exit while the worker still loads: the worker never keeps it alive.
    worker.unref();
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'state':
        this.opened = m.opened;
        this.warm = m.warm;
        if (this.warm) this.lossesSinceReady = 0;
        this.building = m.building;
        this.languages = m.languages;
        if (this.isReady()) for (const wake of this.readyWaiters.splice(0)) wake();
        this.pump();
        return;
      case 'series':
        this.options.onSeries?.({ version: m.version, series: m.series });
        return;
      case 'fatal':
        this.fatal = m.message;
        console.error(`Search cannot start: ${m.message}`);
        this.failAll(new SearchUnavailable(`search unavailable: ${m.message}`, 30));
        return;
      case 'done':
      case 'expired':
      case 'error': {
        const p = this.running;
        if (!p || p.task.id !== m.id) return;
        this.running = null;
        if (m.type === 'done') this.settle(p, () => p.resolve(m.result));
        else if (m.type === 'expired') this.settle(p, () => p.reject(new SearchTimeout(this.timeoutMessage())));
        else this.settle(p, () => p.reject(new Error(m.message)));
        this.pump();
        return;
      }
    }
  }

  /** The worker died (out of memory, a crash, or terminated for running over): fail what it held, start another. */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.closed) return;
    console.error(`${why}; restarting it.`);
    this.lastLoss = why;
    this.lossesSinceReady++;
    this.failAll(new SearchUnavailable(`${why}; search restarts`, 5));
    this.restarts++;
    // Back off when it keeps dying (a damaged database, too little memory).
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.restarts - 1, 6));
    setTimeout(() => {
      if (!this.closed && !this.worker) this.spawn();
    }, delay).unref();
  }

  private failAll(err: Error): void {
    const all = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    for (const p of all) this.settle(p, () => p.reject(err));
  }

  private settle(p: Pending, how: () => void): void {
    if (p.settled) return;
    p.settled = true;
    clearTimeout(p.timer);
    p.cleanup();
    how();
  }

  private timeoutMessage(): string {
    return `search took longer than its budget of ${this.options.budgetMs / 1000} s: try a shorter or more specific text`;
  }

  private isReady(): boolean {
    return this.opened && this.warm;
  }

  /** Resolves once the index is open and every language loaded (tests, the load bench, logs). */
  ready(): Promise<void> {
    if (!this.worker && !this.closed) this.spawn();
    if (this.isReady()) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Throws SearchUnavailable when the request cannot be taken now: shut down, its languages not ready, the queue full. */
  private admit(needed: Language[] | 'all', signal?: AbortSignal): void {
    if (this.closed) throw new SearchUnavailable('search is shut down', 30);
    if (!this.worker) this.spawn();
    // A lazy worker (tests) lets requests wait for the languages it loads on first use.
    if (this.options.warmUp || this.opened) this.checkLanguages(needed);
    if (signal?.aborted) throw new SearchUnavailable('request cancelled', 1);
    if (this.queue.length >= this.options.queueLimit) {
      throw new SearchUnavailable(`search is busy (${this.queue.length} requests waiting): try again shortly`, 1);
    }
  }

  /** Throws SearchUnavailable when a language the request needs cannot be searched now. */
  private checkLanguages(needed: Language[] | 'all'): void {
    if (this.fatal) throw new SearchUnavailable(`search unavailable: ${this.fatal}`, 30);
    if (!this.opened) {
      if (this.building) throw new SearchUnavailable(`search index building: ${this.building.progress} %`, 5);
      throw new SearchUnavailable('search index opening', 2);
    }
    const langs = needed === 'all' ? LANGUAGES : needed;
    for (const lang of langs) {
      const s = this.languages[lang];
      if (!s || s.state === 'ready') continue;
      if (s.state === 'building') throw new SearchUnavailable(`search index building (${lang}): ${s.progress ?? 0} %`, 5);
      if (s.state === 'loading') throw new SearchUnavailable(`search index loading (${lang})`, 2);
      throw new SearchUnavailable(`search index for ${lang} failed: ${s.detail ?? 'unknown error'}`, 30);
    }
  }

  suggest(request: SuggestRequest, signal?: AbortSignal): Promise<Suggestions> {
    const lang = request.language ?? request.filters?.language ?? detectLanguage(request.text);
    return this.submit({ kind: 'suggest', request }, [lang], signal) as Promise<Suggestions>;
  }

  search(request: SearchRequest, signal?: AbortSignal): Promise<SearchPage> {
    // Keyword search without a language searches the query's language only (phrase.ts).
    const needed = request.language ? [request.language] : request.phrase ? 'all' : [detectLanguage(request.q)];
    return this.submit({ kind: 'search', request }, needed, signal) as Promise<SearchPage>;
  }

  private submit(work: Pick<Task, 'kind' | 'request'>, needed: Language[] | 'all', signal?: AbortSignal): Promise<TaskResult> {
    try {
      this.admit(needed, signal);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    const deadline = Date.now() + this.options.budgetMs;
    const task = { ...work, id: this.nextId++, deadline } as Task;
    return new Promise<TaskResult>((resolve, reject) => {
      const onAbort = () => this.cancel(p);
      const p: Pending = {
        task,
        resolve,
        reject,
        settled: false,
        timer: setTimeout(() => this.expire(p), this.options.budgetMs),
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(p);
      this.pump();
    });
  }

  /** The client left (or its request was superseded): a queued task is dropped; a running one cannot be stopped, its answer is dropped. */
  private cancel(p: Pending): void {
    const at = this.queue.indexOf(p);
    if (at >= 0) this.queue.splice(at, 1);
    this.settle(p, () => p.reject(new SearchUnavailable('request cancelled', 1)));
  }

  /**
   * Out of budget: answered 504 now. A queued task is dropped; a running one
   * is left to finish (the worker checks deadlines before each task) unless it
   * runs so far over that the worker must be stuck: then it is replaced.
   */
  private expire(p: Pending): void {
    const at = this.queue.indexOf(p);
    if (at >= 0) this.queue.splice(at, 1);
    this.settle(p, () => p.reject(new SearchTimeout(this.timeoutMessage())));
    if (this.running === p) {
      const worker = this.worker;
      const stuck = setTimeout(() => {
        if (this.running === p && this.worker === worker && worker) {
          console.error(`A search ran ${(4 * this.options.budgetMs) / 1000} s over its budget: restarting the search worker.`);
          void worker.terminate();
        }
      }, 4 * this.options.budgetMs);
      stuck.unref();
    }
  }

  /** Sends the next queued task when the worker is free (one at a time: a queued task can still be cancelled). */
  private pump(): void {
    if (this.running || !this.worker || !this.opened) return;
    const p = this.queue.length > CONGESTED ? this.queue.pop() : this.queue.shift();
    if (!p) return;
    this.running = p;
    this.worker.postMessage(p.task);
  }

  status(): SearchStatus {
    if (this.fatal) return { state: 'failed', languages: this.languages, detail: this.fatal };
    if (this.lossesSinceReady >= 3) return { state: 'failed', languages: this.languages, detail: `${this.lastLoss} (${this.lossesSinceReady} times since it was last ready)` };
    if (!this.opened) {
      const building = this.building ? { detail: `building the index: ${this.building.progress} %` } : {};
      return { state: 'starting', languages: this.languages, ...building };
    }
    const failed = Object.values(this.languages).some((s) => s.state === 'failed');
    return { state: failed ? 'failed' : 'ok', languages: this.languages };
  }

  /** Stops the worker (tests, shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new SearchUnavailable('search is shut down', 30));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
