// The editor's keys (web/drafts/keyboard.ts): what each does where the caret stands.
import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress } from '../../web/drafts/keyboard.js';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, code: '', shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
const at = (start: number, length = 10, end = start) => ({ start, end, length });

describe('editor keyboard', () => {
  it('Enter splits at the caret; Shift+Enter is a new line', () => {
    expect(commandForKey(key('Enter'), at(4))).toEqual({ kind: 'split', at: 4 });
    expect(commandForKey(key('Enter', { shiftKey: true }), at(4))).toBeNull();
  });

  it('Backspace merges only at the very start with nothing selected', () => {
    expect(commandForKey(key('Backspace'), at(0))).toEqual({ kind: 'merge-previous' });
    expect(commandForKey(key('Backspace'), at(3))).toBeNull();
    expect(commandForKey(key('Backspace'), at(0, 10, 2))).toBeNull();
    expect(commandForKey(key('Backspace', { ctrlKey: true, shiftKey: true }), at(5))).toEqual({ kind: 'delete' });
  });

  it('Alt+arrows move, Alt+S changes part (by key or code), Ctrl+. goes to the precedents', () => {
    expect(commandForKey(key('ArrowUp', { altKey: true }), at(3))).toEqual({ kind: 'move', delta: -1 });
    expect(commandForKey(key('ArrowDown', { altKey: true }), at(3))).toEqual({ kind: 'move', delta: 1 });
    expect(commandForKey({ ...key('ß', { altKey: true }), code: 'KeyS' }, at(3))).toEqual({ kind: 'toggle-section' });
    expect(commandForKey(key('.', { metaKey: true }), at(3))).toEqual({ kind: 'to-panel' });
  });

  it('arrows leave the paragraph only at its edges', () => {
    expect(commandForKey(key('ArrowUp'), at(0))).toEqual({ kind: 'focus', delta: -1 });
    expect(commandForKey(key('ArrowUp'), at(2))).toBeNull();
    expect(commandForKey(key('ArrowDown'), at(10))).toEqual({ kind: 'focus', delta: 1 });
    expect(commandForKey(key('ArrowDown'), at(9))).toBeNull();
    expect(commandForKey(key('a'), at(0))).toBeNull();
  });
});
