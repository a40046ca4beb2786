// Keeps one draft in step with the server: edits apply locally at once, are
// buffered in localStorage (so a reload or an outage never loses them), and
// autosave about a second after a pause with the version they were based on.
// A 409 becomes a conflict the user resolves; an unreachable server becomes
// "offline" with retries until it answers.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, getDraft, isNetworkError, saveDraft, type DraftT } from '../api.js';
import type { Para } from './paragraphs.js';

export type SaveState = 'loading' | 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

export interface Editable {
  title: string;
  paragraphs: Para[];
}

interface Buffer extends Editable {
  /** The server version these edits were made on. */
  baseVersion: number;
  /** The draft as last loaded (without paragraphs): enough to open it offline. */
  meta?: Omit<DraftT, 'paragraphs'>;
  at: number;
}

export const SAVE_DELAY_MS = 1000;
const RETRY_MS = 3000;
const BUFFER_DELAY_MS = 250;

const bufferKey = (id: string) => `precedent:draft:${id}`;

function readBuffer(id: string): Buffer | null {
  try {
    const raw = localStorage.getItem(bufferKey(id));
    return raw ? (JSON.parse(raw) as Buffer) : null;
  } catch {
    return null;
  }
}

function writeBuffer(id: string, b: Buffer): boolean {
  try {
    localStorage.setItem(bufferKey(id), JSON.stringify(b));
    return true;
  } catch {
    return false; // quota: the status line says so
  }
}

const clearBuffer = (id: string) => localStorage.removeItem(bufferKey(id));

const sameContent = (a: Editable, b: Editable) =>
  a.title === b.title && JSON.stringify(a.paragraphs) === JSON.stringify(b.paragraphs);

