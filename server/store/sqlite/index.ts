// The store over the embedded SQLite database (better-sqlite3, the same file as
// the corpus): the Store interface over the synchronous queries of this
// folder. Each call runs to completion before it returns, so the promises only
// carry the interface PostgreSQL needs; one process owns the file, so no other
// instance ever appends a live update (onRemoteUpdate never fires).
import type { Db } from '../db.js';
import { checkDraftsReadable, hasDrafts } from '../health.js';
import type { Store } from '../store.js';
import * as accounts from './accounts.js';
import * as audit from './audit.js';
import * as sharing from './draft-sharing.js';
import * as drafts from './drafts.js';
import * as live from './live.js';
import * as negotiation from './negotiation.js';

/** `fn` over `db`, answering as a promise: a thrown error becomes a rejection, as from PostgreSQL. */
const over =
  <A extends unknown[], R>(db: Db, fn: (db: Db, ...args: A) => R) =>
  async (...args: A): Promise<R> =>
    fn(db, ...args);

export function openSqliteStore(db: Db): Store {
  return {
    kind: 'sqlite',
    corpusFeed: null,
    accounts: {
      countUsers: over(db, accounts.countUsers),
      listUsers: over(db, accounts.listUsers),
      findUserByEmail: over(db, accounts.findUserByEmail),
      findUserById: over(db, accounts.findUserById),
      insertUser: over(db, accounts.insertUser),
      setPassword: over(db, accounts.setPassword),
      listDelegations: over(db, accounts.listDelegations),
      findDelegation: over(db, accounts.findDelegation),
      insertSession: over(db, accounts.insertSession),
      findSessionUser: over(db, accounts.findSessionUser),
      touchSession: over(db, accounts.touchSession),
      deleteSession: over(db, accounts.deleteSession),
      deleteUserSessions: over(db, accounts.deleteUserSessions),
      deleteExpiredSessions: over(db, accounts.deleteExpiredSessions),
    },
    audit: {
      append: over(db, audit.appendAudit),
      list: over(db, audit.listAudit),
      countFailedSignIns: over(db, audit.countFailedSignIns),
    },
    drafts: {
      listVisible: over(db, drafts.listVisibleDrafts),
      get: over(db, drafts.getDraft),
      getForReader: over(db, drafts.getDraftForReader),
      insert: over(db, drafts.insertDraft),
      update: over(db, drafts.updateDraft),
      delete: over(db, drafts.deleteDraft),
      adoptOwnerless: over(db, drafts.adoptOwnerlessDrafts),
      nameVersion: over(db, drafts.nameVersion),
      listVersions: over(db, drafts.listVersions),
      getVersion: over(db, drafts.getVersion),
      versionHistory: over(db, drafts.versionHistory),
      check: over(db, checkDraftsReadable),
      any: over(db, hasDrafts),
    },
    shares: {
      list: over(db, sharing.listShares),
      reaching: over(db, sharing.sharesReaching),
      upsert: over(db, sharing.upsertShare),
      delete: over(db, sharing.deleteShare),
      get: over(db, sharing.getShare),
    },
    negotiation: {
      list: over(db, negotiation.listProposals),
      get: over(db, negotiation.getProposal),
      countOn: over(db, negotiation.countProposalsOn),
      insert: over(db, negotiation.insertProposal),
      setStatus: over(db, negotiation.setProposalStatus),
      setStance: over(db, negotiation.setStance),
      paragraphStatuses: over(db, negotiation.paragraphStatuses),
      setParagraphStatus: over(db, negotiation.setParagraphStatus),
    },
    live: {
      read: over(db, live.readLive),
      create: over(db, live.createLive),
      append: over(db, live.appendUpdate),
      updatesAfter: over(db, live.updatesAfter),
      editorsSinceCompaction: over(db, live.editorsSinceCompaction),
      materialise: over(db, live.materialiseLive),
      size: over(db, live.liveSize),
      onRemoteUpdate: () => () => {},
      relay: async () => {},
      onRelay: () => () => {},
    },
    // The database is the corpus's too: whoever opened it closes it.
    close: async () => {},
  };
}
