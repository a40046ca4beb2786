// Accounts over a database: sign in and out, sessions, users and delegations,
// password changes, and the audit entries these leave. What the API routes, the
// start-up bootstrap and the users CLI call. Sign-in failures are counted in
// the audit log, per account and per address, and refused past a limit.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as store from '../store/accounts.js';
import { appendAudit, countFailedSignIns, type NewAuditEntry } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { AccountError } from './errors.js';
import type { Delegation, User } from './model.js';
import { hashPassword, passwordProblem, verifyNothing, verifyPassword } from './passwords.js';

/** A session lasts this long after its last use. */
export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
/** Sliding the expiry costs a write: at most once in this long per session. */
const TOUCH_EVERY_MS = 3600_000;

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20 };

const BAD_CREDENTIALS = 'Wrong e-mail or password';

const newId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const now = () => new Date().toISOString();
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function audit(db: Db, entry: Omit<NewAuditEntry, 'at'>): void {
  appendAudit(db, { at: now(), ...entry, actorEmail: entry.actorEmail?.toLowerCase() ?? null });
}

export interface SignedIn {
  user: User;
  /** The cookie's value: shown to the client once, stored only as its hash. */
  token: string;
  expiresAt: string;
}

/** A session for a user who has just proven who they are (signed in, or made the first account). */
export function openSessionFor(db: Db, user: User, address: string | null): SignedIn {
  audit(db, { action: 'sign-in', actorId: user.id, actorEmail: user.email, address });
  return openSession(db, user);
}

function openSession(db: Db, user: User): SignedIn {
  const token = randomBytes(32).toString('base64url');
  const at = new Date();
  const expiresAt = new Date(at.getTime() + SESSION_IDLE_MS).toISOString();
  store.insertSession(db, { tokenHash: hashToken(token), userId: user.id, createdAt: at.toISOString(), lastSeenAt: at.toISOString(), expiresAt });
  return { user, token, expiresAt };
}

function refuseIfThrottled(db: Db, email: string, address: string | null): void {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS).toISOString();
  const minutes = SIGN_IN_WINDOW_MS / 60_000;
  if (countFailedSignIns(db, { email }, since) >= SIGN_IN_LIMITS.perAccount) {
    throw new AccountError('throttled', `Too many failed sign-ins for this account: try again in ${minutes} minutes, or ask an administrator to reset the password`, SIGN_IN_WINDOW_MS / 1000);
  }
  if (address && countFailedSignIns(db, { address }, since) >= SIGN_IN_LIMITS.perAddress) {
    throw new AccountError('throttled', `Too many failed sign-ins from this address: try again in ${minutes} minutes`, SIGN_IN_WINDOW_MS / 1000);
  }
}

/** A session for the right e-mail and password; one message for an unknown e-mail and a wrong password. */
export async function signIn(db: Db, email: string, password: string, address: string | null): Promise<SignedIn> {
  refuseIfThrottled(db, email, address);
  const found = store.findUserByEmail(db, email);
  const ok = found ? await verifyPassword(password, found.passwordHash) : await verifyNothing(password);
  if (!found || !ok) {
    audit(db, { action: 'sign-in-failed', actorId: found?.id ?? null, actorEmail: email, address });
    throw new AccountError('unauthenticated', BAD_CREDENTIALS);
  }
  const { passwordHash: _hash, ...user } = found;
  return openSessionFor(db, user, address);
}

/** The user a session token belongs to, or null when it is unknown or expired (its expiry slides with use). */
export function sessionUser(db: Db, token: string): { user: User; tokenHash: string } | null {
  const tokenHash = hashToken(token);
  const found = store.findSessionUser(db, tokenHash);
  if (!found) return null;
  const { session, user } = found;
  const at = Date.now();
  if (Date.parse(session.expiresAt) <= at) {
    store.deleteSession(db, tokenHash);
    return null;
  }
  if (at - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    store.touchSession(db, tokenHash, new Date(at).toISOString(), new Date(at + SESSION_IDLE_MS).toISOString());
  }
  return { user, tokenHash };
}

export function signOut(db: Db, token: string, address: string | null): void {
  const session = sessionUser(db, token);
  store.deleteSession(db, hashToken(token));
  if (session) audit(db, { action: 'sign-out', actorId: session.user.id, actorEmail: session.user.email, address });
}

/** A new password after the current one is proven; every other session of the user ends. */
export async function changePassword(db: Db, user: User, tokenHash: string, current: string, next: string, address: string | null): Promise<void> {
  const found = store.findUserById(db, user.id);
  if (!found || !(await verifyPassword(current, found.passwordHash))) throw new AccountError('forbidden', 'The current password is wrong');
  const problem = passwordProblem(next);
  if (problem) throw new AccountError('invalid', problem);
  store.setPassword(db, user.id, await hashPassword(next), now());
  store.deleteUserSessions(db, user.id, tokenHash);
  audit(db, { action: 'password-changed', actorId: user.id, actorEmail: user.email, address, target: user.email });
}

/** A delegation by id or name, created (with that name) when none has it. */
export function delegationNamed(db: Db, idOrName: string): Delegation {
  const name = idOrName.trim();
  if (!name) throw new AccountError('invalid', 'delegation: required');
  const found = store.findDelegation(db, name);
  if (found) return found;
  const delegation = { id: newId('g'), name };
  store.insertDelegation(db, delegation, now());
  return delegation;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  delegation: string;
  admin?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function createUser(db: Db, input: NewUser, by: User | null, address: string | null = null): Promise<User> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw new AccountError('invalid', `email: not an e-mail address: ${email}`);
  if (!input.name.trim()) throw new AccountError('invalid', 'name: required');
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError('invalid', problem);
  if (store.findUserByEmail(db, email)) throw new AccountError('conflict', `A user with the e-mail ${email} exists already`);
  const passwordHash = await hashPassword(input.password);
  const id = newId('u');
  // Checked again inside the transaction: another request may have taken the e-mail while the hash was computed.
  db.transaction(() => {
    if (store.findUserByEmail(db, email)) throw new AccountError('conflict', `A user with the e-mail ${email} exists already`);
    const delegation = delegationNamed(db, input.delegation);
    store.insertUser(db, { id, email, name: input.name.trim(), delegationId: delegation.id, admin: input.admin ?? false, passwordHash, now: now() });
  })();
  const { passwordHash: _hash, ...user } = store.findUserById(db, id)!;
  audit(db, { action: 'user-created', actorId: by?.id ?? null, actorEmail: by?.email ?? null, address, target: user.email, detail: `${user.delegation.name}${user.admin ? ', administrator' : ''}` });
  return user;
}

/** A new password set by an administrator (the CLI): the user's sessions end. */
export async function resetPassword(db: Db, email: string, password: string): Promise<User> {
  const found = store.findUserByEmail(db, email);
  if (!found) throw new AccountError('invalid', `No user with the e-mail ${email}`);
  const problem = passwordProblem(password);
  if (problem) throw new AccountError('invalid', problem);
  store.setPassword(db, found.id, await hashPassword(password), now());
  store.deleteUserSessions(db, found.id);
  audit(db, { action: 'password-changed', actorEmail: 'cli', target: found.email, detail: 'reset' });
  const { passwordHash: _hash, ...user } = found;
  return user;
}

export const listUsers = store.listUsers;
export const listDelegations = store.listDelegations;
export const countUsers = store.countUsers;
