// Accounts over the store: sign in and out, sessions, users and delegations,
// password changes, and the audit entries these leave. What the API routes, the
// start-up bootstrap and the users CLI call. Sign-in failures are counted in
// the audit log, per account and per address, and refused past a limit.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Lane, NewAuditEntry, Store } from '../store/store.js';
import { AccountError } from './errors.js';
import type { User } from './model.js';
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

export async function audit(store: Store, entry: Omit<NewAuditEntry, 'at'>): Promise<void> {
  await store.audit.append({ at: now(), ...entry, actorEmail: entry.actorEmail?.toLowerCase() ?? null });
}

export interface SignedIn {
  user: User;
  /** The cookie's value: shown to the client once, stored only as its hash. */
  token: string;
  expiresAt: string;
}

/** A session for a user who has just proven who they are (signed in, or made the first account). */
export async function openSessionFor(store: Store, user: User, address: string | null): Promise<SignedIn> {
  await audit(store, { action: 'sign-in', actorId: user.id, actorEmail: user.email, address });
  return openSession(store, user);
}

async function openSession(store: Store, user: User): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const at = new Date();
  const expiresAt = new Date(at.getTime() + SESSION_IDLE_MS).toISOString();
  await store.accounts.insertSession({ tokenHash: hashToken(token), userId: user.id, createdAt: at.toISOString(), lastSeenAt: at.toISOString(), expiresAt });
  return { user, token, expiresAt };
}

async function refuseIfThrottled(store: Store, email: string, address: string | null): Promise<void> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS).toISOString();
  const minutes = SIGN_IN_WINDOW_MS / 60_000;
  if ((await store.audit.countFailedSignIns({ email }, since)) >= SIGN_IN_LIMITS.perAccount) {
    throw new AccountError('throttled', `Too many failed sign-ins for this account: try again in ${minutes} minutes, or ask an administrator to reset the password`, SIGN_IN_WINDOW_MS / 1000);
  }
  if (address && (await store.audit.countFailedSignIns({ address }, since)) >= SIGN_IN_LIMITS.perAddress) {
    throw new AccountError('throttled', `Too many failed sign-ins from this address: try again in ${minutes} minutes`, SIGN_IN_WINDOW_MS / 1000);
  }
}

/** A session for the right e-mail and password; one message for an unknown e-mail and a wrong password. */
export async function signIn(store: Store, email: string, password: string, address: string | null): Promise<SignedIn> {
  await refuseIfThrottled(store, email, address);
  const found = await store.accounts.findUserByEmail(email);
  const ok = found ? await verifyPassword(password, found.passwordHash) : await verifyNothing(password);
  if (!found || !ok) {
    await audit(store, { action: 'sign-in-failed', actorId: found?.id ?? null, actorEmail: email, address });
    throw new AccountError('unauthenticated', BAD_CREDENTIALS);
  }
  const { passwordHash: _hash, ...user } = found;
  return openSessionFor(store, user, address);
}

/**
 * The user a session token belongs to, or null when it is unknown or expired
 * (its expiry slides with use). `lane`: which store connections it reads over (store.ts Lane).
 */
export async function sessionUser(store: Store, token: string, lane: Lane = 'default'): Promise<{ user: User; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const found = await store.accounts.findSessionUser(tokenHash, lane);
  if (!found) return null;
  const { session, user } = found;
  const at = Date.now();
  if (Date.parse(session.expiresAt) <= at) {
    await store.accounts.deleteSession(tokenHash);
    return null;
  }
  if (at - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    await store.accounts.touchSession(tokenHash, new Date(at).toISOString(), new Date(at + SESSION_IDLE_MS).toISOString(), lane);
  }
  return { user, tokenHash };
}

export async function signOut(store: Store, token: string, address: string | null): Promise<void> {
  const session = await sessionUser(store, token);
  await store.accounts.deleteSession(hashToken(token));
  if (session) await audit(store, { action: 'sign-out', actorId: session.user.id, actorEmail: session.user.email, address });
}

/** A new password after the current one is proven; every other session of the user ends. */
export async function changePassword(store: Store, user: User, tokenHash: string, current: string, next: string, address: string | null): Promise<void> {
  const found = await store.accounts.findUserById(user.id);
  if (!found || !(await verifyPassword(current, found.passwordHash))) throw new AccountError('forbidden', 'The current password is wrong');
  const problem = passwordProblem(next);
  if (problem) throw new AccountError('invalid', problem);
  await store.accounts.setPassword(user.id, await hashPassword(next), now());
  await store.accounts.deleteUserSessions(user.id, tokenHash);
  await audit(store, { action: 'password-changed', actorId: user.id, actorEmail: user.email, address, target: user.email });
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  delegation: string;
  admin?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function createUser(store: Store, input: NewUser, by: User | null, address: string | null = null): Promise<User> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw new AccountError('invalid', `email: not an e-mail address: ${email}`);
  if (!input.name.trim()) throw new AccountError('invalid', 'name: required');
  const delegation = input.delegation.trim();
  if (!delegation) throw new AccountError('invalid', 'delegation: required');
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError('invalid', problem);
  const taken = () => new AccountError('conflict', `A user with the e-mail ${email} exists already`);
  if (await store.accounts.findUserByEmail(email)) throw taken();
  const passwordHash = await hashPassword(input.password);
  const id = newId('u');
  // The store checks the e-mail again as it writes: another request may have taken it while the hash was computed.
  const row = { id, email, name: input.name.trim(), admin: input.admin ?? false, passwordHash, now: now() };
  if (!(await store.accounts.insertUser(row, delegation, newId('g')))) throw taken();
  const { passwordHash: _hash, ...user } = (await store.accounts.findUserById(id))!;
  await audit(store, { action: 'user-created', actorId: by?.id ?? null, actorEmail: by?.email ?? null, address, target: user.email, detail: `${user.delegation.name}${user.admin ? ', administrator' : ''}` });
  return user;
}

/** A new password set by an administrator (the CLI): the user's sessions end. */
export async function resetPassword(store: Store, email: string, password: string): Promise<User> {
  const found = await store.accounts.findUserByEmail(email);
  if (!found) throw new AccountError('invalid', `No user with the e-mail ${email}`);
  const problem = passwordProblem(password);
  if (problem) throw new AccountError('invalid', problem);
  await store.accounts.setPassword(found.id, await hashPassword(password), now());
  await store.accounts.deleteUserSessions(found.id);
  await audit(store, { action: 'password-changed', actorEmail: 'cli', target: found.email, detail: 'reset' });
  const { passwordHash: _hash, ...user } = found;
  return user;
}

export const listUsers = (store: Store) => store.accounts.listUsers();
export const listDelegations = (store: Store) => store.accounts.listDelegations();
export const countUsers = (store: Store) => store.accounts.countUsers();
