// The messages between the server's main thread (search-worker.ts) and the
// search worker thread (worker.ts): tasks one way; answers and the state of
// each language's index the other.
import type { Language } from '../../core/model.js';
import type { GroupedSeries } from '../compare/series-job.js';
import type { SeriesOverrides } from '../compare/series.js';
import type { ZhMode } from './analyse.js';
import type { SearchPage, SearchRequest } from './phrase.js';
import type { SuggestRequest, Suggestions } from './suggest.js';

/** What the worker is started with. */
export interface WorkerSetup {
  dbFile: string;
  /** Where the index persists; undefined: index/ beside the database. */
  indexDir?: string | null;
  zhMode?: ZhMode;
  seriesOverrides: SeriesOverrides;
  /** Load every language at once (the server) rather than on first use. */
  warmUp: boolean;
  /** The worker's heap limit, MB: a language's build thread gets the same. */
  memoryMb: number;
}

export type Task =
  | { id: number; kind: 'suggest'; request: SuggestRequest; deadline: number }
  | { id: number; kind: 'search'; request: SearchRequest; deadline: number };

export type TaskResult = Suggestions | SearchPage;

/** A language's index as the worker knows it. */
export interface LanguageState {
  state: 'loading' | 'building' | 'ready' | 'failed';
  /** While building: % of its documents indexed. */
  progress?: number;
  detail?: string;
}

export type FromWorker =
  /** The index is open (manifest read, or built): the languages it has and their states. */
  | {
      type: 'state';
      opened: boolean;
      /** Every language loaded and the caches behind the first requests filled. */
      warm: boolean;
      building?: { progress: number };
      languages: Partial<Record<Language, LanguageState>>;
    }
  /** Opening failed for good (the database cannot be read). */
  | { type: 'fatal'; message: string }
  /** The series the worker grouped (in a job thread) while it loaded: the main thread's series view takes them too. */
  | ({ type: 'series' } & GroupedSeries)
  | { type: 'done'; id: number; result: TaskResult; ms: number }
  /** The task's deadline had passed before it started: it was not run. */
  | { type: 'expired'; id: number }
  | { type: 'error'; id: number; message: string };
