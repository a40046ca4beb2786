// Administration (administrators only): users (list, create — a new
// delegation name creates the delegation), delegations, and the audit log.
// GET /delegations, for any signed-in user, names the delegations a draft can
// be shared with.
import { Hono } from 'hono';
import { createUser, listDelegations, listUsers } from '../../accounts/service.js';
import type { AppContext, AppEnv } from '../context.js';
import { AuditQuery, CreateUserBody, type AuditResponse, type DelegationsResponse, type UserResponse, type UsersResponse } from '../contract.js';
import { guard } from '../refusals.js';
import { actorOf, clientAddress, requireAdmin, requireUser } from '../session.js';
import { validate } from '../validate.js';

export function adminRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', requireAdmin)
    .get('/users', async (c) => c.json({ users: await listUsers(ctx.store) } satisfies UsersResponse, 200))
    .post('/users', validate('json', CreateUserBody), (c) =>
      guard(async () => c.json({ user: await createUser(ctx.store, c.req.valid('json'), actorOf(c), clientAddress(c)) } satisfies UserResponse, 201)),
    )
    .get('/delegations', async (c) => c.json({ delegations: await listDelegations(ctx.store) } satisfies DelegationsResponse, 200))
    .get('/audit', validate('query', AuditQuery), async (c) => {
      const { before, limit } = c.req.valid('query');
      return c.json({ entries: await ctx.store.audit.list(limit ?? 100, before) } satisfies AuditResponse, 200);
    });
}

export function delegationRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().use('*', requireUser).get('/', async (c) => c.json({ delegations: await listDelegations(ctx.store) } satisfies DelegationsResponse, 200));
}
