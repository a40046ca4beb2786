// The editor's undo stack (web/drafts/undo.ts) in React: records each change
// to the paragraph list before it is applied, and carries out Ctrl+Z and
// Ctrl+Shift+Z, putting the caret back in the paragraph the step was about.
import { useRef, type KeyboardEvent } from 'react';
import * as P from './paragraphs.js';
import { caretAfterRestore, emptyStack, record, redo, undo, undoKey, type Change } from './undo.js';

export function useUndo(options: {
  paras: P.Para[];
  /** Replaces the whole list (not recorded). */
  setList: (list: P.Para[]) => void;
  focusOn: (id: string, caret: number | null) => void;
  blur: () => void;
}) {
  const { paras, setList, focusOn, blur } = options;
  const stack = useRef(emptyStack<P.Para[]>());

  /** Records the list as it is now, before `what` changes it. */
  const track = (what: Change) => {
    stack.current = record(stack.current, paras, what, performance.now());
  };

  const step = (direction: 'undo' | 'redo') => {
    const r = (direction === 'undo' ? undo : redo)(stack.current, paras);
    if (!r) return;
    stack.current = r.stack;
    setList(r.restore);
    const target = r.restore.find((p) => p.id === r.paragraphId);
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
