// The drafts feature over the store: what the API routes call. Every
// operation is made by an actor (the signed-in user) and checks their access
// first (access.ts): no access is "not found", read access refuses writes.
// Each operation reads what it needs (store/), applies the rules (rules.ts,
// diff.ts, import.ts) and writes the result; a refusal is a DraftError (400,
// 403 or 404 at the API). Stale saves are an answer, not an error: the caller
// shows both. Every write is kept as a version (the store does it).
import { randomUUID } from 'node:crypto';
import type { Language } from '../../core/model.js';
import { paragraphSource } from '../../core/citation.js';
import type { Actor } from '../accounts/model.js';
import { audit } from '../accounts/service.js';
import { getDocument, getParagraph, getParagraphs } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import type { Acceptance, Store } from '../store/store.js';
import type { DocumentDiff } from '../compare/diff.js';
import type { DocxImporter } from '../exchange/docx-import-thread.js';
import { accessFor, allows, type DraftAction } from './access.js';
import { draftDiff, versionDiff } from './diff.js';
import { DraftError } from './errors.js';
import { liveContentOf, type LiveText } from './live.js';
import { ImportRejected, checkImportLimits, importedDraft, readImport, type ImportSource } from './import.js';
import type { Draft, DraftAccess, DraftParagraph, DraftPatch, DraftShare, DraftSource, DraftSummary, DraftVersionInfo, DraftView, NewDraft, ShareAccess } from './model.js';
import { DEFAULT_BODY, UNTITLED, applyPatch, copyOf, newDraft, rollover } from './rules.js';

const now = () => new Date().toISOString();

/**
 * What the drafts feature works over: the corpus (bases and sources of
 * paragraphs), the store (drafts, shares, versions) and, when the server runs
 * live co-editing, the live text (absent in the CLI and in tests of the service alone).
 */
export interface DraftsContext {
  db: Db;
  store: Store;
  live?: LiveText | null;
}

const REFUSALS: Record<DraftAction, (id: string, access: DraftAccess) => string> = {
  read: (id) => `Draft not found: ${id}`,
  propose: (id) => `You may read draft ${id} but not propose changes to it: it was shared with you read-only`,
  write: (id, access) =>
    access === 'propose'
      ? `You may propose changes to draft ${id} but not change its text: the pen-holder accepts proposals`
      : `You may read draft ${id} but not change it: it was shared with you read-only`,
  manage: (id) => `Only members of the delegation that owns draft ${id} (the pen-holder) may do this`,
};

/**
 * The draft and the actor's access to it, if that access allows `action`;
 * else 404 (no access) or 403. Other features on drafts (negotiation/) check
 * access through it too. One read of the store (the draft, its owner, the
 * actor's shares, its live document's state); a second only after settling
 * live changes the first found pending.
 */
export async function openDraft(
  ctx: DraftsContext,
  actor: Actor,
  id: string,
  action: DraftAction,
): Promise<{ draft: Draft; access: DraftAccess; ownerDelegationId: string | null; lineage: string | null }> {
  const read = () => ctx.store.drafts.getForReader(id, { userId: actor.id, delegationId: actor.delegation.id });
  let found = await read();
  // What co-editors typed a moment ago is part of the draft (drafts/live.ts): written to the row, which is read again.
  if (found && ctx.live && (await ctx.live.settle(id, found.liveUpdatesPending))) found = await read();
  const access = found ? accessFor(found.ownerDelegationId, actor.delegation.id, found.shares) : null;
  if (!found || !access) throw DraftError.missing('Draft', id);
  if (!allows(access, action)) throw DraftError.forbidden(REFUSALS[action](id, access));
  const { draft, ownerDelegationId, lineage } = found;
  return { draft, access, ownerDelegationId, lineage };
}

/**
 * One page of what the actor sees: their delegation's drafts and those shared
 * with them, each with who shared it, and how many there are in all. Reads
 * summaries only (no draft's paragraphs are parsed), and the shares of the
 * page's shared drafts.
 */
