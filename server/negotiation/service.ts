// The negotiation over a draft: what the API routes call. Every operation is
// made by an actor and checks their access through the drafts service
// (openDraft): reading proposals needs read; making, supporting, objecting to
// and withdrawing them needs propose; accepting, rejecting, bracketing and
// setting a paragraph's status is the pen-holder's (ownership). Accepting
// changes the text through drafts.saveDraft, so it is kept as a version whose
// note names the proposing delegation, and it is audited.
import { randomUUID } from 'node:crypto';
import { inlineDiff, type InlineChange } from '../../core/diff/inline.js';
import type { DraftSection } from '../../core/limits.js';
import type { Actor } from '../accounts/model.js';
import { audit } from '../accounts/service.js';
import { DraftError } from '../drafts/errors.js';
import type { Draft, DraftView } from '../drafts/model.js';
import { newParagraphId } from '../drafts/rules.js';
import { openDraft, saveDraft } from '../drafts/service.js';
import type { SearchWorker } from '../search/search-worker.js';
import type { DraftsContext } from '../drafts/service.js';
import { evidenceFor, rememberedEvidence } from './evidence.js';
import type { Decision, Evidence, ParagraphStatus, Precedent, ProposalInput, ProposalRecord, ProposalStatus, Stance } from './model.js';
import { applyProposal, compilation, isPending, labelsOf, proposalLabel, statusCounts, type CompilationParagraph, type StatusCounts } from './rules.js';

