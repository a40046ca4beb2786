// The editor's undo over the live document (web/drafts/liveUndo.ts): each step
// takes back this editor's change and never a co-editor's; typing in one
// paragraph is one step, another paragraph or kind of change starts the next;
// redo; the keys and the caret.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDraftChange, readDraft, writeDraft, type LiveContent } from '../../core/live-doc.js';
import { liveUndo } from '../../web/drafts/liveUndo.js';
import { caretAfterRestore, undoKey, type Change } from '../../web/drafts/undo.js';

const MINE = Symbol('this editor');
const draft: LiveContent = {
  title: 'Draft',
  body: '',
  baseDocumentId: null,
  paragraphs: [
    { id: 'op1', section: 'operative', text: 'Urges States to act;' },
    { id: 'op2', section: 'operative', text: 'Requests a report;' },
  ],
};

function editors() {
  const mine = new Y.Doc();
  writeDraft(mine, draft, 'l');
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  // Updates cross at once, as over a live connection.
  mine.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(theirs, u, 'wire'));
  theirs.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(mine, u, 'wire'));
  const undo = liveUndo(mine, MINE);
  const type = (doc: Y.Doc, id: string, text: (t: string) => string, origin: unknown) => {
    const prev = readDraft(doc);
    applyDraftChange(doc, prev, { ...prev, paragraphs: prev.paragraphs.map((p) => (p.id === id ? { ...p, text: text(p.text) } : p)) }, origin);
  };
  const iType = (id: string, text: (t: string) => string, change: Change = { kind: 'typing', paragraphId: id }) => {
    undo.track(change);
    type(mine, id, text, MINE);
  };
  const texts = () => readDraft(theirs).paragraphs.map((p) => p.text);
  return { mine, theirs, undo, iType, type, texts };
}

describe('live undo', () => {
  it("takes back my change and keeps a co-editor's, made after it in the same paragraph", () => {
    const { theirs, undo, iType, type, texts } = editors();
    iType('op1', (t) => t.replace('States', 'all States'));
    type(theirs, 'op1', (t) => t.replace('act;', 'act now;'), 'co-editor');
    type(theirs, 'op2', (t) => t.replace('a report', 'a full report'), 'co-editor');
    expect(undo.step('undo')).toEqual({ kind: 'typing', paragraphId: 'op1' });
    expect(texts()).toEqual(['Urges States to act now;', 'Requests a full report;']);
    expect(undo.step('redo')).toEqual({ kind: 'typing', paragraphId: 'op1' });
    expect(texts()).toEqual(['Urges all States to act now;', 'Requests a full report;']);
  });

  it('makes typing in one paragraph one step, and another paragraph the next', () => {
    const { undo, iType, texts } = editors();
    iType('op1', (t) => t.replace('act', 'act a'));
    iType('op1', (t) => t.replace('act a', 'act at'));
    iType('op2', (t) => t.replace('report', 'report soon'));
    iType('op2', (t) => t, { kind: 'section', paragraphId: 'op2' });
    expect(undo.step('undo')?.paragraphId).toBe('op2');
    expect(texts()).toEqual(['Urges States to act at;', 'Requests a report;']);
    expect(undo.step('undo')).toEqual({ kind: 'typing', paragraphId: 'op1' });
    expect(texts()).toEqual(['Urges States to act;', 'Requests a report;']);
    expect(undo.step('undo')).toBeNull();
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