export async function listDrafts(ctx: DraftsContext, actor: Actor, page: { limit: number; offset: number }): Promise<{ drafts: DraftSummary[]; total: number }> {
  const { drafts, total } = await ctx.store.drafts.listVisible(actor.id, actor.delegation.id, page);
  const summaries = [];
  for (const { ownerDelegationId, ownerName, ...draft } of drafts) {
    const shares = ownerDelegationId === actor.delegation.id ? [] : await ctx.store.shares.reaching(draft.id, actor.id, actor.delegation.id);
    // The base is named from this instance's corpus (the store does not hold it).
    const base = draft.baseDocumentId ? getDocument(ctx.db, draft.baseDocumentId) : null;
    summaries.push({
      ...draft,
      baseName: base ? (base.symbol ?? base.title) : null,
      access: accessFor(ownerDelegationId, actor.delegation.id, shares) ?? 'read',
      owner: ownerName,
      sharedBy: shares[0]?.sharedBy ?? null,
    });
  }
  return { drafts: summaries, total };
}

export async function getDraft(ctx: DraftsContext, actor: Actor, id: string): Promise<DraftView> {
  const { draft, access } = await openDraft(ctx, actor, id, 'read');
  return { ...draft, access };
}

/** The draft as the editor opens it: with the lineage of its live document (null before anyone opened it live), from the same read. */
export async function getDraftForEditor(ctx: DraftsContext, actor: Actor, id: string): Promise<DraftView & { lineage: string | null }> {
  const { draft, access, lineage } = await openDraft(ctx, actor, id, 'read');
  return { ...draft, access, lineage };
}

export async function deleteDraft(ctx: DraftsContext, actor: Actor, id: string, address: string | null = null): Promise<void> {
  const { draft } = await openDraft(ctx, actor, id, 'manage');
  if (!await ctx.store.drafts.delete(id)) throw DraftError.missing('Draft', id);
  ctx.live?.disconnect(id);
  await audit(ctx.store, { action: 'draft-deleted', actorId: actor.id, actorEmail: actor.email, address, target: id, detail: draft.title });
}

async function insert(ctx: DraftsContext, actor: Actor, input: NewDraft): Promise<DraftView> {
  const draft = newDraft(input, now());
  await ctx.store.drafts.insert(draft, { userId: actor.id, delegationId: actor.delegation.id });
  return { ...draft, access: 'owner' };
}

export interface CreateInput {
  title?: string;
  language?: Language;
  body?: string;
  /** Roll over this document: its paragraphs (with provenance) start the draft. */
  base?: string;
  paragraphs?: DraftParagraph[];
}

/**
 * The paragraphs with the provenance the corpus gives them. A client names a
 * paragraph's source by its corpus paragraph id; the citation and source text
 * shown and exported are the corpus's, whatever the client sent, so a draft
 * never cites a paragraph for words it does not hold (a citation from an older
 * copy of the corpus is quietly brought up to date). A source the corpus does
 * not hold, or a paragraph named with another document than its own, is
 * refused, naming the draft paragraph; one the draft already had is kept as
 * stored (`stored`), so a draft whose source left the corpus can still be saved.
 */
function checkedSources(db: Db, paragraphs: readonly DraftParagraph[], stored: readonly DraftParagraph[] = []): DraftParagraph[] {
  const known = new Map<string, DraftSource>();
  for (const p of stored) if (p.source) known.set(p.source.paragraphId, p.source);
  const sameSource = (a: DraftSource, b: DraftSource) => a.paragraphId === b.paragraphId && a.documentId === b.documentId && a.citation === b.citation && a.text === b.text;
  return paragraphs.map((p, i) => {
    const sent = p.source;
    if (!sent) return p;
    const before = known.get(sent.paragraphId);
    if (before && sameSource(sent, before)) return p;
    const where = `paragraphs.${i} (${p.id || 'new'})`;
    const source = corpusSource(db, sent.paragraphId) ?? before;
    if (!source) throw DraftError.invalid(`${where}: source paragraph ${sent.paragraphId} is not in the corpus`);
    if (source.documentId !== sent.documentId) {
      throw DraftError.invalid(`${where}: source paragraph ${sent.paragraphId} belongs to ${source.documentId}, not ${sent.documentId}`);
    }
    return { ...p, source };
  });
}

