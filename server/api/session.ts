// Who is asking: reads the session cookie on every request and puts the
// signed-in user (or null) on the context; guards that answer 401 to the
// anonymous and 403 to non-administrators; the cookie itself (HttpOnly,
// SameSite=Lax, Secure over HTTPS) and the caller's address for the audit log.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Actor } from '../accounts/model.js';
import { sessionUser, SESSION_IDLE_MS } from '../accounts/service.js';
import type { AppContext, AppEnv } from './context.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'precedent_session';

/** Searches: many a second from every desk, so their session reads take a lane of their own (store.ts Lane). */
const SEARCH_PATHS = /^\/api\/(suggest|search)(\/|$)/;

export function sessionMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionUser(ctx.store, token, SEARCH_PATHS.test(c.req.path) ? 'search' : 'default') : null;
    c.set('actor', session?.user ?? null);
    c.set('sessionHash', session?.tokenHash ?? null);
    await next();
  });
}

export const NOT_SIGNED_IN = 'Not signed in: sign in to use Precedent';

/** The signed-in user, or a 401. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new ApiError(401, NOT_SIGNED_IN);
  return actor;
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  actorOf(c);
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!actorOf(c).admin) throw new ApiError(403, 'Only administrators may do this');
  await next();
};

/** The corpus: for any signed-in user, and for everyone when the server says it is public. */
export function corpusReaders(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!ctx.publicCorpus) actorOf(c);
    await next();
  };
}

const overHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: overHttps(c), path: '/', maxAge: SESSION_IDLE_MS / 1000 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overHttps(c) });
}

/** The caller's address: the socket's, or the first X-Forwarded-For hop when PRECEDENT_TRUST_PROXY=1 (behind a reverse proxy). */
export function clientAddress(c: Context): string | null {
  if (process.env.PRECEDENT_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}