const now = () => new Date().toISOString();
const newProposalId = () => `r${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** A proposal as a delegate sees it: labelled as the text now stands, an amendment with its difference from the current text. */
export interface ProposalView {
  id: string;
  kind: ProposalRecord['kind'];
  /** "OP 2", "OP 2 bis", "OP 7 alt" */
  label: string;
  /** The paragraph amended, deleted or replaced (null for an addition). */
  paragraphId: string | null;
  /** The paragraph an addition follows (null otherwise, or at the head of its part). */
  after: string | null;
  section: DraftSection;
  text: string | null;
  note: string | null;
  delegation: string;
  author: { name: string; delegation: string };
  status: ProposalStatus;
  supporters: string[];
  objectors: string[];
  /** Amendments and alternatives: the change from the paragraph's current text (or its text when proposed, once it has left). */
  changes: InlineChange[];
  /** False once the paragraph it is about has left the text. */
  inText: boolean;
  precedents: Precedent[];
  newLanguage: [number, number][];
  agreedShare: number;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: { name: string; delegation: string } | null;
}

function viewOf(p: ProposalRecord, draft: Draft, labels: ReadonlyMap<string, string>): ProposalView {
  const target = p.paragraphId ? draft.paragraphs.find((x) => x.id === p.paragraphId) : null;
  const changes = (p.kind === 'amend' || p.kind === 'alt') && p.text !== null ? inlineDiff(target?.text ?? p.basis ?? '', p.text, draft.language) : [];
  return {
    id: p.id,
    kind: p.kind,
    label: proposalLabel(p, labels),
    paragraphId: p.kind === 'add' ? null : p.paragraphId,
    after: p.kind === 'add' ? p.paragraphId : null,
    section: target?.section ?? p.section,
    text: p.text,
    note: p.note,
    delegation: p.delegation,
    author: { name: p.author.name, delegation: p.author.delegation },
    status: p.status,
    supporters: p.supporters,
    objectors: p.objectors,
    changes,
    inText: p.paragraphId === null || Boolean(target),
    precedents: p.evidence.precedents,
    newLanguage: p.evidence.newLanguage,
    agreedShare: p.evidence.agreedShare,
    createdAt: p.createdAt,
    decidedAt: p.decidedAt,
    decidedBy: p.decidedBy,
  };
}

async function view(ctx: DraftsContext, draft: Draft, proposalId: string): Promise<ProposalView> {
  return viewOf((await ctx.store.negotiation.get(draft.id, proposalId))!, draft, labelsOf(draft.paragraphs));
}

async function pendingProposal(ctx: DraftsContext, draftId: string, proposalId: string): Promise<ProposalRecord> {
  const p = await ctx.store.negotiation.get(draftId, proposalId);
  if (!p) throw DraftError.missing('Proposal', proposalId);
  if (!isPending(p.status)) throw DraftError.conflict(`Proposal ${proposalId} is ${p.status} already`);
  return p;
}

export interface Negotiation {
  proposals: ProposalView[];
  /** Each paragraph's status, by paragraph id (a paragraph not named is open). */
  statuses: Record<string, ParagraphStatus>;
  counts: StatusCounts;
}

/** Every proposal on a draft (pending and decided, oldest first), each paragraph's status and the counts. */
export async function negotiation(ctx: DraftsContext, actor: Actor, draftId: string): Promise<Negotiation> {
  const { draft } = await openDraft(ctx, actor, draftId, 'read');
  const labels = labelsOf(draft.paragraphs);
  const statuses = await ctx.store.negotiation.paragraphStatuses(draftId);
  const present = new Set(draft.paragraphs.map((p) => p.id));
  return {
    proposals: (await ctx.store.negotiation.list(draftId)).map((p) => viewOf(p, draft, labels)),
    statuses: Object.fromEntries([...statuses].filter(([id]) => present.has(id))),
    counts: statusCounts(draft.paragraphs, statuses),
  };
}

/** A proposal by the actor's delegation, with its agreed-language evidence computed now and kept. */
export async function propose(ctx: DraftsContext, search: SearchWorker, actor: Actor, draftId: string, input: ProposalInput): Promise<ProposalView> {
  const { draft } = await openDraft(ctx, actor, draftId, 'propose');
  const labels = labelsOf(draft.paragraphs);
  const statuses = await ctx.store.negotiation.paragraphStatuses(draftId);
  const text = input.text?.trim() ? input.text : null;
  const find = (field: 'paragraphId' | 'after', id: string | undefined) => {
    if (!id) throw DraftError.invalid(`${field}: required for ${input.kind === 'add' ? 'an addition after a paragraph' : `a proposal to ${input.kind === 'alt' ? 'replace' : input.kind} a paragraph`}`);
    const found = draft.paragraphs.find((p) => p.id === id);
    if (!found) throw DraftError.invalid(`${field}: draft ${draftId} has no paragraph ${id}`);
    return found;
  };
  let paragraphId: string | null;
  let section: DraftSection;
  let basis: string | null = null;
  if (input.kind === 'add') {
    if (!text) throw DraftError.invalid('text: an added paragraph needs its text');
    const anchor = input.after ? find('after', input.after) : null;
    if (!anchor && !input.section) throw DraftError.invalid('after or section: say where the new paragraph goes');
    paragraphId = anchor?.id ?? null;
    section = anchor?.section ?? input.section!;
  } else {
    const target = find('paragraphId', input.paragraphId);
    if (input.kind !== 'delete' && !text) throw DraftError.invalid(`text: ${input.kind === 'amend' ? 'an amendment' : 'an alternative'} needs the proposed text`);
    if (input.kind === 'amend' && text === target.text) throw DraftError.invalid('text: the same as the paragraph already reads');
    if (statuses.get(target.id) === 'agreed') throw DraftError.conflict(`${labels.get(target.id)} is agreed: the pen-holder reopens it before it takes proposals`);
    paragraphId = target.id;
    section = target.section;
    basis = target.text;
  }
  const kind = input.kind;
  const evidence: Evidence = text && kind !== 'delete' ? await evidenceFor(search, text, draft.language) : { precedents: [], newLanguage: [], agreedShare: 0 };
  const id = newProposalId();
  await ctx.store.negotiation.insert({
    id,
    draftId,
    kind,
    paragraphId,
    section,
    text: kind === 'delete' ? null : text,
    note: input.note?.trim() || null,
    basis,
    anchorLabel: paragraphId ? (labels.get(paragraphId) ?? null) : null,
    delegationId: actor.delegation.id,
    authorId: actor.id,
    evidence,
    createdAt: now(),
  });
  return await view(ctx, draft, id);
}

/** The actor's delegation supports (joins) or objects to another delegation's pending proposal. */
export async function takeStance(ctx: DraftsContext, actor: Actor, draftId: string, proposalId: string, stance: Stance): Promise<ProposalView> {
  const { draft } = await openDraft(ctx, actor, draftId, 'propose');
  const p = await pendingProposal(ctx, draftId, proposalId);
  if (p.delegationId === actor.delegation.id) throw DraftError.invalid(`${stance}: this is ${p.delegation}'s own proposal`);
  await ctx.store.negotiation.setStance(proposalId, actor.delegation.id, stance, actor.id, now());
  return await view(ctx, draft, proposalId);
}

/** The proposing delegation takes its proposal back. */
export async function withdraw(ctx: DraftsContext, actor: Actor, draftId: string, proposalId: string): Promise<ProposalView> {
  const { draft } = await openDraft(ctx, actor, draftId, 'propose');
  const p = await pendingProposal(ctx, draftId, proposalId);
  if (p.delegationId !== actor.delegation.id) throw DraftError.forbidden(`Only ${p.delegation}, who made proposal ${proposalId}, may withdraw it`);
  if (!(await ctx.store.negotiation.setStatus(draftId, proposalId, 'withdrawn', ['open', 'bracketed'], actor.id, now()))) throw DraftError.conflict(`Proposal ${proposalId} was decided meanwhile`);
  return await view(ctx, draft, proposalId);
}

export interface Decided {
  proposal: ProposalView;
  /** The draft as the decision left it (a new version when a proposal was accepted). */
  draft: DraftView;
}

/**
 * The pen-holder's decision. Accepting applies the proposal to the text as one
 * save (a new version, its note naming the proposing delegation) and closes
 * the proposal in the same transaction; rejecting closes it; bracketing keeps
 * it before the room, in square brackets.
 */
