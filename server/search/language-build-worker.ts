// The build thread: rebuilds one damaged (or missing) language of the search
// index from the database, apart from the search worker, which keeps
// answering the other languages meanwhile and takes the files this writes
// (ParagraphIndex.buildApart, takeRebuilt). Started by worker.ts with runJob,
// at the background priority, and stopped with the search worker.
import type { Language } from '../../core/model.js';
import { openDb } from '../store/db.js';
import { serveJob } from '../threads/job.js';
import type { ZhMode } from './analyse.js';
import { ParagraphIndex, type RebuiltLanguage } from './index.js';

export interface LanguageBuild {
  dbFile: string;
  /** The index's folder: the language is written to its rebuildPrefix. */
  dir: string;
  language: Language;
  zhMode: ZhMode;
}

/** Documents indexed of those to index. */
export interface LanguageBuildProgress {
  done: number;
  total: number;
}

serveJob<LanguageBuild, RebuiltLanguage, LanguageBuildProgress>(({ dbFile, dir, language, zhMode }, reportProgress) => {
  const db = openDb(dbFile);
  try {
    return ParagraphIndex.buildApart(db, language, dir, zhMode, (done, total) => reportProgress({ done, total }));
  } finally {
    db.close();
  }
});