/** An empty draft, one with the given paragraphs, or a rollover of `base`; owned by the actor's delegation. */
export async function createDraft(ctx: DraftsContext, actor: Actor, input: CreateInput): Promise<DraftView> {
  if (input.base) {
    const doc = getDocument(ctx.db, input.base);
    if (!doc) throw DraftError.invalid(`base: no such document: ${input.base}`);
    if (input.language && input.language !== doc.language) {
      throw DraftError.invalid(`language: ${input.language} differs from the base document's (${doc.language})`);
    }
    return await insert(ctx, actor, rollover(doc, getParagraphs(ctx.db, doc.id), input));
  }
  if (!input.language) throw DraftError.invalid('language: required unless a base document is given');
  return await insert(ctx, actor, { title: input.title || UNTITLED, language: input.language, body: input.body ?? DEFAULT_BODY, paragraphs: checkedSources(ctx.db, input.paragraphs ?? []) });
}

/** A copy for the actor's delegation of any draft they may read. */
export async function duplicateDraft(ctx: DraftsContext, actor: Actor, id: string, title?: string): Promise<DraftView> {
  return await insert(ctx, actor, copyOf((await openDraft(ctx, actor, id, 'read')).draft, title));
}

export type SaveResult = { status: 'ok'; draft: DraftView } | { status: 'stale'; current: DraftView };

/**
 * Saves `patch` if the stored version is still `version`; else answers with
 * the current draft. `note` says in the history why the save was made when it
 * was not typing (an accepted proposal); `accepting` closes that proposal in
 * the same transaction (stale when it was decided meanwhile).
 */
export async function saveDraft(ctx: DraftsContext, actor: Actor, id: string, version: number, patch: DraftPatch, note: string | null = null, accepting?: Acceptance): Promise<SaveResult> {
  const { draft: current, access } = await openDraft(ctx, actor, id, 'write');
  if (patch.baseDocumentId && !getDocument(ctx.db, patch.baseDocumentId)) {
    throw DraftError.invalid(`baseDocumentId: no such document: ${patch.baseDocumentId}`);
  }
  if (current.version !== version) return { status: 'stale', current: { ...current, access } };
  const checked = patch.paragraphs ? { ...patch, paragraphs: checkedSources(ctx.db, patch.paragraphs, current.paragraphs) } : patch;
  const next = applyPatch(current, checked, now());
  // The store writes only over `version`: a save that raced this one makes this one stale.
  const written = await ctx.store.drafts.update(next, version, actor.id, note, accepting);
  if (!written) return { status: 'stale', current: { ...(await ctx.store.drafts.get(id))!, access } };
  await ctx.live?.push(id, liveContentOf(current), liveContentOf(next), actor, written.liveDocument);
  return { status: 'ok', draft: { ...next, access } };
}

export type DiffTarget = { against?: string } | { fromVersion: number; toVersion: number };

/** The draft against a document (its base unless `against` names another), or one kept version against another. */
export async function diffDraft(ctx: DraftsContext, actor: Actor, id: string, target: DiffTarget): Promise<DocumentDiff> {
  const { draft } = await openDraft(ctx, actor, id, 'read');
  if ('fromVersion' in target) {
    const version = async (n: number) => {
      const found = await ctx.store.drafts.getVersion(id, n);
      if (!found) throw DraftError.invalid(`version: draft ${id} has no version ${n} (it is at version ${draft.version})`);
      return found;
    };
    return versionDiff(draft, await version(target.fromVersion), await version(target.toVersion));
  }
  const docId = target.against ?? draft.baseDocumentId;
  if (!docId) throw DraftError.invalid('against: this draft has no base document; name one with ?against=');
  const doc = getDocument(ctx.db, docId);
  if (!doc) throw DraftError.missing('Document', docId);
  return draftDiff(draft, doc, getParagraphs(ctx.db, doc.id));
}

// --- History ---------------------------------------------------------------