export async function decide(ctx: DraftsContext, actor: Actor, draftId: string, proposalId: string, decision: Decision, address: string | null = null): Promise<Decided> {
  const { draft, access } = await openDraft(ctx, actor, draftId, 'manage');
  const p = await pendingProposal(ctx, draftId, proposalId);
  const label = proposalLabel(p, labelsOf(draft.paragraphs));
  const at = now();
  if (decision === 'bracket') {
    if (!(await ctx.store.negotiation.setStatus(draftId, proposalId, 'bracketed', ['open'], actor.id, at))) throw DraftError.conflict(`Proposal ${proposalId} is bracketed already`);
    return { proposal: await view(ctx, draft, proposalId), draft: { ...draft, access } };
  }
  if (decision === 'reject') {
    await ctx.store.negotiation.setStatus(draftId, proposalId, 'rejected', ['open', 'bracketed'], actor.id, at);
    await audit(ctx.store, { action: 'proposal-rejected', actorId: actor.id, actorEmail: actor.email, address, target: draftId, detail: `${p.delegation}: ${p.kind} ${label}` });
    return { proposal: await view(ctx, draft, proposalId), draft: { ...draft, access } };
  }
  const applied = applyProposal(draft.paragraphs, p, newParagraphId());
  if ('conflict' in applied) throw DraftError.conflict(applied.conflict);
  const note = `Accepted the proposal of ${p.delegation}: ${p.kind} ${label}`;
  const result = await saveDraft(ctx, actor, draftId, draft.version, { paragraphs: applied.paragraphs }, note, { proposalId, by: actor.id, at });
  if (result.status === 'stale') throw DraftError.conflict(`Draft ${draftId} was saved elsewhere meanwhile, or the proposal decided: accept again`);
  const saved = result.draft;
  await audit(ctx.store, { action: 'proposal-accepted', actorId: actor.id, actorEmail: actor.email, address, target: draftId, detail: `${p.delegation}: ${p.kind} ${label} as version ${saved.version}` });
  return { proposal: await view(ctx, saved, proposalId), draft: saved };
}

/** The draft as the actor sees it (after a stance or a withdrawal, which leave the text as it was). */
export async function draftFor(ctx: DraftsContext, actor: Actor, draftId: string): Promise<DraftView> {
  const { draft, access } = await openDraft(ctx, actor, draftId, 'read');
  return { ...draft, access };
}

/** The pen-holder marks a paragraph open, agreed ad ref or agreed; the counts as they now stand. */
export async function setStatus(ctx: DraftsContext, actor: Actor, draftId: string, paragraphId: string, status: ParagraphStatus): Promise<{ paragraphId: string; status: ParagraphStatus; counts: StatusCounts }> {
  const { draft } = await openDraft(ctx, actor, draftId, 'manage');
  if (!draft.paragraphs.some((p) => p.id === paragraphId)) throw DraftError.missing('Paragraph', paragraphId);
  await ctx.store.negotiation.setParagraphStatus(draftId, paragraphId, status, actor.id, now());
  return { paragraphId, status, counts: statusCounts(draft.paragraphs, await ctx.store.negotiation.paragraphStatuses(draftId)) };
}

export interface AgreedLanguage {
  /** 0..1 over the whole text, weighted by each paragraph's letters and digits. */
  agreedShare: number;
  paragraphs: { paragraphId: string; agreedShare: number; newLanguage: [number, number][]; precedent: Precedent | null }[];
}

/**
 * How much of the draft's text adopted precedents cover, paragraph by
 * paragraph, with its new language marked. Each paragraph is a search (tens of
 * milliseconds, remembered by text): the event loop is given back between
 * paragraphs, so a long draft never holds up other requests.
 */
export async function agreedLanguage(ctx: DraftsContext, search: SearchWorker, actor: Actor, draftId: string): Promise<AgreedLanguage> {
  const { draft } = await openDraft(ctx, actor, draftId, 'read');
  let letters = 0;
  let covered = 0;
  const paragraphs: AgreedLanguage['paragraphs'] = [];
  for (const p of draft.paragraphs) {
    const e = await rememberedEvidence(search, p.text, draft.language);
    const n = (p.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
    letters += n;
    covered += n * e.agreedShare;
    paragraphs.push({ paragraphId: p.id, agreedShare: e.agreedShare, newLanguage: e.newLanguage, precedent: e.precedents[0] ?? null });
  }
  return { agreedShare: letters ? covered / letters : 0, paragraphs };
}

/** The draft and its compilation text: what the .docx writer sets. */
export async function compilationText(ctx: DraftsContext, actor: Actor, draftId: string): Promise<{ draft: DraftView; paragraphs: CompilationParagraph[] }> {
  const { draft, access } = await openDraft(ctx, actor, draftId, 'read');
  const pending = (await ctx.store.negotiation.list(draftId)).filter((p) => isPending(p.status));
  return { draft: { ...draft, access }, paragraphs: compilation(draft.paragraphs, pending, await ctx.store.negotiation.paragraphStatuses(draftId), draft.language) };
}
