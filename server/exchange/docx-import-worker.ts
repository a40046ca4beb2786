// The worker thread of one .docx import (docx-import-thread.ts starts it):
// unpacks, parses and recognises the file off the server's event loop; a
// problem with the file itself comes back as the ImportRejected it is.
import { serveJob } from '../threads/job.js';
import { ImportRejected, importDocx, type DocxImportJob } from './docx-import.js';

serveJob((job: DocxImportJob) => importDocx(job.bytes, job.options), [ImportRejected]);
