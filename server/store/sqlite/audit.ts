// The audit log in SQLite: who signed in (or failed to), shared, unshared or
// deleted what, from which address. Append-only; read by administrators. The
// sign-in rate limit counts its failures here, so every instance sharing the
// database sees the same count.
import type { AuditEntry } from '../../accounts/model.js';
import type { Db } from '../db.js';
import { prepared } from './prepared.js';
import type { NewAuditEntry } from '../store.js';

export const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_id TEXT,
  actor_email TEXT,
  address TEXT,
  target TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_by_action ON audit_log(action, at);
`;

export function appendAudit(db: Db, entry: NewAuditEntry): void {
  prepared(db,
    `INSERT INTO audit_log (at, action, actor_id, actor_email, address, target, detail)
     VALUES (@at, @action, @actorId, @actorEmail, @address, @target, @detail)`,
  ).run({ actorId: null, actorEmail: null, address: null, target: null, detail: null, ...entry });
}

/** The newest entries first, `limit` of them, older than `before` (an id) when paging. */
export function listAudit(db: Db, limit: number, before?: number): AuditEntry[] {
  return prepared(db,
      `SELECT id, at, action, actor_id AS actorId, actor_email AS actorEmail, address, target, detail
       FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(before ?? Number.MAX_SAFE_INTEGER, limit) as AuditEntry[];
}

/**
 * Failed sign-ins since `since` for an e-mail or from an address, not counting
 * those before the last successful sign-in of the same e-mail (or address).
 */
export function countFailedSignIns(db: Db, by: { email: string } | { address: string }, since: string): number {
  const [column, value] = 'email' in by ? ['actor_email', by.email.toLowerCase()] : ['address', by.address];
  const row = prepared(db,
      `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'sign-in-failed' AND ${column} = @value AND at > @since
       AND at > COALESCE((SELECT MAX(at) FROM audit_log WHERE action = 'sign-in' AND ${column} = @value), '')`,
    )
    .get({ value, since }) as { n: number };
  return row.n;
}
