// The live document: two editors change one draft at once and, once their
// updates have crossed, both hold the same text with both changes in it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDraftChange, isEmpty, lineageOf, readDraft, spliceOf, writeDraft, type LiveContent } from '../../core/live-doc.js';
import type { DraftParagraph } from '../../core/model.js';
import { reanchorFootnotes } from '../../core/footnotes.js';

const para = (id: string, section: DraftParagraph['section'], text: string, extra: Partial<DraftParagraph> = {}): DraftParagraph => ({ id, section, text, ...extra });

const draft: LiveContent = {
  title: 'Countering transnational organized crime',
  body: 'The General Assembly,',
  baseDocumentId: 'a-res-78-229-en',
  paragraphs: [
    para('pp1', 'preamble', 'Recalling its resolution 77/237 of 15 December 2022,'),
    para('op1', 'operative', 'Urges all Member States to ratify the Convention;', {
      footnotes: [{ marker: '1', text: 'United Nations, Treaty Series, vol. 2225.', offset: 48 }],
      source: { documentId: 'a-res-78-229-en', paragraphId: 'x', citation: 'A/RES/78/229, para. 1', text: 'Urges' },
    }),
    para('op2', 'operative', 'Requests the Secretary-General to report;'),
    para('op3', 'operative', '又请秘书长提交报告；𠀀'),
  ],
};

/** Two replicas of one live document, as two browsers hold it after loading. */
function twoEditors(content: LiveContent = draft) {
  const server = new Y.Doc();
  writeDraft(server, content, 'lineage-1');
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(server));
  const cross = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, cross };
}

/** What an editor does: change the draft it shows and write the change. */
function edit(doc: Y.Doc, change: (d: LiveContent) => LiveContent) {
  const prev = readDraft(doc);
  applyDraftChange(doc, prev, change(prev), 'test');
}

/** A paragraph's new text, its footnotes following the words they follow (as the editor's markers do). */
const setText = (id: string, text: (t: string) => string) => (d: LiveContent) => ({
  ...d,
  paragraphs: d.paragraphs.map((p) => {
    if (p.id !== id) return p;
    const next = text(p.text);
    return p.footnotes ? { ...p, text: next, footnotes: reanchorFootnotes(p.text, next, p.footnotes) } : { ...p, text: next };
  }),
});
const textOf = (doc: Y.Doc, id: string) => readDraft(doc).paragraphs.find((p) => p.id === id)?.text;

