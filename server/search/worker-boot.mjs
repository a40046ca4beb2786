// Entry of the search worker thread: registers tsx's TypeScript loader in the
// thread (a worker does not inherit the loader the server or vitest runs
// under), then loads the worker itself (worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
