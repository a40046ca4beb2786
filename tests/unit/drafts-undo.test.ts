// The editor's undo stack (web/drafts/undo.ts) as pure logic: steps, typing
// joined until a pause, redo cleared by a new change, the keys.
import { describe, expect, it } from 'vitest';
import { TYPING_PAUSE_MS, UNDO_DEPTH, caretAfterRestore, emptyStack, record, redo, undo, undoKey, type UndoStack } from '../../web/drafts/undo.js';

const typing = (paragraphId = 'a') => ({ kind: 'typing' as const, paragraphId });

describe('undo stack', () => {
  it('undoes and redoes each change, in order', () => {
    let s: UndoStack<string> = emptyStack();
    s = record(s, 'v0', { kind: 'insert', paragraphId: 'a' }, 0);
    s = record(s, 'v1', { kind: 'split', paragraphId: 'a' }, 10_000);
    const u1 = undo(s, 'v2')!;
    expect([u1.restore, u1.paragraphId]).toEqual(['v1', 'a']);
    const u2 = undo(u1.stack, 'v1')!;
    expect(u2.restore).toBe('v0');
    expect(undo(u2.stack, 'v0')).toBeNull();
    const r1 = redo(u2.stack, 'v0')!;
    expect(r1.restore).toBe('v1');
    expect(redo(r1.stack, 'v1')!.restore).toBe('v2');
  });

  it('joins typing in one paragraph until a pause, another paragraph or another kind of change', () => {
    let s: UndoStack<string> = emptyStack();
    s = record(s, 'a', typing(), 0);
    s = record(s, 'ab', typing(), 100);
    s = record(s, 'abc', typing(), 200);
    expect(s.past).toHaveLength(1);
    s = record(s, 'abcd', typing(), 200 + TYPING_PAUSE_MS);
    s = record(s, 'abcde', typing('b'), 200 + TYPING_PAUSE_MS + 10);
    s = record(s, 'abcdef', { kind: 'move', paragraphId: 'b' }, 200 + TYPING_PAUSE_MS + 20);
    s = record(s, 'abcdefg', typing('b'), 200 + TYPING_PAUSE_MS + 30);
    expect(s.past.map((p) => p.snapshot)).toEqual(['a', 'abcd', 'abcde', 'abcdef', 'abcdefg']);
  });

  it('a new change after an undo drops the redo steps, and typing then starts a new step', () => {
    let s: UndoStack<string> = emptyStack();
    s = record(s, 'x', typing(), 0);
    const u = undo(s, 'xy')!;
    s = record(u.stack, 'x', typing(), 50);
    expect(s.future).toHaveLength(0);
    expect(redo(s, 'xz')).toBeNull();
    expect(s.past).toHaveLength(1);
  });

  it('forgets the oldest steps beyond its depth', () => {
    let s: UndoStack<number> = emptyStack();
    for (let i = 0; i < UNDO_DEPTH + 5; i++) s = record(s, i, { kind: 'move', paragraphId: null }, i);
    expect(s.past).toHaveLength(UNDO_DEPTH);
    expect(s.past[0].snapshot).toBe(5);
  });

  it('reads Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', () => {
    const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => undoKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z')).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
  });

  it('puts the caret at the end of what the restore changed', () => {
    expect(caretAfterRestore('Recalling also the report', 'Recalling the report')).toBe('Recalling '.length);
    expect(caretAfterRestore('abc', 'abcdef')).toBe(6);
  });
});