export async function listVersions(ctx: DraftsContext, actor: Actor, id: string): Promise<DraftVersionInfo[]> {
  await openDraft(ctx, actor, id, 'read');
  return ctx.store.drafts.listVersions(id);
}

export async function getVersion(ctx: DraftsContext, actor: Actor, id: string, version: number) {
  await openDraft(ctx, actor, id, 'read');
  const found = await ctx.store.drafts.getVersion(id, version);
  if (!found) throw DraftError.missing('Version', `${id} v${version}`);
  return found;
}

/** An old version's content saved as the newest version (nothing in between is lost: it stays in the history). */
export async function restoreVersion(ctx: DraftsContext, actor: Actor, id: string, version: number, address: string | null = null): Promise<SaveResult> {
  const { draft } = await openDraft(ctx, actor, id, 'write');
  const kept = await ctx.store.drafts.getVersion(id, version);
  if (!kept) throw DraftError.missing('Version', `${id} v${version}`);
  const result = await saveDraft(ctx, actor, id, draft.version, kept.content);
  if (result.status === 'ok') await audit(ctx.store, { action: 'draft-restored', actorId: actor.id, actorEmail: actor.email, address, target: id, detail: `version ${version} as version ${result.draft.version}` });
  return result;
}

/**
 * Names the draft as it stands now as a revision ("Rev.1"), as the pen-holder
 * circulates it: the live text is settled into a kept version first, and that
 * version gets the name. A name is used once per draft; a version has one name.
 */
export async function nameRevision(ctx: DraftsContext, actor: Actor, id: string, name: string, address: string | null = null): Promise<DraftVersionInfo> {
  const { draft } = await openDraft(ctx, actor, id, 'write');
  const current = await ctx.store.drafts.getVersion(id, draft.version);
  if (!current) throw DraftError.missing('Version', `${id} v${draft.version}`);
  if (current.name) throw DraftError.conflict(`Version ${draft.version} is ${current.name} already: a revision names a new state of the text`);
  if (!(await ctx.store.drafts.nameVersion(id, draft.version, name))) throw DraftError.conflict(`This draft has a revision named ${name} already`);
  await audit(ctx.store, { action: 'revision-named', actorId: actor.id, actorEmail: actor.email, address, target: id, detail: `version ${draft.version} as ${name}` });
  const { content: _content, ...info } = (await ctx.store.drafts.getVersion(id, draft.version))!;
  return info;
}

export interface Revision {
  author: string;
  date: string;
}

export interface DraftAuthorship {
  /** Who last changed each paragraph's text, by draft paragraph id. */
  changed: Map<string, Revision>;
  /** Who removed a precedent's paragraph, by the corpus paragraph id it came from. */
  removed: Map<string, Revision>;
  /** Who made the draft: the author of what the history cannot place otherwise. */
  created: Revision | null;
}

/**
 * Who changed what in a draft, read from its kept versions: the authors and
 * dates the .docx export gives its tracked changes. Versions saved before
 * accounts existed have no author; their changes fall back to the creator.
 */
export async function draftAuthorship(ctx: DraftsContext, actor: Actor, id: string): Promise<DraftAuthorship> {
  await openDraft(ctx, actor, id, 'read');
  const changed = new Map<string, Revision>();
  const removed = new Map<string, Revision>();
  let created: Revision | null = null;
  let previous = new Map<string, DraftParagraph>();
  for (const v of await ctx.store.drafts.versionHistory(id)) {
    const revision = v.savedBy ? { author: `${v.savedBy.name} (${v.savedBy.delegation})`, date: v.savedAt } : null;
    if (v.version === 1 || !created) created = revision;
    const current = new Map(v.content.paragraphs.map((p) => [p.id, p]));
    for (const p of current.values()) {
      if (previous.get(p.id)?.text === p.text) continue;
      if (revision) changed.set(p.id, revision);
      else changed.delete(p.id);
    }
    for (const [pid, p] of previous) {
      if (!current.has(pid) && p.source?.paragraphId && revision) removed.set(p.source.paragraphId, revision);
    }
    previous = current;
  }
  return { changed, removed, created };
}

