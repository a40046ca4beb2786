// How instances sharing one PostgreSQL database tell each other of changes:
// one connection per instance LISTENs on the channels someone subscribed to
// (live updates, corpus imports), opened on the first subscription and
// reopened when it drops. Each notification names the instance that sent it,
// so an instance ignores its own. Notifications sent while the connection is
// down are lost: subscribers catch up from the database (they keep the last
// sequence number they applied), never from the notification alone.
import pg from 'pg';

const RECONNECT_MS = 1000;
/** The listening connection's name in pg_stat_activity (operators and the tests tell it apart by it). */
export const LISTENER_NAME = 'precedent-listener';

/** A notification's JSON payload; `instance` is the sender's. */
export type Note = Record<string, unknown> & { instance?: unknown };
type Listener = (note: Note) => void;

export class Notifications {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  /** Settles once the client listens on every channel subscribed so far: later LISTENs queue behind it (one query at a time). */
  private listening: Promise<unknown> = Promise.resolve();
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    /** Names this instance in what it sends. */
    readonly instanceId: string,
  ) {}

  /** Calls `listener` with each other instance's notification on `channel` (a constant of ours, never user input); the unsubscribe. */
  subscribe(channel: string, listener: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    const first = set.size === 0;
    set.add(listener);
    const client = this.client;
    if (!client) this.connect();
    else if (first) this.listening = this.listening.then(() => client.query(`LISTEN ${channel}`)).catch((error: Error) => this.lost(client, error));
    return () => {
      set.delete(listener);
    };
  }

  private connect(): void {
    if (this.closed || this.client || this.retry || this.listeners.size === 0) return;
    const client = new pg.Client({ connectionString: this.url, application_name: LISTENER_NAME });
    this.client = client;
    client.on('notification', (message) => {
      if (message.payload) this.deliver(message.channel, message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    this.listening = client
      .connect()
      .then(async () => {
        for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
      })
      .catch((error: Error) => this.lost(client, error));
  }

  private deliver(channel: string, payload: string): void {
    let note: Note;
    try {
      note = JSON.parse(payload) as Note;
    } catch {
      return;
    }
    if (note.instance === this.instanceId) return;
    for (const listener of [...(this.listeners.get(channel) ?? [])]) {
      try {
        listener(note);
      } catch (error) {
        console.error(`[store] a ${channel} listener failed:`, error);
      }
    }
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    if (this.closed) return;
    console.warn(`[store] PostgreSQL notifications interrupted (${error.message}); reconnecting in ${RECONNECT_MS} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    this.listeners.clear();
    await client?.end().catch(() => {});
  }
}
