// The real Hono app for API tests, with signed-in users: each client carries
// the session cookie of a real account (created through the accounts service,
// signed in through the real session code), so tests call `client.request`
// exactly as they would `app.request`.
import { createApp } from '../../server/api/app.js';
import type { AppContext, ContextOptions } from '../../server/api/context.js';
import { SESSION_COOKIE } from '../../server/api/session.js';
import type { User } from '../../server/accounts/model.js';
import { createUser, openSessionFor } from '../../server/accounts/service.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from './corpus.js';
import { storeFor, testContext } from './store.js';

export type App = ReturnType<typeof createApp>;

export interface Client {
  user: User;
  cookie: string;
  request(path: string, init?: RequestInit): Promise<Response>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** `init` with the session cookie added to its headers. */
export function withCookie(init: RequestInit | undefined, cookie: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('cookie', cookie);
  return { ...init, headers };
}

let counter = 0;

/** A new user of `delegation` (created if new), signed in: a client whose requests carry their cookie. */
export async function signIn(app: App, db: Db, delegation: string, options: { admin?: boolean; email?: string; name?: string } = {}): Promise<Client> {
  const n = ++counter;
  const store = await storeFor(db);
  const user = await createUser(
    store,
    { email: options.email ?? `user${n}.${process.pid}@${delegation.toLowerCase().replace(/[^a-z]+/g, '-')}.example`, name: options.name ?? `User ${n}`, password: TEST_PASSWORD, delegation, admin: options.admin },
    null,
  );
  const cookie = `${SESSION_COOKIE}=${(await openSessionFor(store, user, null)).token}`;
  return { user, cookie, request: async (path, init) => app.request(path, withCookie(init, cookie)) };
}

/**
 * The app over `db` (the search worker started on first use unless given) and one signed-in
 * member of a delegation: most API tests are about something other than
 * accounts and only need to be someone.
 */
export async function signedInApp(db: Db, options: ContextOptions & { delegation?: string } = {}): Promise<Client & { app: App; ctx: AppContext }> {
  const ctx = await testContext(db, options);
  const app = createApp(ctx);
  const client = await signIn(app, db, options.delegation ?? 'Testland');
  return { ...client, app, ctx };
}

/**
 * A private copy of the bundled corpus with the real search worker over its
 * persisted index (ready: loaded, as after a restart) and a signed-in member:
 * for the API tests that search. `close` stops the worker and the database.
 */
export async function searchingApp(options: { delegation?: string } = {}) {
  const { db } = openCorpusCopy();
  const search = SearchWorker.start({ dbFile: db.name });
  const client = await signedInApp(db, { search, delegation: options.delegation });
  await search.ready();
  const close = async () => {
    await search.close();
    db.close();
  };
  return { db, search, client, close };
}
