// A job in its worker thread (server/threads/job.ts) reports its progress on
// the way, in order and before its answer (as an index build reports the
// documents it has indexed), and takes an upload's bytes moved rather than
// copied.
import { describe, expect, it } from 'vitest';
import { runJob } from '../../server/threads/job.js';

describe('runJob', () => {
  it('hears the progress a job reports, in order, before its answer', async () => {
    const heard: number[] = [];
    const answer = await runJob<number, number>(new URL('../helpers/counting-job.ts', import.meta.url), 3, { budgetMs: 30_000, memoryMb: 256 }, { onProgress: (n) => heard.push(n) });
    expect(answer).toBe(3);
    expect(heard).toEqual([1, 2, 3]);
  });

  it('moves the buffers it is told to into the worker: the job reads them whole, the caller no longer holds them', async () => {
    const bytes = new Uint8Array(1_300_000).fill(2);
    const sum = await runJob<number>(new URL('../helpers/byte-sum-job.ts', import.meta.url), bytes, { budgetMs: 30_000, memoryMb: 256 }, { transfer: [bytes.buffer] });
    expect(sum).toBe(2_600_000);
    expect(bytes.byteLength).toBe(0);
  });
});
