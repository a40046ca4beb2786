// .docx imports as the server runs them: each file is read in its own worker
// thread (docx-import-worker.ts) with a time budget and a heap limit, at most
// a few at once, so that a file built to be slow or huge to unpack and parse
// never blocks other requests (saves, health) or takes the server's memory.
// Past a limit the import is stopped and answered with what went wrong.
import { JobOutOfMemory, JobRefused, JobTimeout, runJob, type JobLimits } from '../threads/job.js';
import { ImportRejected, checkUpload, type DocxImport, type DocxImportJob } from './docx-import.js';

export interface DocxImportLimits extends JobLimits {
  /** Files read at once; one more is answered 503 at once. */
  concurrent: number;
}

/**
 * A well-formed 500-paragraph draft reads in about a second (most of it the
 * worker starting) in well under 100 MB. Files near the reader's own caps
 * (docx-read.ts: 48 MB unpacked, a million XML elements) measured 7–19 s and
 * up to ~400 MB; one paragraph of 45 million characters needs more than
 * 768 MB: stopped. Two at once: the machine has two cores.
 */
export const DOCX_IMPORT_DEFAULTS: DocxImportLimits = { budgetMs: 20_000, memoryMb: 768, concurrent: 2 };

/** An import stopped by a limit of the server rather than refused for its content: 413 (memory), 503 (busy), 504 (time). */
export class ImportOverLimit extends Error {
  constructor(
    readonly status: 413 | 503 | 504,
    message: string,
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

const WORKER = new URL('./docx-import-worker.ts', import.meta.url);

export class DocxImporter {
  private running = 0;

  constructor(readonly limits: DocxImportLimits = DOCX_IMPORT_DEFAULTS) {}

  /** How many files are being read now. */
  get reading(): number {
    return this.running;
  }

  /** The file read and recognised; ImportRejected for a bad file, ImportOverLimit past a limit. */
  async import(bytes: Uint8Array, options: DocxImportJob['options'] = {}): Promise<DocxImport> {
    // What needs no unpacking (empty, too large, not a .docx) is answered without a worker.
    checkUpload(bytes, options.name);
    if (this.running >= this.limits.concurrent) {
      throw new ImportOverLimit(503, `${this.running} .docx files are being read already: try again in a few seconds.`, 5);
    }
    this.running++;
    try {
      // Moved, not copied, into the worker: a copy of its own (a Buffer's bytes may sit in a shared pool).
      const moved = new Uint8Array(bytes);
      return await runJob<DocxImport>(WORKER, { bytes: moved, options } satisfies DocxImportJob, this.limits, { transfer: [moved.buffer] });
    } catch (e) {
      if (e instanceof JobRefused) throw new ImportRejected(e.message);
      if (e instanceof JobTimeout) {
        throw new ImportOverLimit(504, `Reading the file took longer than ${this.limits.budgetMs / 1000} s and was stopped: it is too complex to import. Save it again from Word, or paste its text.`);
      }
      if (e instanceof JobOutOfMemory) {
        throw new ImportOverLimit(413, `Reading the file needed more than ${this.limits.memoryMb} MB of memory and was stopped: it unpacks to too much to import. Save it again from Word, or paste its text.`);
      }
      throw e;
    } finally {
      this.running--;
    }
  }
}
