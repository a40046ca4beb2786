// Delegations, users and sign-in sessions in SQLite: the only SQL that touches
// them. Rows in, rows out; the rules (passwords, expiry, who may do what) live
// in server/accounts/. Sessions are stored by the hash of their token, so a
// copy of the database never holds a usable cookie.
import type { Delegation, SessionRecord, User, UserWithPassword } from '../../accounts/model.js';
import { toUser, USER_COLUMNS, USER_FROM, withoutPassword, type UserRow } from '../rows.js';
import type { Db } from '../db.js';
import { prepared } from './prepared.js';
import type { NewUserRow } from '../store.js';

export const ACCOUNTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS delegations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  delegation_id TEXT NOT NULL REFERENCES delegations(id),
  admin INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user_id);
`;

export function countUsers(db: Db): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function listUsers(db: Db): User[] {
  const rows = prepared(db, `SELECT ${USER_COLUMNS} FROM ${USER_FROM} ORDER BY d.name, u.name`).all() as UserRow[];
  return rows.map((r) => withoutPassword(toUser(r)));
}

export function findUserByEmail(db: Db, email: string): UserWithPassword | null {
  const row = prepared(db, `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.email = ?`).get(email) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findUserById(db: Db, id: string): UserWithPassword | null {
  const row = prepared(db, `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

/** The user, in the delegation of that name (made when there is none); false, writing nothing, when the e-mail is taken. */
export function insertUser(db: Db, user: NewUserRow, delegation: string, newDelegationId: string): boolean {
  return db.transaction(() => {
    if (findUserByEmail(db, user.email)) return false;
    let delegationId = findDelegation(db, delegation)?.id;
    if (!delegationId) {
      insertDelegation(db, { id: newDelegationId, name: delegation }, user.now);
      delegationId = newDelegationId;
    }
    prepared(db,
      `INSERT INTO users (id, email, name, delegation_id, admin, password_hash, created_at, password_changed_at)
       VALUES (@id, @email, @name, @delegationId, @admin, @passwordHash, @now, @now)`,
    ).run({ ...user, delegationId, admin: user.admin ? 1 : 0 });
    return true;
  })();
}

export function setPassword(db: Db, userId: string, passwordHash: string, now: string): void {
  prepared(db, 'UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(passwordHash, now, userId);
}

// --- Delegations -----------------------------------------------------------

export function listDelegations(db: Db): (Delegation & { members: number })[] {
  return prepared(db,
      `SELECT d.id, d.name, COUNT(u.id) AS members FROM delegations d LEFT JOIN users u ON u.delegation_id = d.id
       GROUP BY d.id ORDER BY d.name`,
    )
    .all() as (Delegation & { members: number })[];
}

export function findDelegation(db: Db, idOrName: string): Delegation | null {
  const row = prepared(db, 'SELECT id, name FROM delegations WHERE id = ? OR name = ?').get(idOrName, idOrName) as Delegation | undefined;
  return row ?? null;
}

export function insertDelegation(db: Db, delegation: Delegation, now: string): void {
  prepared(db, 'INSERT INTO delegations (id, name, created_at) VALUES (?, ?, ?)').run(delegation.id, delegation.name, now);
}

// --- Sessions --------------------------------------------------------------

export function insertSession(db: Db, session: SessionRecord): void {
  prepared(db,
    `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
     VALUES (@tokenHash, @userId, @createdAt, @lastSeenAt, @expiresAt)`,
  ).run(session);
}

/** A session and its user, in one read (every API request asks). */
export function findSessionUser(db: Db, tokenHash: string): { session: SessionRecord; user: User } | null {
  const row = prepared(db,
      `SELECT ${USER_COLUMNS}, s.token_hash AS s_token_hash, s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN delegations d ON d.id = u.delegation_id WHERE s.token_hash = ?`,
    )
    .get(tokenHash) as (UserRow & { s_token_hash: string; s_created_at: string; s_last_seen_at: string; s_expires_at: string }) | undefined;
  if (!row) return null;
  return {
    session: { tokenHash: row.s_token_hash, userId: row.id, createdAt: row.s_created_at, lastSeenAt: row.s_last_seen_at, expiresAt: row.s_expires_at },
    user: withoutPassword(toUser(row)),
  };
}

export function touchSession(db: Db, tokenHash: string, lastSeenAt: string, expiresAt: string): void {
  prepared(db, 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(lastSeenAt, expiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  prepared(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Signs a user out everywhere but (optionally) the session they are using. */
export function deleteUserSessions(db: Db, userId: string, keepTokenHash?: string): void {
  prepared(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, keepTokenHash ?? null);
}

export function deleteExpiredSessions(db: Db, now: string): void {
  prepared(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now);
}
