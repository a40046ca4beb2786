// A draft paragraph's provenance: the source it names, when it counts as
// modified (the one rule, core/citation.ts), and how an imported .docx gets
// its exported provenance back (server/drafts/import.ts).
import { describe, expect, it } from 'vitest';
import { paragraphSource, sourceModified } from '../../core/citation.js';
import { matchSources } from '../../server/drafts/import.js';

const doc = { id: 'a-res-78-229-en', symbol: 'A/RES/78/229', title: 'Strengthening …' };
const op6 = { id: 'a-res-78-229-en.op6', label: 'OP 6', text: 'Requests the Secretary-General to report.' };

describe('provenance', () => {
  it('names the source paragraph by citation and keeps its text', () => {
    expect(paragraphSource(doc, op6)).toEqual({
      paragraphId: 'a-res-78-229-en.op6', documentId: 'a-res-78-229-en', citation: 'A/RES/78/229, OP 6', text: op6.text,
    });
  });

  it('is modified once the text differs, not for width or white space', () => {
    const source = paragraphSource(doc, op6);
    expect(sourceModified(op6.text, source)).toBe(false);
    expect(sourceModified(' Requests  the Secretary-General to report．', { text: 'Requests the Secretary-General to report.' })).toBe(false);
    expect(sourceModified('Requests the Secretary-General to report orally.', source)).toBe(true);
    // A source saved before its text was kept: nothing is claimed.
    expect(sourceModified('anything', { citation: 'A/RES/78/229, OP 6' } as { text?: string })).toBe(false);
    expect(sourceModified('anything', null)).toBe(false);
  });

  it('matches exported provenance by position, or by unchanged text when paragraphs were added or removed in Word', () => {
    const a = paragraphSource(doc, { id: 'p1', label: 'OP 1', text: 'One.' });
    const b = paragraphSource(doc, { id: 'p2', label: 'OP 2', text: 'Two.' });
    expect(matchSources([{ text: 'One, edited.' }, { text: 'New.' }], [a, null])).toEqual([a, null]);
    expect(matchSources([{ text: 'Inserted in Word.' }, { text: 'One.' }, { text: 'Two, edited.' }], [a, b])).toEqual([null, a, null]);
  });
});
