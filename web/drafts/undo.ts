// What the editor's undo knows, as pure functions: the kinds of change a step
// can be (typing, insert, replace, split, merge, move, delete …), which keys
// undo and redo, and where the caret goes after a step. The stack itself is
// the live document's (liveUndo.ts): it takes back only this editor's changes.
import { commonEnds } from '../../core/footnotes.js';

/** What a change was, and the paragraph it was about (focused again when it is undone). */
export interface Change {
  kind: 'typing' | 'insert' | 'replace' | 'split' | 'merge' | 'move' | 'section' | 'delete' | 'restore' | 'add' | 'footnote';
  paragraphId: string | null;
}

/** Typing in the same paragraph within this pause joins the step before it. */
export const TYPING_PAUSE_MS = 1200;

/** Which key is undo or redo (Ctrl or ⌘ + Z, with Shift to redo; Ctrl+Y redoes too). */
export function undoKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** Where the caret goes in `text` after it was restored from `was`: the end of what differs. */
export function caretAfterRestore(was: string, text: string): number {
  return text.length - commonEnds(was, text).tail;
}
