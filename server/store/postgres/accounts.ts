// Delegations, users, sessions and the audit log in PostgreSQL, as
// server/store/accounts.ts and audit.ts keep them in SQLite. E-mails and
// delegation names match without case through lower(...), which the unique
// indexes also use. Creating a user may create their delegation: both in one
// transaction, and two instances creating the same delegation at once both
// end up using the one that won.
import type pg from 'pg';
import type { AuditEntry, Delegation, SessionRecord } from '../../accounts/model.js';
import { toUser, USER_COLUMNS, USER_FROM, withoutPassword, type UserRow } from '../rows.js';
import type { AccountsStore, AuditStore, Lane, NewAuditEntry, NewUserRow } from '../store.js';
import { inTransaction, num, rollback } from './sql.js';

/** SQLite's NOCASE order (its delegations.name collation), byte order otherwise. */
const BY_DELEGATION_NAME = `lower(d.name) COLLATE "C", d.name COLLATE "C"`;

/** `searchPool`: the connections of the 'search' lane (store.ts Lane). */
export function accountsStore(pool: pg.Pool, searchPool: pg.Pool = pool): AccountsStore {
  const laneOf = (lane: Lane | undefined) => (lane === 'search' ? searchPool : pool);
  return {
    async countUsers() {
      const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM users');
      return num(rows[0]!.n);
    },

    async listUsers() {
      const { rows } = await pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} ORDER BY ${BY_DELEGATION_NAME}, u.name COLLATE "C", u.id`);
      return rows.map((r) => withoutPassword(toUser(r)));
    },

    async findUserByEmail(email) {
      const { rows } = await pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE lower(u.email) = lower($1)`, [email]);
      return rows[0] ? toUser(rows[0]) : null;
    },

    async findUserById(id) {
      const { rows } = await pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.id = $1`, [id]);
      return rows[0] ? toUser(rows[0]) : null;
    },

    insertUser(user: NewUserRow, delegation: string, newDelegationId: string) {
      return inTransaction(pool, async (client) => {
        // ON CONFLICT waits for a concurrent creation of the same name to commit, then yields to it.
        await client.query('INSERT INTO delegations (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [newDelegationId, delegation, user.now]);
        const found = await client.query<{ id: string }>('SELECT id FROM delegations WHERE lower(name) = lower($1)', [delegation]);
        const delegationId = found.rows[0]?.id;
        if (!delegationId) throw new Error(`Delegation ${delegation} could be neither created nor found`);
        const inserted = await client.query(
          `INSERT INTO users (id, email, name, delegation_id, admin, password_hash, created_at, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING`,
          [user.id, user.email, user.name, delegationId, user.admin, user.passwordHash, user.now],
        );
        // The e-mail is taken: the delegation made for this user goes too.
        if (inserted.rowCount === 0) rollback(false);
        return true;
      });
    },

    async setPassword(userId, passwordHash, now) {
      await pool.query('UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3', [passwordHash, now, userId]);
    },

    async listDelegations() {
      const { rows } = await pool.query<{ id: string; name: string; members: string }>(
        `SELECT d.id, d.name, COUNT(u.id) AS members FROM delegations d LEFT JOIN users u ON u.delegation_id = d.id
         GROUP BY d.id ORDER BY ${BY_DELEGATION_NAME}`,
      );
      return rows.map((r) => ({ id: r.id, name: r.name, members: num(r.members) }));
    },

    async findDelegation(idOrName) {
      const { rows } = await pool.query<Delegation>(
        'SELECT id, name FROM delegations WHERE id = $1 OR lower(name) = lower($1) ORDER BY (id = $1) DESC LIMIT 1',
        [idOrName],
      );
      return rows[0] ? { id: rows[0].id, name: rows[0].name } : null;
    },

    async insertSession(session: SessionRecord) {
      await pool.query('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        session.tokenHash,
        session.userId,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      ]);
    },

    async findSessionUser(tokenHash, lane) {
      const { rows } = await laneOf(lane).query<UserRow & { s_token_hash: string; s_created_at: string; s_last_seen_at: string; s_expires_at: string }>(
        `SELECT ${USER_COLUMNS}, s.token_hash AS s_token_hash, s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN delegations d ON d.id = u.delegation_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        session: { tokenHash: row.s_token_hash, userId: row.id, createdAt: row.s_created_at, lastSeenAt: row.s_last_seen_at, expiresAt: row.s_expires_at },
        user: withoutPassword(toUser(row)),
      };
    },

    async touchSession(tokenHash, lastSeenAt, expiresAt, lane) {
      await laneOf(lane).query('UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3', [lastSeenAt, expiresAt, tokenHash]);
    },

    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    async deleteUserSessions(userId, keepTokenHash) {
      await pool.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, keepTokenHash ?? null]);
    },

    async deleteExpiredSessions(now) {
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    },
  };
}

interface AuditRow {
  id: string;
  at: string;
  action: AuditEntry['action'];
  actor_id: string | null;
  actor_email: string | null;
  address: string | null;
  target: string | null;
  detail: string | null;
}

export function auditStore(pool: pg.Pool): AuditStore {
  return {
    async append(entry: NewAuditEntry) {
      await pool.query('INSERT INTO audit_log (at, action, actor_id, actor_email, address, target, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        entry.at,
        entry.action,
        entry.actorId ?? null,
        entry.actorEmail ?? null,
        entry.address ?? null,
        entry.target ?? null,
        entry.detail ?? null,
      ]);
    },

    async list(limit, before) {
      const { rows } = await pool.query<AuditRow>(
        'SELECT id, at, action, actor_id, actor_email, address, target, detail FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2',
        [before ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map((r) => ({
        id: num(r.id),
        at: r.at,
        action: r.action,
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        address: r.address,
        target: r.target,
        detail: r.detail,
      }));
    },

    async countFailedSignIns(by, since) {
      // As SQLite: failures since `since`, after the last success of the same e-mail or address.
      const [match, value] = 'email' in by ? ['lower(actor_email) = lower($1)', by.email] : ['address = $1', by.address];
      const { rows } = await pool.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'sign-in-failed' AND ${match} AND at > $2
         AND at > COALESCE((SELECT MAX(at) FROM audit_log WHERE action = 'sign-in' AND ${match}), '')`,
        [value, since],
      );
      return num(rows[0]!.n);
    },
  };
}
