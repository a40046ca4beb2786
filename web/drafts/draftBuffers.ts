// Where the browser keeps a draft's unsaved edits across reloads and outages:
// a small interface, localStorage behind it in the app, a Map in tests.
import type { Buffer } from './syncMachine.js';

export interface DraftBuffers {
  read(draftId: string): Buffer | null;
  /** False when the browser refused (quota): the status line says so. */
  write(draftId: string, buffer: Buffer): boolean;
  clear(draftId: string): void;
}

const key = (id: string) => `precedent:draft:${id}`;

/** Buffers in `storage` (the browser's localStorage by default), one JSON entry a draft. */
export function storageBuffers(storage: Storage = localStorage): DraftBuffers {
  return {
    read(id) {
      try {
        const raw = storage.getItem(key(id));
        return raw ? (JSON.parse(raw) as Buffer) : null;
      } catch {
        return null;
      }
    },
    write(id, buffer) {
      try {
        storage.setItem(key(id), JSON.stringify(buffer));
        return true;
      } catch {
        return false;
      }
    },
    clear(id) {
      storage.removeItem(key(id));
    },
  };
}

/** Buffers in memory (tests; a browser without storage). */
export function memoryBuffers(): DraftBuffers & { entries: Map<string, Buffer> } {
  const entries = new Map<string, Buffer>();
  return {
    entries,
    read: (id) => structuredClone(entries.get(id) ?? null),
    write(id, buffer) {
      entries.set(id, structuredClone(buffer));
      return true;
    },
    clear: (id) => void entries.delete(id),
  };
}
