// One piece of heavy work (reading an uploaded file, rebuilding a language of
// the search index) in a fresh worker thread with a time budget and a heap
// limit, so that it can neither block the thread that started it nor take its
// memory: past either limit the worker is stopped and the caller told which
// limit it was. A job may report its progress on the way. Jobs run at the
// background priority (THREAD_NICENESS), below the main thread and search. A
// fresh worker per job (rather than a pool) because a job that hit a limit
// leaves nothing behind, and the work is rare next to the ~0.3 s a worker
// takes to start.
import { parentPort } from 'node:worker_threads';
import { spawnTsWorker, THREAD_NICENESS, workerInput } from './spawn.js';

export interface JobLimits {
  /** Longest the job may run, worker start included, ms. */
  budgetMs: number;
  /** The worker's heap limit, MB. */
  memoryMb: number;
}

/** The job ran past its time budget and was stopped. */
export class JobTimeout extends Error {}
/** The job needed more memory than its limit and was stopped. */
export class JobOutOfMemory extends Error {}
/** The job refused its input (an error the worker module names as the input's fault): the message says why. */
export class JobRefused extends Error {}

type Outcome<T> = { ok: true; value: T } | { ok: false; refused: boolean; message: string };
type JobMessage<T, P> = Outcome<T> | { progress: P };

export interface JobOptions<P> {
  /** Hears what the job reports on the way. */
  onProgress?: (progress: P) => void;
  /**
   * Buffers of `input` moved to the worker instead of copied (they are
   * detached here). Copying an upload's bytes into a new worker costs the
   * calling thread milliseconds per MB (6-12 ms for 1.3 MB here), moving it
   * under one.
   */
  transfer?: ArrayBuffer[];
}

/**
 * Runs the module `entry` (which calls serveJob) on `input` in a new worker;
 * its value, or why not.
 */
export function runJob<T, P = never>(entry: URL, input: unknown, limits: JobLimits, { onProgress, transfer = [] }: JobOptions<P> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = spawnTsWorker(entry, input, {
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      niceness: THREAD_NICENESS.background,
      transferList: transfer,
    });
    let settled = false;
    const finish = (how: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      how();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new JobTimeout(`ran longer than its budget of ${limits.budgetMs / 1000} s`))), limits.budgetMs);
    worker.on('message', (message: JobMessage<T, P>) => {
      if (!('ok' in message)) {
        if (!settled) onProgress?.(message.progress);
        return;
      }
      finish(() => (message.ok ? resolve(message.value) : reject(message.refused ? new JobRefused(message.message) : new Error(message.message))));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new JobOutOfMemory(`needed more than ${limits.memoryMb} MB of memory`) : err)),
    );
    worker.once('exit', (code) => finish(() => reject(new Error(`the worker stopped (exit code ${code}) without an answer`))));
  });
}

/**
 * In the worker module: runs `work` on the job's input and sends back its
 * value; an error of one of the `refusals` classes is the input's fault
 * (JobRefused on the other side), any other a failure. `work` may report its
 * progress (runJob's onProgress) through its second argument.
 */
export function serveJob<I, T, P = never>(
  work: (input: I, reportProgress: (progress: P) => void) => T | Promise<T>,
  refusals: (abstract new (...args: never[]) => Error)[] = [],
): void {
  const port = parentPort;
  if (!port) throw new Error('serveJob runs in a worker started by runJob');
  const send = (message: JobMessage<T, P>) => port.postMessage(message);
  Promise.resolve()
    .then(() => work(workerInput<I>(), (progress) => send({ progress })))
    .then(
      (value) => send({ ok: true, value }),
      (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        send({ ok: false, refused: refusals.some((r) => err instanceof r), message });
      },
    );
}
