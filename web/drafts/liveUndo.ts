// The editor's undo over the live document: Yjs's UndoManager, tracking only
// this editor's own changes, so Ctrl+Z takes back what I did and never what a
// co-editor typed meanwhile. Typing in one paragraph is one step until a pause
// or another kind of change, as in a word processor; each step remembers the
// paragraph it was about, to put the caret back there.
import * as Y from 'yjs';
import { TYPING_PAUSE_MS, type Change } from './undo.js';

export interface LiveUndo {
  /** Call before applying a change of this editor's: starts a new step unless it continues typing. */
  track(change: Change): void;
  /** Takes back (or redoes) one step; the change it was, or null when there is none. */
  step(direction: 'undo' | 'redo'): Change | null;
  destroy(): void;
}

const CHANGE = 'change';

/** Undo for the changes `doc` receives in transactions of `origin` (this editor's). */
export function liveUndo(doc: Y.Doc, origin: unknown): LiveUndo {
  const manager = new Y.UndoManager([doc.getText('title'), doc.getMap('meta'), doc.getArray('paragraphs')], {
    trackedOrigins: new Set([origin]),
    captureTimeout: TYPING_PAUSE_MS,
  });
  let last: Change | null = null;
  /** The change the next new stack item is (the one tracked, or the one an undo/redo moves across). */
  let next: Change | null = null;
  manager.on('stack-item-added', ({ stackItem }) => {
    if (next) stackItem.meta.set(CHANGE, next);
  });
  const typing = (c: Change | null) => c !== null && (c.kind === 'typing' || c.kind === 'footnote');

  return {
    track(change) {
      const joins = typing(change) && last?.kind === change.kind && last.paragraphId === change.paragraphId;
      if (!joins) manager.stopCapturing();
      last = change;
      next = change;
    },
    step(direction) {
      const stack = direction === 'undo' ? manager.undoStack : manager.redoStack;
      const top = stack[stack.length - 1];
      if (!top) return null;
      const change = (top.meta.get(CHANGE) as Change | undefined) ?? { kind: 'restore', paragraphId: null };
      next = change;
      if (direction === 'undo') manager.undo();
      else manager.redo();
      manager.stopCapturing();
      last = null;
      return change;
    },
    destroy: () => manager.destroy(),
  };
}
