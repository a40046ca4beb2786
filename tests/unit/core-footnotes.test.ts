// Footnote re-anchoring (core/footnotes.ts): a footnote follows the same
// character after the paragraph's text changes, whatever the edit.
import { describe, expect, it } from 'vitest';
import { reanchorFootnotes, sameFootnotes } from '../../core/footnotes.js';
import type { Footnote } from '../../core/model.js';

const note = (offset: number, marker = '1'): Footnote => ({ marker, text: `Note ${marker}.`, offset });
/** The text with each footnote's marker written in brackets where it stands. */
function marked(text: string, notes: Footnote[]): string {
  let out = '';
  let at = 0;
  for (const n of [...notes].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(at, n.offset) + `[${n.marker}]`;
    at = n.offset;
  }
  return out + text.slice(at);
}
function moved(oldText: string, newText: string, notes: Footnote[]): string {
  return marked(newText, reanchorFootnotes(oldText, newText, notes));
}

describe('reanchorFootnotes', () => {
  const old = 'Reaffirming also the Protocols thereto and the Convention of 1971,';
  const notes = [note(old.indexOf(' and'), '1'), note(old.indexOf(','), '2')];

  it('moves footnotes after an edit before them', () => {
    expect(moved(old, old.replace('Reaffirming also', 'Reaffirming further'), notes)).toBe('Reaffirming further the Protocols thereto[1] and the Convention of 1971[2],');
  });

  it('keeps footnotes before an edit where they were', () => {
    expect(moved(old, old.replace('Convention', 'Single Convention'), notes)).toBe('Reaffirming also the Protocols thereto[1] and the Single Convention of 1971[2],');
  });

  it('puts a footnote after the words that replaced the ones it followed', () => {
    const text = 'Recalling the Convention,';
    expect(moved(text, 'Recalling the Treaty,', [note(text.indexOf(','))])).toBe('Recalling the Treaty[1],');
  });

  it('keeps a footnote whose character was deleted where that character stood', () => {
    const text = 'Noting the report and the annex thereto.';
    expect(moved(text, 'Noting the report.', [note(text.indexOf(' and the annex') + 8)])).toBe('Noting the report[1].');
  });

  it('handles many edits at once, in Chinese too', () => {
    const text = '回顾其关于该问题的各项决议，并重申《公约》的重要性，';
    const n = [note(text.indexOf('决议') + 2, '3'), note(text.indexOf('》') + 1, '4')];
    expect(moved(text, '又回顾其关于该问题的所有决议，并重申《公约》及其议定书的重要性，', n)).toBe('又回顾其关于该问题的所有决议[3]，并重申《公约》[4]及其议定书的重要性，');
  });

  it('keeps footnotes at the start and the end, in text order', () => {
    const text = 'Urges States to act.';
    expect(moved(text, 'Strongly urges all States to act.', [note(text.length, '9'), note(0, '8')])).toBe('[8]Strongly urges all States to act.[9]');
  });

  it('gives the footnotes back unchanged when the text is unchanged', () => {
    expect(reanchorFootnotes(old, old, notes)).toEqual(notes);
  });
});

describe('sameFootnotes', () => {
  it('compares marker, text and offset', () => {
    expect(sameFootnotes([note(3)], [note(3)])).toBe(true);
    expect(sameFootnotes([note(3)], [note(4)])).toBe(false);
    expect(sameFootnotes(undefined, [])).toBe(true);
  });
});