export function useDraftSync(id: string) {
  const [draft, setDraft] = useState<DraftT | null>(null); // last known server state
  const [local, setLocal] = useState<Editable | null>(null);
  const [state, setState] = useState<SaveState>('loading');
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ mine: Editable; theirs: DraftT } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [bufferFailed, setBufferFailed] = useState(false);

  const version = useRef(0);
  const metaRef = useRef<Omit<DraftT, 'paragraphs'> | null>(null);
  const localRef = useRef<Editable | null>(null);
  const edits = useRef(0); // edits made so far
  const savedEdits = useRef(0); // edits the server has
  const inFlight = useRef(false);
  const blocked = useRef(false); // a conflict waits for the user
  const saveTimer = useRef<number | undefined>(undefined);
  const bufferTimer = useRef<number | undefined>(undefined);

  const flushBuffer = useCallback(() => {
    window.clearTimeout(bufferTimer.current);
    bufferTimer.current = undefined;
    if (localRef.current && edits.current !== savedEdits.current) {
      const meta = metaRef.current ?? undefined;
      setBufferFailed(!writeBuffer(id, { ...localRef.current, baseVersion: version.current, meta, at: Date.now() }));
    }
  }, [id]);

  const save = useCallback(async (): Promise<void> => {
    window.clearTimeout(saveTimer.current);
    const snapshot = localRef.current;
    if (!snapshot || inFlight.current || blocked.current || edits.current === savedEdits.current) return;
    const upTo = edits.current;
    inFlight.current = true;
    setState('saving');
    try {
      const saved = await saveDraft(id, { version: version.current, title: snapshot.title, paragraphs: snapshot.paragraphs });
      version.current = saved.version;
      savedEdits.current = upTo;
      setDraft(saved);
      const { paragraphs: _p, ...meta } = saved;
      metaRef.current = meta;
      setMessage(null);
      if (edits.current === upTo) {
        clearBuffer(id);
        setState('saved');
      } else {
        setState('unsaved');
        saveTimer.current = window.setTimeout(() => void save(), SAVE_DELAY_MS);
      }
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) {
        const theirs = (e.body as { current: DraftT }).current;
        blocked.current = true;
        flushBuffer();
        setConflict({ mine: localRef.current ?? snapshot, theirs });
        setState('conflict');
      } else if (isNetworkError(e)) {
        flushBuffer();
        setState('offline');
        saveTimer.current = window.setTimeout(() => void save(), RETRY_MS);
      } else {
        // Refused (over a limit, say): keep the text, say why, retry on the next edit.
        flushBuffer();
        setState('error');
        setMessage((e as Error).message);
      }
    } finally {
      inFlight.current = false;
    }
  }, [id, flushBuffer]);

  // Load: the server's draft, reconciled with any buffered edits.
  useEffect(() => {
    let cancelled = false;
    const buffer = readBuffer(id);
    getDraft(id).then(
      (server) => {
        if (cancelled) return;
        setDraft(server);
        version.current = server.version;
        const { paragraphs: _p, ...meta } = server;
        metaRef.current = meta;
        const serverEditable = { title: server.title, paragraphs: server.paragraphs };
        if (!buffer || sameContent(buffer, serverEditable)) {
          if (buffer) clearBuffer(id);
          localRef.current = serverEditable;
          setLocal(serverEditable);
          setState('saved');
          return;
        }
        const mine = { title: buffer.title, paragraphs: buffer.paragraphs };
        localRef.current = mine;
        setLocal(mine);
        edits.current = 1;
        if (buffer.baseVersion === server.version) {
          setState('unsaved');
          void save();
        } else {
          blocked.current = true;
          setConflict({ mine, theirs: server });
          setState('conflict');
        }
      },
      (e: Error) => {
        if (cancelled) return;
        if (buffer?.meta && isNetworkError(e)) {
          // Offline with buffered text: keep working on it; saving retries.
          version.current = buffer.baseVersion;
          metaRef.current = buffer.meta;
          setDraft({ ...buffer.meta, title: buffer.title, paragraphs: buffer.paragraphs });
          const mine = { title: buffer.title, paragraphs: buffer.paragraphs };
          localRef.current = mine;
          setLocal(mine);
          edits.current = 1;
          setState('offline');
          saveTimer.current = window.setTimeout(() => void save(), RETRY_MS);
        } else {
          setLoadError(e);
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, save]);

  // Never lose text on reload, tab close or when the connection returns.
  useEffect(() => {
    const onHide = () => flushBuffer();
    const onOnline = () => void save();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    window.addEventListener('online', onOnline);
    return () => {
      flushBuffer();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      window.removeEventListener('online', onOnline);
      window.clearTimeout(saveTimer.current);
    };
  }, [flushBuffer, save]);

  /** Applies an edit locally and schedules buffering and saving. */
  const edit = useCallback(
    (f: (e: Editable) => Editable) => {
      const cur = localRef.current;
      if (!cur) return;
      const next = f(cur);
      if (next === cur) return;
      localRef.current = next;
      edits.current++;
      setLocal(next);
      setState((s) => (s === 'conflict' || s === 'offline' ? s : 'unsaved'));
      if (bufferTimer.current === undefined) bufferTimer.current = window.setTimeout(flushBuffer, BUFFER_DELAY_MS);
      window.clearTimeout(saveTimer.current);
      if (!blocked.current) saveTimer.current = window.setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [flushBuffer, save],
  );

  /** Resolves a conflict: keep my text (overwriting theirs) or take theirs (dropping mine). */
  const resolve = useCallback(
    (choice: 'mine' | 'theirs') => {
      if (!conflict) return;
      blocked.current = false;
      version.current = conflict.theirs.version;
      setDraft(conflict.theirs);
      setConflict(null);
      if (choice === 'theirs') {
        const theirs = { title: conflict.theirs.title, paragraphs: conflict.theirs.paragraphs };
        localRef.current = theirs;
        setLocal(theirs);
        savedEdits.current = edits.current;
        clearBuffer(id);
        setState('saved');
      } else {
        edits.current++;
        setState('unsaved');
        void save();
      }
    },
    [conflict, id, save],
  );

  return { draft, local, state, message, conflict, loadError, bufferFailed, edit, resolve, saveNow: save };
}
