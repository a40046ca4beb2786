// The corpus feed in PostgreSQL: each import's parsed documents as rows in
// publication order, announced with NOTIFY precedent_corpus in the same
// transaction, so an instance told of them finds them committed.
import type pg from 'pg';
import type { CorpusFeed, PublishedDocument } from '../store.js';
import type { Notifications } from './notifications.js';
import { inTransaction, num } from './sql.js';

export const CORPUS_CHANNEL = 'precedent_corpus';

export function corpusFeed(pool: pg.Pool, notifications: Notifications): CorpusFeed {
  return {
    async publish(documents) {
      return inTransaction(pool, async (client) => {
        let last = 0;
        const at = new Date().toISOString();
        for (const { document, sourceHash } of documents) {
          const { rows } = await client.query<{ seq: string }>('INSERT INTO corpus_feed (document, source_hash, published_at) VALUES ($1, $2, $3) RETURNING seq', [
            JSON.stringify(document),
            sourceHash,
            at,
          ]);
          last = num(rows[0]!.seq);
        }
        await client.query('SELECT pg_notify($1, $2)', [CORPUS_CHANNEL, JSON.stringify({ seq: last, instance: notifications.instanceId })]);
        return last;
      });
    },

    async after(seq, limit) {
      const { rows } = await pool.query<{ seq: string; document: string; source_hash: string }>(
        'SELECT seq, document, source_hash FROM corpus_feed WHERE seq > $1 ORDER BY seq LIMIT $2',
        [seq, limit],
      );
      return rows.map((r): PublishedDocument & { seq: number } => ({ seq: num(r.seq), document: JSON.parse(r.document) as PublishedDocument['document'], sourceHash: r.source_hash }));
    },

    onPublished(listener) {
      return notifications.subscribe(CORPUS_CHANNEL, () => listener());
    },
  };
}
