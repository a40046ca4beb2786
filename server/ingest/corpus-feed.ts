// Corpus imports across instances (PostgreSQL store): an import publishes the
// documents it parsed (publishImports, from the ingest CLI), and every
// instance's CorpusFollower adds what was published to its own corpus copy —
// at start, and as soon as it is told of more. The search worker re-indexes a
// changed corpus before its next search (search/service.ts), so an import
// reaches every instance's suggestions within seconds. The last applied
// sequence number is kept in the instance's corpus file (meta), so a restart
// applies only what it missed.
import type { Db } from '../store/db.js';
import { getMeta, setMeta, upsertDocument } from '../store/corpus.js';
import type { CorpusFeed, PublishedDocument } from '../store/store.js';
import type { FileOutcome } from './import-files.js';

const APPLIED = 'corpus_feed_seq';
/** Documents applied per batch: between batches other requests are served. */
const BATCH = 50;

/** The documents of an import's outcomes, published for every instance; how many. */
export async function publishImports(feed: CorpusFeed, outcomes: readonly FileOutcome[]): Promise<number> {
  const documents: PublishedDocument[] = outcomes.flatMap((o) => o.documents.map(({ doc, sourceHash }) => ({ document: doc, sourceHash })));
  if (documents.length) await feed.publish(documents);
  return documents.length;
}

export class CorpusFollower {
  private pulling: Promise<void> | null = null;
  private again = false;
  private stop: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly feed: CorpusFeed,
    /** Told after each batch applied (the server logs it). */
    private readonly onApplied: (count: number) => void = () => {},
  ) {}

  /** Applies what was published meanwhile, then follows what is published next. */
  async start(): Promise<void> {
    this.stop = this.feed.onPublished(() => void this.pull().catch((e: unknown) => console.warn(`[corpus] applying published imports failed: ${String(e)}`)));
    await this.pull();
  }

  /** One pull at a time; a notice during a pull makes it go round once more. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        await this.applyAll();
      } while (this.again);
    })().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  private async applyAll(): Promise<void> {
    for (;;) {
      const seq = Number(getMeta(this.db, APPLIED) ?? 0);
      const next = await this.feed.after(seq, BATCH);
      if (next.length === 0) return;
      this.db.transaction(() => {
        for (const entry of next) {
          try {
            upsertDocument(this.db, entry.document, entry.sourceHash);
          } catch (e) {
            // One document this instance cannot store must not hold back every import after it: said, and passed.
            console.warn(`[corpus] published document ${entry.seq} (${entry.document.symbol ?? entry.document.source}) not added: ${String(e)}`);
          }
        }
        setMeta(this.db, APPLIED, String(next.at(-1)!.seq));
      })();
      this.onApplied(next.length);
    }
  }

  close(): void {
    this.stop?.();
  }
}
