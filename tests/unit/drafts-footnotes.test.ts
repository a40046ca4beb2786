// Footnotes in the editor's textarea (web/drafts/footnoteMarks.ts): one marker
// character per footnote, moved and deleted like any character.
import { describe, expect, it } from 'vitest';
import { fromMarkedValue, markedValue, textOffset, valueOffset } from '../../web/drafts/footnoteMarks.js';

const note = (marker: string, offset: number) => ({ marker, text: `Note ${marker}.`, offset });
const para = { text: 'Recalling the Convention, and the Protocols thereto,', footnotes: [note('12', 24), note('13', 52)] };

describe('footnote markers in the edited text', () => {
  it('stand where the footnotes are, in text order', () => {
    expect(markedValue(para)).toBe('Recalling the Convention❶, and the Protocols thereto,❷');
    expect(fromMarkedValue(para, markedValue(para))).toEqual(para);
  });

  it('typing before a marker moves its footnote', () => {
    const got = fromMarkedValue(para, 'Recalling also the Convention❶, and the Protocols thereto,❷');
    expect(got.text).toBe('Recalling also the Convention, and the Protocols thereto,');
    expect(got.footnotes.map((f) => [f.marker, f.offset])).toEqual([['12', 29], ['13', 57]]);
  });

  it('a deleted marker deletes its footnote; a marker cut and pasted moves it; a pasted copy is dropped', () => {
    expect(fromMarkedValue(para, 'Recalling the Convention, and the Protocols thereto,❷').footnotes.map((f) => f.marker)).toEqual(['13']);
    const moved = fromMarkedValue(para, 'Recalling❶ the Convention, and❷ the Protocols thereto,');
    expect(moved.footnotes.map((f) => [f.marker, f.offset])).toEqual([['12', 9], ['13', 29]]);
    expect(fromMarkedValue(para, 'Recalling❶ the Convention❶, and the Protocols thereto,❷').footnotes.map((f) => [f.marker, f.offset])).toEqual([['12', 9], ['13', 52]]);
  });

  it('a marker of no footnote is ordinary text', () => {
    expect(fromMarkedValue({ text: 'a', footnotes: [] }, 'a❸').text).toBe('a❸');
  });

  it('converts carets between the text and the marked value', () => {
    const value = markedValue(para);
    expect(textOffset(value, value.indexOf('❶'))).toBe(24);
    expect(textOffset(value, value.indexOf('❶') + 1)).toBe(24);
    expect(textOffset(value, value.indexOf(',') + 1)).toBe(25);
    expect(valueOffset(para, 24)).toBe(25);
    expect(valueOffset(para, 10)).toBe(10);
  });
});
