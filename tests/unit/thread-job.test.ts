// A job in its worker thread (server/threads/job.ts) reports its progress on
// the way, in order and before its answer (as an index build reports the
// documents it has indexed).
import { describe, expect, it } from 'vitest';
import { runJob } from '../../server/threads/job.js';

describe('runJob', () => {
  it('hears the progress a job reports, in order, before its answer', async () => {
    const heard: number[] = [];
    const answer = await runJob<number, number>(new URL('../helpers/counting-job.ts', import.meta.url), 3, { budgetMs: 30_000, memoryMb: 256 }, (n) => heard.push(n));
    expect(answer).toBe(3);
    expect(heard).toEqual([1, 2, 3]);
  });
});
