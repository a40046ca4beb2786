// Entry of every worker thread the server starts (spawn.ts): lowers the
// thread's scheduling priority (THREAD_NICENESS in spawn.ts says why),
// registers tsx's TypeScript loader in the thread (a worker does not inherit
// the loader the server or vitest runs under), then loads the TypeScript
// module the worker is for, named in its workerData.
import { getPriority, setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Without a pid, setPriority sets the calling thread's nice value on Linux
// (threads are scheduled apart there); with the process id, getPriority reads
// the main thread's, so that a worker started by another worker (the search
// worker's index builds) is lowered from the main thread's priority, not
// twice. Lowering needs no privilege; where it is refused the worker runs at
// its creator's priority.
try {
  setPriority(Math.min(19, getPriority(process.pid) + workerData.niceness));
} catch {
  // Not Linux-like, or refused: the same priority as the main thread.
}
register();
await import(workerData.entry);
