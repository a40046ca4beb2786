// The store of what people make: accounts and sessions, the audit log, drafts
// (versions, shares), the negotiation on them and their live documents. One
// interface, two implementations: SQLite (sqlite/, the embedded default, in the
// same file as the corpus) and PostgreSQL (postgres/, when DATABASE_URL is set,
// shared by several instances). Every method is one atomic unit: a method that
// writes more than one row does so in one transaction. The corpus (documents,
// paragraphs, the search index) is not here: each instance keeps its own copy
// (store/corpus.ts), built from the corpus bundle.
import type { AuditAction, AuditEntry, Delegation, SessionRecord, User, UserWithPassword } from '../accounts/model.js';
import type { DraftSection } from '../../core/limits.js';
import type { ParsedDocument } from '../../core/model.js';
import type { Draft, DraftHeader, DraftShare, DraftVersionContent, DraftVersionInfo, ShareAccess } from '../drafts/model.js';
import type { ParagraphStatus, ProposalKind, ProposalRecord, ProposalStatus, Stance } from '../negotiation/model.js';

export interface NewAuditEntry {
  at: string;
  action: AuditAction;
  actorId?: string | null;
  actorEmail?: string | null;
  address?: string | null;
  target?: string | null;
  detail?: string | null;
}

export interface NewUserRow {
  id: string;
  email: string;
  name: string;
  admin: boolean;
  passwordHash: string;
  now: string;
}

