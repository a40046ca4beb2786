// Worker threads run below the main thread's scheduling priority, so that on
// a busy machine a save or a health check is not shared out evenly with a
// file being parsed or a search: jobs at the background niceness, the main
// thread unchanged. (The search worker's: tests/api/search-worker.test.ts.)
import { getPriority, platform } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../server/threads/job.js';
import { THREAD_NICENESS } from '../../server/threads/spawn.js';

const PRIORITY_JOB = new URL('../helpers/priority-job.ts', import.meta.url);
const LIMITS = { budgetMs: 30_000, memoryMb: 256 };

describe.skipIf(platform() !== 'linux')('worker thread priority', () => {
  it('runs a job at the background niceness, and leaves the main thread as it was', async () => {
    const main = getPriority();
    const jobNice = await runJob<number>(PRIORITY_JOB, false, LIMITS);
    expect(jobNice).toBe(Math.min(19, main + THREAD_NICENESS.background));
    expect(jobNice).toBeGreaterThan(main);
    expect(getPriority()).toBe(main);
  });

  it('lowers a job started by another worker from the main thread’s priority, not from that worker’s', async () => {
    const nestedNice = await runJob<number>(PRIORITY_JOB, true, LIMITS);
    expect(nestedNice).toBe(Math.min(19, getPriority() + THREAD_NICENESS.background));
  });
});
