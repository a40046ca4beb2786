// The React side of keeping a draft in step with the server: runs the pure
// sync machine (web/drafts/syncMachine.ts), carries out its effects (the
// PUT, the timers, the browser buffer) and feeds their outcomes back to it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, getDraft, isNetworkError, saveDraft, type DraftT } from '../api.js';
import { storageBuffers, type DraftBuffers } from './draftBuffers.js';
import { initialState, step, type Editable, type Effect, type SyncEvent, type SyncState, type Timer } from './syncMachine.js';


const browserBuffers = storageBuffers();

export function useDraftSync(id: string, buffers: DraftBuffers = browserBuffers) {
  const [state, setState] = useState<SyncState>(initialState);
  const current = useRef<SyncState>(initialState);
  const timers = useRef<Record<Timer, number | undefined>>({ save: undefined, flush: undefined });
  // Answers to requests of an earlier draft (or an unmounted editor) are dropped.
  const generation = useRef(0);

  const dispatch = useCallback(
    (event: SyncEvent) => {
      const next = step(current.current, event);
      current.current = next.state;
      setState(next.state);
      for (const effect of next.effects) run(effect);

      function run(effect: Effect) {
        switch (effect.type) {
          case 'put': {
            const gen = generation.current;
            const { version, title, paragraphs } = effect;
            saveDraft(id, { version, title, paragraphs }).then(
              (draft) => gen === generation.current && dispatch({ type: 'saved', draft }),
              (e: unknown) => {
                if (gen !== generation.current) return;
                if (e instanceof ApiFailure && e.status === 409) dispatch({ type: 'saveConflict', theirs: (e.body as { current: DraftT }).current });
                else if (isNetworkError(e)) dispatch({ type: 'saveOffline' });
                else dispatch({ type: 'saveRefused', message: (e as Error).message });
              },
            );
            break;
          }
          case 'startTimer': {
            const { timer } = effect;
            window.clearTimeout(timers.current[timer]);
            timers.current[timer] = window.setTimeout(() => dispatch({ type: timer }), effect.delayMs);
            break;
          }
          case 'stopTimer':
            window.clearTimeout(timers.current[effect.timer]);
            break;
          case 'writeBuffer':
            dispatch({ type: 'bufferWritten', ok: buffers.write(id, { ...effect.buffer, at: Date.now() }) });
            break;
          case 'clearBuffer':
            buffers.clear(id);
            break;
        }
      }
    },
    [id, buffers],
  );

  // Load: the server's draft, reconciled with any buffered edits.
  useEffect(() => {
    const gen = ++generation.current;
    current.current = initialState;
    setState(initialState);
    const buffer = buffers.read(id);
    getDraft(id).then(
      (server) => gen === generation.current && dispatch({ type: 'loaded', server, buffer }),
      (error: unknown) => gen === generation.current && dispatch({ type: 'loadFailed', error, network: isNetworkError(error), buffer }),
    );
    // Never lose text on reload, tab close or when the connection returns.
    const onHide = () => dispatch({ type: 'flush' });
    const onOnline = () => dispatch({ type: 'save' });
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    window.addEventListener('online', onOnline);
    // The refs themselves, not their values: the cleanup must see the latest timers.
    const generations = generation;
    const pending = timers;
    return () => {
      dispatch({ type: 'flush' });
      generations.current++;
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      window.removeEventListener('online', onOnline);
      window.clearTimeout(pending.current.save);
      window.clearTimeout(pending.current.flush);
    };
  }, [id, buffers, dispatch]);

  /** Applies an edit locally and schedules buffering and saving. */
  const edit = useCallback((change: (e: Editable) => Editable) => dispatch({ type: 'edit', change }), [dispatch]);
  /** Resolves a conflict: keep my text (overwriting theirs) or take theirs (dropping mine). */
  const resolve = useCallback((choice: 'mine' | 'theirs') => dispatch({ type: 'resolve', choice }), [dispatch]);
  const saveNow = useCallback(async () => dispatch({ type: 'save' }), [dispatch]);

  return {
    draft: state.server,
    local: state.local,
    state: state.status,
    message: state.message,
    conflict: state.conflict,
    loadError: state.loadError instanceof Error ? state.loadError : state.loadError ? new Error(String(state.loadError)) : null,
    bufferFailed: state.bufferFailed,
    edit,
    resolve,
    saveNow,
  };
}
