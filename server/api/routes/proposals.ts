// Negotiation routes on a draft, for the signed-in user within their access
// (the negotiation service checks it: no access 404, too little 403):
//   GET  /drafts/:id/proposals                         proposals, paragraph statuses, counts
//   POST /drafts/:id/proposals                         a proposal (201), with its agreed-language evidence
//   POST /drafts/:id/proposals/:proposalId/:action     support | object | withdraw | accept | reject | bracket
//   PUT  /drafts/:id/paragraphs/:paragraphId/status    open | agreed-ad-ref | agreed (the pen-holder)
//   GET  /drafts/:id/agreed-language                   how much of the text adopted precedents cover
// Mounted beside the draft routes under /drafts.
import { Hono } from 'hono';
import * as negotiation from '../../negotiation/service.js';
import type { AppContext, AppEnv } from '../context.js';
import {
  IdParam,
  ParagraphParam,
  ParagraphStatusBody,
  ProposalBody,
  ProposalParam,
  type AgreedLanguageResponse,
  type ParagraphStatusResponse,
  type Proposal,
  type ProposalActionResponse,
  type ProposalsResponse,
} from '../contract.js';
import { guard } from '../refusals.js';
import { actorOf, clientAddress, requireUser } from '../session.js';
import { validate } from '../validate.js';

export function proposalRoutes(ctx: AppContext) {
  const { search } = ctx;
  return new Hono<AppEnv>()
    .use('*', requireUser)
    // Everyone in the draft's room sees a proposal, a decision or a status at once (their desk reloads the negotiation).
    .use('/:id/*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.res.ok) ctx.live.announce(c.req.param('id'), 'negotiation');
    })
    .get('/:id/proposals', validate('param', IdParam), (c) => guard(async () => c.json(await negotiation.negotiation(ctx, actorOf(c), c.req.valid('param').id) satisfies ProposalsResponse, 200)))
    .post('/:id/proposals', validate('param', IdParam), validate('json', ProposalBody), (c) =>
      guard(async () => c.json((await negotiation.propose(ctx, search, actorOf(c), c.req.valid('param').id, c.req.valid('json'))) satisfies Proposal, 201)),
    )
    .post('/:id/proposals/:proposalId/:action', validate('param', ProposalParam), (c) =>
      guard(async () => {
        const { id, proposalId, action } = c.req.valid('param');
        const actor = actorOf(c);
        let proposal: Proposal;
        if (action === 'support' || action === 'object') proposal = await negotiation.takeStance(ctx, actor, id, proposalId, action);
        else if (action === 'withdraw') proposal = await negotiation.withdraw(ctx, actor, id, proposalId);
        else return c.json(await negotiation.decide(ctx, actor, id, proposalId, action, clientAddress(c)) satisfies ProposalActionResponse, 200);
        return c.json({ proposal, draft: await negotiation.draftFor(ctx, actor, id) } satisfies ProposalActionResponse, 200);
      }),
    )
    .put('/:id/paragraphs/:paragraphId/status', validate('param', ParagraphParam), validate('json', ParagraphStatusBody), (c) =>
      guard(async () => {
        const { id, paragraphId } = c.req.valid('param');
        return c.json(await negotiation.setStatus(ctx, actorOf(c), id, paragraphId, c.req.valid('json').status) satisfies ParagraphStatusResponse, 200);
      }),
    )
    .get('/:id/agreed-language', validate('param', IdParam), (c) =>
      guard(async () => c.json((await negotiation.agreedLanguage(ctx, search, actorOf(c), c.req.valid('param').id)) satisfies AgreedLanguageResponse, 200)),
    );
}
