// A job (server/threads/job.ts) that answers with its own thread's nice value,
// or, given `nested`, with that of a job it starts itself (as the search
// worker starts its index builds): what tests/unit/thread-priority.test.ts
// checks jobs run at.
import { getPriority } from 'node:os';
import { runJob, serveJob } from '../../server/threads/job.js';

serveJob((nested: boolean) => (nested ? runJob<number>(new URL(import.meta.url), false, { budgetMs: 30_000, memoryMb: 256 }) : getPriority()));
