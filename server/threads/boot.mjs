// Entry of every worker thread the server starts (spawn.ts): registers tsx's
// TypeScript loader in the thread (a worker does not inherit the loader the
// server or vitest runs under), then loads the TypeScript module the worker
// is for, named in its workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
