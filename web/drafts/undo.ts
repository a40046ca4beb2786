// The editor's one undo stack, as pure functions over immutable snapshots:
// every change to the draft's paragraphs (typing, insert, replace, split,
// merge, move, delete …) records the list as it was; Ctrl+Z steps back,
// Ctrl+Shift+Z forward. Typing in one paragraph is one step until a pause or
// another kind of change, as in a word processor (a footnote's text too).
import { commonEnds } from '../../core/footnotes.js';

/** What a change was, and the paragraph it was about (focused again when it is undone). */
export interface Change {
  kind: 'typing' | 'insert' | 'replace' | 'split' | 'merge' | 'move' | 'section' | 'delete' | 'restore' | 'add' | 'footnote';
  paragraphId: string | null;
}

export interface Step<T> extends Change {
  /** The state before the change (in `past`) or after it (in `future`). */
  snapshot: T;
  at: number;
}

export interface UndoStack<T> {
  past: Step<T>[];
  future: Step<T>[];
}

/** Typing in the same paragraph within this pause joins the step before it. */
export const TYPING_PAUSE_MS = 1200;
/** The oldest steps are forgotten beyond this many. */
export const UNDO_DEPTH = 200;

export const emptyStack = <T>(): UndoStack<T> => ({ past: [], future: [] });

/** The stack after a change from `before`, made at `now` (ms). A new change clears the redo steps. */
export function record<T>(stack: UndoStack<T>, before: T, change: Change, now: number): UndoStack<T> {
  const last = stack.past[stack.past.length - 1];
  const typing = change.kind === 'typing' || change.kind === 'footnote';
  const joins = typing && last?.kind === change.kind && last.paragraphId === change.paragraphId && now - last.at < TYPING_PAUSE_MS && stack.future.length === 0;
  if (joins) return { past: [...stack.past.slice(0, -1), { ...last, at: now }], future: [] };
  return { past: [...stack.past, { ...change, snapshot: before, at: now }].slice(-UNDO_DEPTH), future: [] };
}

/** One step back from `current`: the state to restore and the step's paragraph; null when there is none. */
export function undo<T>(stack: UndoStack<T>, current: T): { stack: UndoStack<T>; restore: T; paragraphId: string | null } | null {
  const step = stack.past[stack.past.length - 1];
  if (!step) return null;
  return {
    stack: { past: stack.past.slice(0, -1), future: [...stack.future, { ...step, snapshot: current }] },
    restore: step.snapshot,
    paragraphId: step.paragraphId,
  };
}

/** One step forward again (after an undo). */
export function redo<T>(stack: UndoStack<T>, current: T): { stack: UndoStack<T>; restore: T; paragraphId: string | null } | null {
  const step = stack.future[stack.future.length - 1];
  if (!step) return null;
  return {
    stack: { past: [...stack.past, { ...step, snapshot: current, at: 0 }], future: stack.future.slice(0, -1) },
    restore: step.snapshot,
    paragraphId: step.paragraphId,
  };
}

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
