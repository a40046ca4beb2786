// The first account. With no user in the database the server creates an
// administrator from PRECEDENT_ADMIN_EMAIL and PRECEDENT_ADMIN_PASSWORD when
// both are set (as containerised servers are bootstrapped); otherwise it opens
// a one-time setup link, printed on its console, with which the person at the
// machine creates one. Never a default password. Drafts made before accounts
// existed are given to the first administrator's delegation.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { adoptOwnerlessDrafts } from '../store/drafts.js';
import type { Db } from '../store/db.js';
import { AccountError } from './errors.js';
import type { User } from './model.js';
import { countUsers, createUser, listUsers, type NewUser } from './service.js';

/** The one-time setup token, while the database has no user (held in memory: a restart prints a new link). */
export class FirstAdminSetup {
  private token: string | null = null;

  get open(): boolean {
    return this.token !== null;
  }

  /** Opens the setup (a new token) when the database has no user; the token, or null. */
  openIfNeeded(db: Db): string | null {
    if (countUsers(db) > 0) return (this.token = null);
    this.token ??= randomBytes(24).toString('base64url');
    return this.token;
  }

  /** The first administrator, made with the token; refused when the token is wrong or a user exists already. */
  async complete(db: Db, token: string, input: Omit<NewUser, 'admin'>): Promise<User> {
    const expected = this.token;
    const same = expected !== null && token.length === expected.length && timingSafeEqual(Buffer.from(token), Buffer.from(expected));
    if (!same || countUsers(db) > 0) throw new AccountError('forbidden', 'This setup link is not valid (used already, or from an earlier start of the server)');
    this.token = null;
    const user = await createUser(db, { ...input, admin: true }, null);
    adoptOwnerlessDrafts(db, user.delegation.id);
    return user;
  }
}

export type BootstrapOutcome = { kind: 'ready'; users: number } | { kind: 'created'; user: User } | { kind: 'setup'; token: string };

export interface BootstrapEnv {
  PRECEDENT_ADMIN_EMAIL?: string;
  PRECEDENT_ADMIN_PASSWORD?: string;
  PRECEDENT_ADMIN_NAME?: string;
  PRECEDENT_ADMIN_DELEGATION?: string;
}

export async function bootstrapAccounts(db: Db, setup: FirstAdminSetup, env: BootstrapEnv): Promise<BootstrapOutcome> {
  const users = countUsers(db);
  if (users > 0) {
    const admin = listUsers(db).find((u) => u.admin);
    if (admin) adoptOwnerlessDrafts(db, admin.delegation.id);
    return { kind: 'ready', users };
  }
  const email = env.PRECEDENT_ADMIN_EMAIL?.trim();
  const password = env.PRECEDENT_ADMIN_PASSWORD;
  if (email && password) {
    const user = await createUser(
      db,
      { email, password, name: env.PRECEDENT_ADMIN_NAME?.trim() || 'Administrator', delegation: env.PRECEDENT_ADMIN_DELEGATION?.trim() || 'Administrators', admin: true },
      null,
    );
    adoptOwnerlessDrafts(db, user.delegation.id);
    return { kind: 'created', user };
  }
  return { kind: 'setup', token: setup.openIfNeeded(db)! };
}
