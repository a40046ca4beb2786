// A job (server/threads/job.ts) that reports its progress: 1, 2 … n, then
// answers n. What tests/unit/thread-job.test.ts checks progress arrives by.
import { serveJob } from '../../server/threads/job.js';

serveJob<number, number, number>((n, reportProgress) => {
  for (let i = 1; i <= n; i++) reportProgress(i);
  return n;
});