// --- Sharing ---------------------------------------------------------------

export async function listShares(ctx: DraftsContext, actor: Actor, id: string): Promise<DraftShare[]> {
  await openDraft(ctx, actor, id, 'read');
  return ctx.store.shares.list(id);
}

export interface ShareInput {
  /** A delegation's name or id … */
  delegation?: string;
  /** … or one user's e-mail. */
  email?: string;
  access: ShareAccess;
}

export async function shareDraft(ctx: DraftsContext, actor: Actor, id: string, input: ShareInput, address: string | null = null): Promise<DraftShare> {
  await openDraft(ctx, actor, id, 'manage');
  let target: { delegationId: string | null; userId: string | null; label: string };
  if (input.delegation) {
    const delegation = await ctx.store.accounts.findDelegation(input.delegation);
    if (!delegation) throw DraftError.invalid(`delegation: no such delegation: ${input.delegation}`);
    if (delegation.id === actor.delegation.id) throw DraftError.invalid(`delegation: ${delegation.name} owns this draft already`);
    target = { delegationId: delegation.id, userId: null, label: delegation.name };
  } else if (input.email) {
    const user = await ctx.store.accounts.findUserByEmail(input.email);
    if (!user) throw DraftError.invalid(`email: no user with the e-mail ${input.email}`);
    if (user.delegation.id === actor.delegation.id) throw DraftError.invalid(`email: ${user.email} is a member of ${user.delegation.name}, which owns this draft already`);
    target = { delegationId: null, userId: user.id, label: user.email };
  } else throw DraftError.invalid('delegation or email: name who to share with');
  const shareId = await ctx.store.shares.upsert({ id: `s${randomUUID().replace(/-/g, '').slice(0, 12)}`, draftId: id, ...target, access: input.access, sharedBy: actor.id, createdAt: now() });
  await audit(ctx.store, { action: 'draft-shared', actorId: actor.id, actorEmail: actor.email, address, target: id, detail: `${input.access} with ${target.label}` });
  return (await ctx.store.shares.get(id, shareId))!;
}

export async function unshareDraft(ctx: DraftsContext, actor: Actor, id: string, shareId: string, address: string | null = null): Promise<void> {
  await openDraft(ctx, actor, id, 'manage');
  const share = await ctx.store.shares.get(id, shareId);
  if (!share || !await ctx.store.shares.delete(id, shareId)) throw DraftError.missing('Share', shareId);
  ctx.live?.disconnect(id);
  await audit(ctx.store, { action: 'draft-unshared', actorId: actor.id, actorEmail: actor.email, address, target: id, detail: `${share.access} with ${share.with.name}` });
}

// --- Import ----------------------------------------------------------------

export interface ImportOutcome {
  draft: DraftView;
  changesSeen: number | null;
  warnings: string[];
}

/** The provenance a corpus paragraph gives a draft paragraph; null when the corpus does not hold it. */
function corpusSource(db: Db, paragraphId: string): DraftSource | null {
  const p = getParagraph(db, paragraphId);
  const doc = p ? getDocument(db, p.documentId) : null;
  return p && doc ? paragraphSource(doc, p) : null;
}

/** A .docx or pasted text as a new draft of the actor's delegation, stored whole (one insert) or not at all. */
export async function importDraft(ctx: DraftsContext, actor: Actor, source: ImportSource, docx: DocxImporter): Promise<ImportOutcome> {
  try {
    const { imported, changesSeen, baseDocumentId, sourceIds } = await readImport(source, docx);
    checkImportLimits(imported);
    const base = baseDocumentId && getDocument(ctx.db, baseDocumentId) ? baseDocumentId : null;
    const sources = (sourceIds ?? []).map((id) => (id ? corpusSource(ctx.db, id) : null));
    return { draft: await insert(ctx, actor, importedDraft(imported, base, sources)), changesSeen, warnings: imported.warnings };
  } catch (e) {
    if (e instanceof ImportRejected) throw DraftError.invalid(e.message);
    throw e;
  }
}
