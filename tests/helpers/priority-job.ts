// A job (server/threads/job.ts) that answers with its own thread's nice value:
// what tests/unit/thread-priority.test.ts checks jobs run at.
import { getPriority } from 'node:os';
import { serveJob } from '../../server/threads/job.js';

serveJob(() => getPriority());
