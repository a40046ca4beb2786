// Which of a query's terms suggest sends to BM25 (pruneTerms): spread over the
// whole query, so that a precedent sharing any part of it can become a candidate.
import { describe, expect, it } from 'vitest';
import { LanguageIndex } from '../../server/search/language-index.js';
import { DEFAULT_TUNING, pruneTerms } from '../../server/search/suggest.js';

function index(texts: string[]): LanguageIndex {
  const li = new LanguageIndex('en', 'bigrams');
  texts.forEach((text, i) => li.add({ id: `p${i}`, documentId: `d${i}`, section: 'operative', label: `OP ${i + 1}`, lead: '', text }));
  return li;
}

describe('pruneTerms', () => {
  const li = index(['zebra giraffe', 'okapi lemur', 'okapi lemur tapir', 'tapir ibex', 'ibex yak', 'yak gnu']);
  const tuning = { ...DEFAULT_TUNING, maxTerms: 2, maxDfShare: 1 };

  it('adds the rarest term of each stretch of the query that the rarest terms overall left out', () => {
    // The two rarest terms (zebra, giraffe: one paragraph each) are both in the first half;
    // the second half's rarest (okapi) is what finds the paragraphs that share that half.
    expect(pruneTerms(li, 'zebra giraffe okapi lemur', tuning)).toEqual(['zebra', 'giraffe', 'okapi']);
  });

  it('adds no term past the postings budget', () => {
    expect(pruneTerms(li, 'zebra giraffe okapi lemur', { ...tuning, maxPostings: 2 })).toEqual(['zebra', 'giraffe']);
  });

  it('keeps the three rarest terms of a query made of boilerplate only', () => {
    expect(pruneTerms(li, 'okapi lemur tapir ibex', { ...DEFAULT_TUNING, maxDfShare: 0.1 })).toHaveLength(3);
  });

  it('leaves out terms the index does not know', () => {
    expect(pruneTerms(li, 'quokka zebra giraffe okapi lemur', tuning)).not.toContain('quokka');
  });
});
