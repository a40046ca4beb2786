// Ctrl+Z and Ctrl+Shift+Z in the editor, over the live document's undo
// (liveUndo.ts: only this editor's own changes), putting the caret back in
// the paragraph the step was about.
import type { KeyboardEvent } from 'react';
import type { LiveUndo } from './liveUndo.js';
import type * as P from './paragraphs.js';
import { caretAfterRestore, undoKey, type Change } from './undo.js';

export function useUndo(options: {
  undo: LiveUndo | null;
  paras: P.Para[];
  /** The paragraphs as they are right after a step (the live document changes at once). */
  current: () => P.Para[];
  focusOn: (id: string, caret: number | null) => void;
  blur: () => void;
}) {
  const { undo, paras, current, focusOn, blur } = options;

  /** Call before a change of this editor's: what it is, for grouping and for the caret when it is undone. */
  const track = (what: Change) => undo?.track(what);

  const step = (direction: 'undo' | 'redo') => {
    const change = undo?.step(direction);
    if (!change) return;
    const target = change.paragraphId ? current().find((p) => p.id === change.paragraphId) : undefined;
    if (target) {
      const was = paras.find((p) => p.id === target.id);
      focusOn(target.id, was ? caretAfterRestore(was.text, target.text) : null);
    } else blur();
  };

  /** Ctrl+Z / Ctrl+Shift+Z anywhere in the editor but the title (a field with its own undo). */
  const onKeyDown = (e: KeyboardEvent) => {
    const which = undoKey(e);
    if (!which || e.nativeEvent.isComposing) return;
    const t = e.target as HTMLElement;
    const ownField = (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA') && !t.matches('.para-input, .fn-text');
    if (ownField) return;
    e.preventDefault();
    step(which);
  };

  return { track, onKeyDown, undo: () => step('undo'), redo: () => step('redo') };
}
