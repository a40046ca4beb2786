// Starts a TypeScript module in a worker thread, with its input, whichever way
// the server runs (tsx, vitest): through boot.mjs, which registers the
// TypeScript loader first and lowers the thread's scheduling priority. The
// worker module reads its input with workerInput().
import { Worker, workerData, type WorkerOptions } from 'node:worker_threads';

const BOOT = new URL('./boot.mjs', import.meta.url);

/**
 * How far below the main thread a worker runs (Linux nice steps; Linux
 * schedules threads apart, so only the worker's own thread is lowered). The
 * main thread does the short work every user waits on (saves, sign-ins,
 * health); workers do the long work (search, index builds, file parsing). On
 * a machine with fewer cores than busy threads the kernel otherwise shares the
 * CPU evenly, and a save waits behind a search worker that is never idle under
 * load. Search answers people typing, so it is lowered less than the work
 * nobody watches as it happens.
 */
export const THREAD_NICENESS = { search: 5, background: 10 } as const;

/** What boot.mjs receives: the module to load, that module's input, and how far to lower the thread. */
interface Envelope {
  entry: string;
  input: unknown;
  niceness: number;
}

export interface SpawnOptions extends Omit<WorkerOptions, 'workerData'> {
  /** Nice steps below the main thread (0 to 19), whichever thread spawns it; see THREAD_NICENESS. */
  niceness: number;
}

/** A worker running `entry` (a .ts module's URL) with `input` (structured-cloned), `niceness` steps below the main thread. */
export function spawnTsWorker(entry: URL, input: unknown, { niceness, ...options }: SpawnOptions): Worker {
  return new Worker(BOOT, { ...options, workerData: { entry: entry.href, input, niceness } satisfies Envelope });
}

/** In a worker started by spawnTsWorker: the input it was given. */
export function workerInput<T>(): T {
  return (workerData as Envelope).input as T;
}
