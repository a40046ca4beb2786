// Starts a TypeScript module in a worker thread, with its input, whichever way
// the server runs (tsx, vitest): through boot.mjs, which registers the
// TypeScript loader first. The worker module reads its input with workerInput().
import { Worker, workerData, type WorkerOptions } from 'node:worker_threads';

const BOOT = new URL('./boot.mjs', import.meta.url);

/** What boot.mjs receives: the module to load, and that module's input. */
interface Envelope {
  entry: string;
  input: unknown;
}

/** A worker running `entry` (a .ts module's URL) with `input` (structured-cloned). */
export function spawnTsWorker(entry: URL, input: unknown, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  return new Worker(BOOT, { ...options, workerData: { entry: entry.href, input } satisfies Envelope });
}

/** In a worker started by spawnTsWorker: the input it was given. */
export function workerInput<T>(): T {
  return (workerData as Envelope).input as T;
}
