// Signing in and out: POST /auth/login, POST /auth/logout, GET /auth/me,
// POST /auth/password, and the first administrator's setup (GET/POST
// /auth/setup, with the one-time link the server printed). The session lives
// in an HttpOnly cookie; the database holds only its hash.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { changePassword, openSessionFor, signIn, signOut } from '../../accounts/service.js';
import type { AppContext, AppEnv } from '../context.js';
import { LoginBody, PasswordBody, SetupBody, type OkResponse, type SetupStatus, type UserResponse } from '../contract.js';
import { guard } from '../refusals.js';
import { SESSION_COOKIE, actorOf, clearSessionCookie, clientAddress, setSessionCookie } from '../session.js';
import { validate } from '../validate.js';

export function authRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/login', validate('json', LoginBody), (c) =>
      guard(async () => {
        const { email, password } = c.req.valid('json');
        const { user, token } = await signIn(ctx.store, email, password, clientAddress(c));
        setSessionCookie(c, token);
        return c.json({ user } satisfies UserResponse, 200);
      }),
    )
    .post('/logout', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await signOut(ctx.store, token, clientAddress(c));
      clearSessionCookie(c);
      return c.json({ ok: true } satisfies OkResponse, 200);
    })
    .get('/me', (c) => c.json({ user: actorOf(c) } satisfies UserResponse, 200))
    .post('/password', validate('json', PasswordBody), (c) =>
      guard(async () => {
        const { current, next } = c.req.valid('json');
        await changePassword(ctx.store, actorOf(c), c.get('sessionHash')!, current, next, clientAddress(c));
        return c.json({ ok: true } satisfies OkResponse, 200);
      }),
    )
    .get('/setup', (c) => c.json({ needed: ctx.setup.open } satisfies SetupStatus, 200))
    .post('/setup', validate('json', SetupBody), (c) =>
      guard(async () => {
        const { token, ...input } = c.req.valid('json');
        const user = await ctx.setup.complete(ctx.store, token, input);
        setSessionCookie(c, (await openSessionFor(ctx.store, user, clientAddress(c))).token);
        return c.json({ user } satisfies UserResponse, 201);
      }),
    );
}
