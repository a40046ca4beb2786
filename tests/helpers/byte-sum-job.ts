// A job (server/threads/job.ts) that answers the sum of the bytes it was
// given: what tests/unit/thread-job.test.ts checks moved bytes arrive by.
import { serveJob } from '../../server/threads/job.js';

serveJob<Uint8Array, number>((bytes) => bytes.reduce((sum, b) => sum + b, 0));
