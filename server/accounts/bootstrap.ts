// The first account. With no user in the database the server creates an
// administrator from PRECEDENT_ADMIN_EMAIL and PRECEDENT_ADMIN_PASSWORD when
// both are set (as containerised servers are bootstrapped); otherwise it opens
// a one-time setup link, printed on its console, with which the person at the
// machine creates one. Never a default password. Drafts made before accounts
// existed are given to the first administrator's delegation.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';
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
  async openIfNeeded(store: Store): Promise<string | null> {
    if ((await countUsers(store)) > 0) return (this.token = null);
    this.token ??= randomBytes(24).toString('base64url');
    return this.token;
  }

  /** The first administrator, made with the token; refused when the token is wrong or a user exists already. */
  async complete(store: Store, token: string, input: Omit<NewUser, 'admin'>): Promise<User> {
    const expected = this.token;
    const same = expected !== null && token.length === expected.length && timingSafeEqual(Buffer.from(token), Buffer.from(expected));
    if (!same || (await countUsers(store)) > 0) throw new AccountError('forbidden', 'This setup link is not valid (used already, or from an earlier start of the server)');
    this.token = null;
    const user = await createUser(store, { ...input, admin: true }, null);
    await store.drafts.adoptOwnerless(user.delegation.id);
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

export async function bootstrapAccounts(store: Store, setup: FirstAdminSetup, env: BootstrapEnv): Promise<BootstrapOutcome> {
  const users = await countUsers(store);
  if (users > 0) {
    const admin = (await listUsers(store)).find((u) => u.admin);
    if (admin) await store.drafts.adoptOwnerless(admin.delegation.id);
    return { kind: 'ready', users };
  }
  const email = env.PRECEDENT_ADMIN_EMAIL?.trim();
  const password = env.PRECEDENT_ADMIN_PASSWORD;
  if (email && password) {
    let user: User;
    try {
      user = await createUser(
        store,
        { email, password, name: env.PRECEDENT_ADMIN_NAME?.trim() || 'Administrator', delegation: env.PRECEDENT_ADMIN_DELEGATION?.trim() || 'Administrators', admin: true },
        null,
      );
    } catch (e) {
      // Another instance starting at the same moment over the same PostgreSQL created it first.
      if (e instanceof AccountError && e.kind === 'conflict') return { kind: 'ready', users: await countUsers(store) };
      throw e;
    }
    await store.drafts.adoptOwnerless(user.delegation.id);
    return { kind: 'created', user };
  }
  return { kind: 'setup', token: (await setup.openIfNeeded(store))! };
}