export interface AccountsStore {
  countUsers(): Promise<number>;
  listUsers(): Promise<User[]>;
  /** E-mails compare without case. */
  findUserByEmail(email: string): Promise<UserWithPassword | null>;
  findUserById(id: string): Promise<UserWithPassword | null>;
  /**
   * Inserts the user in the delegation named `delegation` (compared without
   * case), creating the delegation (id `newDelegationId`) when none has that
   * name; false, writing nothing, when a user has the e-mail already.
   */
  insertUser(user: NewUserRow, delegation: string, newDelegationId: string): Promise<boolean>;
  setPassword(userId: string, passwordHash: string, now: string): Promise<void>;
  listDelegations(): Promise<(Delegation & { members: number })[]>;
  /** By id, or by name without case. */
  findDelegation(idOrName: string): Promise<Delegation | null>;
  insertSession(session: SessionRecord): Promise<void>;
  /** A session and its user, in one read (every API request asks). */
  findSessionUser(tokenHash: string, lane?: Lane): Promise<{ session: SessionRecord; user: User } | null>;
  touchSession(tokenHash: string, lastSeenAt: string, expiresAt: string, lane?: Lane): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Signs a user out everywhere but (optionally) the session they are using. */
  deleteUserSessions(userId: string, keepTokenHash?: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;
}

/**
 * Which connections a session read may wait for. 'search': the session reads
 * of searches (suggestions, keyword search), which every desk sends several
 * times a second; on PostgreSQL they have a few connections of their own, so
 * saves and sign-ins never queue behind them (SQLite has no pool: one lane).
 */
export type Lane = 'default' | 'search';

export interface AuditStore {
  append(entry: NewAuditEntry): Promise<void>;
  /** The newest entries first, `limit` of them, older than `before` (an id) when paging. */
  list(limit: number, before?: number): Promise<AuditEntry[]>;
  /**
   * Failed sign-ins since `since` for an e-mail (without case) or from an
   * address, not counting those before the last successful sign-in of the same.
   */
  countFailedSignIns(by: { email: string } | { address: string }, since: string): Promise<number>;
}

/** A draft in the list: its row without the paragraphs, with its owner's name. */
export interface VisibleDraft extends DraftHeader {
  ownerDelegationId: string | null;
  ownerName: string | null;
}

/**
 * What opening a draft for a reader needs, read at once (one round trip on
 * PostgreSQL, where every draft request pays each one under load).
 */
export interface DraftForReader {
  draft: Draft;
  ownerDelegationId: string | null;
  /** The shares that reach the reader, as SharesStore.reaching finds them. */
  shares: DraftShare[];
  /** The lineage of its live document, as LiveStore.lineage; null before it was first opened live. */
  lineage: string | null;
  /** Live updates are stored that the row may lack (in live_updates since the last compaction): the live text needs settling before the row is read. */
  liveUpdatesPending: boolean;
}

/** What a save wrote: the draft, which has a live document or not (the save must reach it). */
export interface Written {
  liveDocument: boolean;
}

/** A proposal accepted by the same save that applies it. */
export interface Acceptance {
  proposalId: string;
  by: string;
  at: string;
}

export interface DraftsStore {
  /**
   * One page of the drafts a delegation owns or that are shared with it or with
   * the user, most recently saved first (then by id), and how many in all.
   * Reads neither paragraphs nor versions.
   */
  listVisible(userId: string, delegationId: string, page: { limit: number; offset: number }): Promise<{ drafts: VisibleDraft[]; total: number }>;
  get(id: string): Promise<Draft | null>;
  /** The draft with all a reader's request needs to know of it (DraftForReader), in one read. */
  getForReader(id: string, reader: { userId: string; delegationId: string }): Promise<DraftForReader | null>;
  /** A new draft owned by `owner`'s delegation, with its first version. */
  insert(draft: Draft, owner: { userId: string; delegationId: string }): Promise<void>;
  /**
   * Writes `draft` and keeps it as a version (`note` saying why when it was not
   * typing) only if the row is still at `expectedVersion`; with `accepting`, the
   * proposal moves from open or bracketed to accepted in the same transaction
   * (nothing is written when it cannot). Null when nothing was written; else
   * whether the draft has a live document, read with the write (so the save
   * reaches the live text without asking again).
   */
  update(draft: Draft, expectedVersion: number, savedBy: string | null, note?: string | null, accepting?: Acceptance): Promise<Written | null>;
  delete(id: string): Promise<boolean>;
  /** Drafts made before accounts go to `delegationId`, each with its content as a first version; how many. */
  adoptOwnerless(delegationId: string): Promise<number>;
  /** Names a kept version ("Rev.1"); false when the draft has a version of that name already, or no such version. */
  nameVersion(draftId: string, version: number, name: string): Promise<boolean>;
  /** Every kept version, newest first. */
  listVersions(draftId: string): Promise<DraftVersionInfo[]>;
  getVersion(draftId: string, version: number): Promise<(DraftVersionInfo & { content: DraftVersionContent }) | null>;
  /** Every version with its content, oldest first. */
  versionHistory(draftId: string): Promise<(DraftVersionInfo & { content: DraftVersionContent })[]>;
  /** Throws when the drafts table cannot be read (health). */
  check(): Promise<void>;
  /** Whether any draft is stored. */
  any(): Promise<boolean>;
}

export interface NewShare {
  id: string;
  draftId: string;
  delegationId: string | null;
  userId: string | null;
  access: ShareAccess;
  sharedBy: string;
  createdAt: string;
}

export interface SharesStore {
  list(draftId: string): Promise<DraftShare[]>;
  /** The shares of a draft that reach this user: theirs and their delegation's. */
  reaching(draftId: string, userId: string, delegationId: string): Promise<DraftShare[]>;
  /** Shares a draft, or changes the access of the existing share with the same delegation or user; the share's id. */
  upsert(share: NewShare): Promise<string>;
  delete(draftId: string, shareId: string): Promise<boolean>;
  get(draftId: string, shareId: string): Promise<DraftShare | null>;
}

/** A proposal as it is first stored: what the record holds but its number, the names, stances and decision the store adds. */
export type NewProposal = Pick<
  ProposalRecord,
  'id' | 'draftId' | 'kind' | 'paragraphId' | 'section' | 'text' | 'note' | 'basis' | 'anchorLabel' | 'delegationId' | 'evidence' | 'createdAt'
> & { authorId: string };

export interface NegotiationStore {
  /** A draft's proposals in the order they were made. */
  list(draftId: string): Promise<ProposalRecord[]>;
  get(draftId: string, id: string): Promise<ProposalRecord | null>;
  /** How many proposals of `kind` name this paragraph (any status; for a null paragraph, those in `section`). */
  countOn(draftId: string, kind: ProposalKind, paragraphId: string | null, section: DraftSection): Promise<number>;
  /**
   * Stores a proposal, numbered as it is written: an addition or an alternative
   * one more than those of its kind on the same paragraph (countOn), anything
   * else 1. Two made at once, on any instances, never share a number. The number.
   */
  insert(p: NewProposal): Promise<number>;
  /** Moves a proposal to `status` only from one of `from`; false otherwise. */
  setStatus(draftId: string, id: string, status: ProposalStatus, from: readonly ProposalStatus[], by: string, at: string): Promise<boolean>;
  /** A delegation's latest stance replaces its earlier one. */
  setStance(proposalId: string, delegationId: string, stance: Stance, userId: string, at: string): Promise<void>;
  paragraphStatuses(draftId: string): Promise<Map<string, ParagraphStatus>>;
  setParagraphStatus(draftId: string, paragraphId: string, status: ParagraphStatus, by: string, at: string): Promise<void>;
}

export interface StoredLive {
  lineage: string;
  /** The compacted state, then the updates since, in order. */
  updates: Uint8Array[];
  /** The last update's sequence number (the compaction's when there is none since). */
  seq: number;
}

export interface Materialised {
  /** The draft as the live text makes it, when it differs from the stored row; null when they agree. */
  draft: Draft | null;
  expectedVersion: number;
  savedBy: string | null;
  note: string | null;
}

export interface LiveStore {
  read(draftId: string): Promise<StoredLive | null>;
  /** A live document's first state; false (writing nothing) when another instance created it first. */
  create(draftId: string, lineage: string, state: Uint8Array): Promise<boolean>;
  /** One update, durable when the promise resolves; its sequence number. */
  append(draftId: string, data: Uint8Array, userId: string | null): Promise<number>;
  /**
   * The updates after `seq`, in order, for an instance that has applied every
   * update up to it; with the compacted state first when a compaction since has
   * dropped some of them. Null when the draft has no live document.
   */
  updatesAfter(draftId: string, seq: number): Promise<{ state: Uint8Array | null; updates: { seq: number; data: Uint8Array }[] } | null>;
  /** Who made the updates since the last compaction, most recent last. */
  editorsSinceCompaction(draftId: string): Promise<string[]>;
  /**
   * `state` (which holds every update up to `throughSeq`) replaces them, and the
   * draft row with a kept version takes the live text when it changed: one
   * transaction. False, writing nothing, when the row is no longer at the expected version.
   */
  materialise(draftId: string, state: Uint8Array, throughSeq: number, change: Materialised): Promise<boolean>;
  /** Count and bytes of the state and the updates, for the benchmark. */
  size(draftId: string): Promise<{ stateBytes: number; updates: number; updateBytes: number }>;
  /**
   * Calls `listener` when another instance appends an update (PostgreSQL
   * LISTEN/NOTIFY); a single SQLite instance has no others and never calls it.
   * Returns the unsubscribe.
   */
  onRemoteUpdate(listener: (draftId: string, seq: number) => void): () => void;
  /**
   * Passes what is not kept but shown in the room — who is where (an awareness
   * update, base64) and "proposals changed" — to the other instances with the
   * draft open (PostgreSQL NOTIFY; nothing to do for SQLite's one instance).
   */
  relay(draftId: string, message: RoomMessage): Promise<void>;
  /** Calls `listener` with another instance's relayed messages; the unsubscribe. */
  onRelay(listener: (draftId: string, message: RoomMessage) => void): () => void;
}

/** A message relayed between instances: presence (an awareness update, base64) or an announcement ("negotiation"). */
export type RoomMessage = { kind: 'presence'; data: string } | { kind: 'announce'; data: string };

/** A document as an import parsed it, with the hash of its source (the same hash: the same document). */
export interface PublishedDocument {
  document: ParsedDocument;
  sourceHash: string;
}

/**
 * The corpus imports every instance adds to its own corpus copy: an import
 * publishes what it parsed; each instance applies what was published after
 * the last it applied, at start and whenever another instance announces more.
 */
export interface CorpusFeed {
  /** Publishes `documents` in one transaction and announces them; the last sequence number. */
  publish(documents: readonly PublishedDocument[]): Promise<number>;
  /** What was published after `seq`, oldest first, at most `limit`. */
  after(seq: number, limit: number): Promise<(PublishedDocument & { seq: number })[]>;
  /** Calls `listener` when another instance (or the import CLI) publishes; the unsubscribe. */
  onPublished(listener: () => void): () => void;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Null when the store serves one instance (SQLite: the import writes its file directly). */
  readonly corpusFeed: CorpusFeed | null;
  readonly accounts: AccountsStore;
  readonly audit: AuditStore;
  readonly drafts: DraftsStore;
  readonly shares: SharesStore;
  readonly negotiation: NegotiationStore;
  readonly live: LiveStore;
  close(): Promise<void>;
}
