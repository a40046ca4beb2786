// The store over the embedded SQLite database (better-sqlite3, the same file as
// the corpus): the Store interface over the synchronous queries of this
// folder. Each call runs to completion before it returns, so the promises only
// carry the interface PostgreSQL needs; one process owns the file, so no other
// instance ever appends a live update (onRemoteUpdate never fires). A write
// answers once it is on disk (wal-sync.ts: flushed off the event loop).
import type { Db } from '../db.js';
import { checkDraftsReadable, hasDrafts } from '../health.js';
import type { Store } from '../store.js';
import * as accounts from './accounts.js';
import * as audit from './audit.js';
import * as sharing from './draft-sharing.js';
import * as drafts from './drafts.js';
import * as live from './live.js';
import * as negotiation from './negotiation.js';
import { walSyncOf } from './wal-sync.js';

/** `fn` over `db`, answering as a promise: a thrown error becomes a rejection, as from PostgreSQL. */
const over =
  <A extends unknown[], R>(db: Db, fn: (db: Db, ...args: A) => R) =>
  async (...args: A): Promise<R> =>
    fn(db, ...args);

export function openSqliteStore(db: Db): Store {
  const wal = walSyncOf(db);
  /** `fn` over `db` that writes: answers once what it wrote is on disk. */
  const writing =
    <A extends unknown[], R>(fn: (db: Db, ...args: A) => R) =>
    async (...args: A): Promise<R> => {
      const result = fn(db, ...args);
      await wal.durable();
      return result;
    };
  return {
    kind: 'sqlite',
    corpusFeed: null,
    accounts: {
      countUsers: over(db, accounts.countUsers),
      listUsers: over(db, accounts.listUsers),
      findUserByEmail: over(db, accounts.findUserByEmail),
      findUserById: over(db, accounts.findUserById),
      insertUser: writing(accounts.insertUser),
      setPassword: writing(accounts.setPassword),
      listDelegations: over(db, accounts.listDelegations),
      findDelegation: over(db, accounts.findDelegation),
      insertSession: writing(accounts.insertSession),
      findSessionUser: over(db, accounts.findSessionUser),
      touchSession: writing(accounts.touchSession),
      deleteSession: writing(accounts.deleteSession),
      deleteUserSessions: writing(accounts.deleteUserSessions),
      deleteExpiredSessions: writing(accounts.deleteExpiredSessions),
    },
    audit: {
      append: writing(audit.appendAudit),
      list: over(db, audit.listAudit),
      countFailedSignIns: over(db, audit.countFailedSignIns),
    },
    drafts: {
      listVisible: over(db, drafts.listVisibleDrafts),
      get: over(db, drafts.getDraft),
      getForReader: over(db, drafts.getDraftForReader),
      insert: writing(drafts.insertDraft),
      update: writing(drafts.updateDraft),
      delete: writing(drafts.deleteDraft),
      adoptOwnerless: writing(drafts.adoptOwnerlessDrafts),
      nameVersion: writing(drafts.nameVersion),
      listVersions: over(db, drafts.listVersions),
      getVersion: over(db, drafts.getVersion),
      versionHistory: over(db, drafts.versionHistory),
      check: over(db, checkDraftsReadable),
      any: over(db, hasDrafts),
    },
    shares: {
      list: over(db, sharing.listShares),
      reaching: over(db, sharing.sharesReaching),
      upsert: writing(sharing.upsertShare),
      delete: writing(sharing.deleteShare),
      get: over(db, sharing.getShare),
    },
    negotiation: {
      list: over(db, negotiation.listProposals),
      get: over(db, negotiation.getProposal),
      countOn: over(db, negotiation.countProposalsOn),
      insert: writing(negotiation.insertProposal),
      setStatus: writing(negotiation.setProposalStatus),
      setStance: writing(negotiation.setStance),
      paragraphStatuses: over(db, negotiation.paragraphStatuses),
      setParagraphStatus: writing(negotiation.setParagraphStatus),
    },
    live: {
      read: over(db, live.readLive),
      create: writing(live.createLive),
      append: writing(live.appendUpdate),
      updatesAfter: over(db, live.updatesAfter),
      editorsSinceCompaction: over(db, live.editorsSinceCompaction),
      materialise: writing(live.materialiseLive),
      size: over(db, live.liveSize),
      onRemoteUpdate: () => () => {},
      relay: async () => {},
      onRelay: () => () => {},
    },
    // The database is the corpus's too: whoever opened it closes it.
    close: async () => wal.close(),
  };
}
