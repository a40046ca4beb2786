// The editor's keyboard: which key, pressed in a paragraph, does what. Pure:
// the paragraph block passes the key and the caret, and carries out the answer.
// (The help text in EditorHeader.tsx lists the same keys.)

/** What a paragraph block asks the editor to do. */
export type BlockCommand =
  | { kind: 'split'; at: number }
  | { kind: 'merge-previous' }
  | { kind: 'move'; delta: -1 | 1 }
  | { kind: 'delete' }
  | { kind: 'focus'; delta: -1 | 1 }
  | { kind: 'to-panel' }
  | { kind: 'toggle-section' };

export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface Caret {
  start: number;
  end: number;
  /** The length of the paragraph's text. */
  length: number;
}

/** The command for a key pressed with the caret (or selection) at `caret`; null for ordinary typing. */
export function commandForKey(e: KeyPress, caret: Caret): BlockCommand | null {
  const collapsed = caret.start === caret.end;
  if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) return { kind: 'split', at: caret.start };
  if (e.key === 'Backspace' && collapsed && caret.start === 0 && !e.ctrlKey) return { kind: 'merge-previous' };
  if (e.altKey && e.key === 'ArrowUp') return { kind: 'move', delta: -1 };
  if (e.altKey && e.key === 'ArrowDown') return { kind: 'move', delta: 1 };
  if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key === 'Backspace') return { kind: 'delete' };
  if ((e.ctrlKey || e.metaKey) && e.key === '.') return { kind: 'to-panel' };
  if (e.altKey && (e.key === 's' || e.key === 'S' || e.code === 'KeyS')) return { kind: 'toggle-section' };
  if (e.key === 'ArrowUp' && collapsed && caret.start === 0) return { kind: 'focus', delta: -1 };
  if (e.key === 'ArrowDown' && collapsed && caret.start === caret.length) return { kind: 'focus', delta: 1 };
  return null;
}
