// Durable SQLite writes without the event loop waiting on the disk. With
// synchronous = FULL, SQLite flushes its write-ahead log inside every commit:
// better-sqlite3 is synchronous, so each save held the server's only thread
// for the flush (4 ms typical here, 60 ms at worst, more while other work
// writes), and every request queued behind it. Instead the store's connection
// commits with synchronous = NORMAL (the log is written, not flushed: a
// process crash loses nothing, a machine crash could lose the last commits),
// and a write is acknowledged only after the log file has been flushed by
// fdatasync on libuv's thread pool: the durability of FULL, off the event
// loop. Writes that arrive while a flush runs share the next one (a group
// commit), so a burst of saves costs one or two flushes, not one each.
//
// The window: between a commit and its flush, another request on this
// connection may already read the row (as with any write-behind log); it is
// never acknowledged to its writer before it is on disk.
import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';
import type { Db } from '../db.js';

/**
 * Coalesces flushes: the promise resolves once a `flush` that started after
 * the call has finished. A call while one runs waits for the next, which
 * starts when the running one ends and serves every call that came meanwhile.
 */
export function groupFlush(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = flush().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}

export interface WalSync {
  /** Resolves when everything this connection has committed so far is on disk. */
  durable(): Promise<void>;
  /** Bytes of the log file the last completed flush covered (for tests: a write's bytes are covered when it is acknowledged). */
  readonly flushedBytes: number;
  /** Lets go of the log file (after the running flush, if any); a later write opens it again. */
  close(): void;
}

const syncs = new WeakMap<Db, WalSync>();

/** The connection's WalSync, made on first use; switches the connection to synchronous = NORMAL. */
export function walSyncOf(db: Db): WalSync {
  let sync = syncs.get(db);
  if (!sync) {
    sync = db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal' ? ALREADY_DURABLE : new WalFileSync(db);
    syncs.set(db, sync);
  }
  return sync;
}

/** An in-memory database (tests), or one not in WAL mode: each commit is as durable as it will be when it returns. */
const ALREADY_DURABLE: WalSync = { durable: async () => {}, flushedBytes: 0, close: () => {} };

class WalFileSync implements WalSync {
  flushedBytes = 0;
  private fd: number | null = null;
  private ino = 0;
  private flushing = false;
  private closing = false;
  readonly durable: () => Promise<void>;

  constructor(private readonly db: Db) {
    db.pragma('synchronous = NORMAL');
    this.durable = groupFlush(() => this.flush());
  }

  /** The log file, opened once; again if SQLite made a new one (it deletes it when the last connection closes). */
  private logFile(): number | null {
    const path = `${this.db.name}-wal`;
    let ino: number;
    try {
      ino = statSync(path).ino;
    } catch {
      return null; // no log yet: nothing has been written through it
    }
    if (this.fd !== null && ino !== this.ino) this.closeFd();
    if (this.fd === null) {
      this.fd = openSync(path, 'r');
      this.ino = ino;
    }
    return this.fd;
  }

  private flush(): Promise<void> {
    this.closing = false;
    const fd = this.logFile();
    if (fd === null) return Promise.resolve();
    // Read before the flush: every byte written by then is covered by it.
    const size = fstatSync(fd).size;
    this.flushing = true;
    return new Promise((resolve, reject) =>
      fdatasync(fd, (err) => {
        this.flushing = false;
        if (this.closing) this.closeFd();
        if (err) return reject(new Error(`Flushing the database's log ${this.db.name}-wal failed: ${err.message}`));
        this.flushedBytes = Math.max(this.flushedBytes, size);
        resolve();
      }),
    );
  }

  private closeFd(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  close(): void {
    if (this.flushing) this.closing = true;
    else this.closeFd();
  }
}