describe('the live document', () => {
  it('holds the stored draft as it was written, footnotes, provenance and astral characters included', () => {
    const doc = new Y.Doc();
    expect(isEmpty(doc)).toBe(true);
    writeDraft(doc, draft, 'lineage-1');
    expect(readDraft(doc)).toEqual(draft);
    expect(lineageOf(doc)).toBe('lineage-1');
    expect(isEmpty(doc)).toBe(false);
  });

  it('merges two editors typing in different paragraphs', () => {
    const { a, b, cross } = twoEditors();
    edit(a, setText('op1', (t) => t.replace('all Member States', 'all States')));
    edit(b, setText('op2', (t) => t.replace('report;', 'report at its eighty-first session;')));
    cross();
    expect(readDraft(a)).toEqual(readDraft(b));
    expect(textOf(a, 'op1')).toBe('Urges all States to ratify the Convention;');
    expect(textOf(a, 'op2')).toBe('Requests the Secretary-General to report at its eighty-first session;');
  });

  it('merges two editors typing in the same paragraph, character by character', () => {
    const { a, b, cross } = twoEditors();
    edit(a, setText('op2', (t) => t.replace('Requests', 'Also requests')));
    edit(b, setText('op2', (t) => t.replace('to report;', 'to report thereon;')));
    cross();
    expect(textOf(a, 'op2')).toBe('Also requests the Secretary-General to report thereon;');
    expect(textOf(b, 'op2')).toBe('Also requests the Secretary-General to report thereon;');
  });

  it('keeps a footnote after the word it follows when one editor types before it and another edits its text', () => {
    const { a, b, cross } = twoEditors();
    edit(a, setText('op1', (t) => `Strongly ${t[0].toLowerCase()}${t.slice(1)}`));
    edit(b, (d) => ({ ...d, paragraphs: d.paragraphs.map((p) => (p.id === 'op1' ? { ...p, footnotes: [{ ...p.footnotes![0], text: 'UNTS, vol. 2225, No. 39574.' }] } : p)) }));
    cross();
    expect(readDraft(a)).toEqual(readDraft(b));
    const op1 = readDraft(b).paragraphs.find((p) => p.id === 'op1')!;
    expect(op1.text).toBe('Strongly urges all Member States to ratify the Convention;');
    expect(op1.text.slice(0, op1.footnotes![0].offset).endsWith('Convention')).toBe(true);
    expect(op1.footnotes!.map((f) => f.text)).toEqual(['UNTS, vol. 2225, No. 39574.']);
  });

  it('keeps text typed into a paragraph that someone else moves meanwhile', () => {
    const { a, b, cross } = twoEditors();
    edit(a, (d) => ({ ...d, paragraphs: [d.paragraphs[0], d.paragraphs[2], d.paragraphs[1], d.paragraphs[3]] }));
    edit(b, setText('op1', (t) => t.replace('ratify', 'ratify or accede to')));
    cross();
    expect(readDraft(a)).toEqual(readDraft(b));
    expect(readDraft(a).paragraphs.map((p) => p.id)).toEqual(['pp1', 'op2', 'op1', 'op3']);
    expect(textOf(a, 'op1')).toContain('ratify or accede to');
  });

  it('keeps both paragraphs two editors add at the same place, and each paragraph once when both move it', () => {
    const { a, b, cross } = twoEditors();
    edit(a, (d) => ({ ...d, paragraphs: [...d.paragraphs.slice(0, 2), para('na', 'operative', 'From A;'), ...d.paragraphs.slice(2)] }));
    edit(b, (d) => ({ ...d, paragraphs: [...d.paragraphs.slice(0, 2), para('nb', 'operative', 'From B;'), ...d.paragraphs.slice(2)] }));
    cross();
    const ids = readDraft(a).paragraphs.map((p) => p.id);
    expect(ids.slice(0, 2)).toEqual(['pp1', 'op1']);
    expect(new Set(ids.slice(2, 4))).toEqual(new Set(['na', 'nb']));
    expect(readDraft(b)).toEqual(readDraft(a));

    edit(a, (d) => ({ ...d, paragraphs: [d.paragraphs[0], ...d.paragraphs.slice(2), d.paragraphs[1]] }));
    edit(b, (d) => ({ ...d, paragraphs: [d.paragraphs[0], d.paragraphs[2], d.paragraphs[1], ...d.paragraphs.slice(3)] }));
    cross();
    const moved = readDraft(a).paragraphs.map((p) => p.id);
    expect(moved.filter((id) => id === 'op1')).toHaveLength(1);
    expect(moved).toHaveLength(6);
    expect(readDraft(b)).toEqual(readDraft(a));
  });

  it('brings back, with the new text, a paragraph someone deleted while another editor changed it', () => {
    const { a, b, cross } = twoEditors();
    edit(a, (d) => ({ ...d, paragraphs: d.paragraphs.filter((p) => p.id !== 'op2') }));
    cross();
    // B's view still shows OP 2 (the deletion arrived after B's keystroke was made on it).
    const seenByB = { ...draft };
    applyDraftChange(b, seenByB, setText('op2', (t) => `${t} (B)`)(seenByB), 'test');
    cross();
    expect(textOf(a, 'op2')).toBe('Requests the Secretary-General to report; (B)');
    expect(readDraft(a).paragraphs.map((p) => p.id)).toEqual(['pp1', 'op1', 'op2', 'op3']);
  });

  it('changes the title, the section and the footnotes as the writer did, and nothing else', () => {
    const { a, b, cross } = twoEditors();
    edit(a, (d) => ({
      ...d,
      title: `${d.title} (Rev.1)`,
      paragraphs: d.paragraphs.map((p) => (p.id === 'op1' ? { ...p, footnotes: [] } : p.id === 'op2' ? { ...p, section: 'preamble' } : p)),
    }));
    cross();
    const after = readDraft(b);
    expect(after.title).toBe('Countering transnational organized crime (Rev.1)');
    expect(after.paragraphs.find((p) => p.id === 'op1')!.footnotes).toBeUndefined();
    expect(after.paragraphs.map((p) => `${p.id}:${p.section}`)).toEqual(['pp1:preamble', 'op2:preamble', 'op1:operative', 'op3:operative']);
  });
});

describe('spliceOf', () => {
  it('never cuts a surrogate pair: an astral CJK character is replaced whole', () => {
    const change = spliceOf('a\uD840\uDC00b'.split(''), 'a\uD840\uDC01b'.split(''));
    expect(change).toEqual({ at: 1, remove: 2, insert: ['\uD840', '\uDC01'] });
  });
  it('is null for equal text', () => {
    expect(spliceOf(['a'], ['a'])).toBeNull();
  });
});
