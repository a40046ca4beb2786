// Counts the round trips a PostgreSQL client makes, from outside it: a TCP
// relay between the store and the server that reads the frontend messages of
// the wire protocol as they pass. A simple query ('Q') and the end of an
// extended query ('S', Sync: pg sends Parse/Bind/Execute/Sync in one write and
// waits for the answer) each cost one round trip; nothing inside pg or the
// store is replaced, so what it counts is what the database was asked.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface RoundTripRelay {
  /** The database URL through the relay (the same database, user and options). */
  url: string;
  /** Round trips since the relay started (or since the last `reset`). */
  count(): number;
  /** Connections opened through the relay since it started (or since the last `reset`). */
  connections(): number;
  reset(): void;
  close(): Promise<void>;
}

/** The first message of a connection has no type byte; SSL and GSS encryption requests are followed by another. */
const ENCRYPTION_REQUESTS = new Set([80877103, 80877104]);

/** Reads a connection's frontend messages as they arrive in chunks, calling `onMessage` with each type byte. */
function frontendReader(onMessage: (type: string) => void): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  let startup = true;
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (startup) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        startup = ENCRYPTION_REQUESTS.has(pending.readInt32BE(4));
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1) + 1;
      if (pending.length < length) return;
      onMessage(String.fromCharCode(pending[0]!));
      pending = pending.subarray(length);
    }
  };
}

/** A relay on a free loopback port in front of the server of `databaseUrl`. */
export async function roundTripRelay(databaseUrl: string): Promise<RoundTripRelay> {
  const target = new URL(databaseUrl);
  let trips = 0;
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections++;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const read = frontendReader((type) => {
      if (type === 'Q' || type === 'S') trips++;
    });
    client.on('data', (chunk: Buffer) => {
      read(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    count: () => trips,
    connections: () => connections,
    reset: () => {
      trips = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
