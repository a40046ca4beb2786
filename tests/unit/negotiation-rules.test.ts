// The pure rules of a negotiation: bis/ter numbering and labels, what
// accepting a proposal does to the paragraphs, status counts, coverage of a
// text by adopted passages, and the compilation text's layout.
import { describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../server/drafts/model.js';
import type { ProposalRecord } from '../../server/negotiation/model.js';
import { amendmentRuns, applyProposal, attribution, compilation, coverage, latinOrdinal, labelsOf, proposalLabel, statusCounts, type CompiledProposal } from '../../server/negotiation/rules.js';

const paragraphs: DraftParagraph[] = [
  { id: 'pp1', section: 'preamble', text: 'Recalling its resolutions,' },
  { id: 'op1', section: 'operative', text: 'Urges States to act;' },
  { id: 'op2', section: 'operative', text: 'Decides to remain seized of the matter.' },
];

function proposal(over: Partial<ProposalRecord>): ProposalRecord {
  return {
    id: 'r1', draftId: 'd1', kind: 'amend', paragraphId: 'op1', section: 'operative', text: 'Urges States to act now;', note: null, basis: 'Urges States to act;',
    anchorLabel: 'OP 1', sequence: 1, delegationId: 'g1', delegation: 'Mexico', author: { id: 'u1', name: 'M', delegation: 'Mexico' }, status: 'open',
    evidence: { precedents: [], newLanguage: [], agreedShare: 0 }, createdAt: '', decidedAt: null, decidedBy: null, supporters: [], objectors: [], ...over,
  };
}

describe('numbering', () => {
  it('numbers added paragraphs bis, ter, quater … after the one they follow, alternatives alt, alt 2', () => {
    expect([1, 2, 3, 4].map(latinOrdinal)).toEqual(['bis', 'ter', 'quater', 'quinquies']);
    const labels = labelsOf(paragraphs);
    expect(proposalLabel({ kind: 'add', paragraphId: 'op2', section: 'operative', anchorLabel: 'OP 2', sequence: 2 }, labels)).toBe('OP 2 ter');
    expect(proposalLabel({ kind: 'alt', paragraphId: 'op1', section: 'operative', anchorLabel: 'OP 1', sequence: 2 }, labels)).toBe('OP 1 alt 2');
    expect(proposalLabel({ kind: 'add', paragraphId: 'pp1', section: 'preamble', anchorLabel: 'PP 1', sequence: 1 }, labels)).toBe('PP 1 bis');
  });

  it('a paragraph that has left the text keeps the label it had', () => {
    expect(proposalLabel({ kind: 'delete', paragraphId: 'gone', section: 'operative', anchorLabel: 'OP 7', sequence: 1 }, labelsOf(paragraphs))).toBe('OP 7');
  });
});

describe('applying a proposal', () => {
  it('amends, adds after its paragraph, deletes; refuses when the paragraph has left the text', () => {
    const amended = applyProposal(paragraphs, proposal({}), 'new');
    expect('paragraphs' in amended && amended.paragraphs[1].text).toBe('Urges States to act now;');
    const added = applyProposal(paragraphs, proposal({ kind: 'add', paragraphId: 'op1', text: 'Invites donors;' }), 'new');
    expect('paragraphs' in added && added.paragraphs.map((p) => p.id)).toEqual(['pp1', 'op1', 'new', 'op2']);
    const deleted = applyProposal(paragraphs, proposal({ kind: 'delete', paragraphId: 'op2', text: null }), 'new');
    expect('paragraphs' in deleted && deleted.paragraphs.map((p) => p.id)).toEqual(['pp1', 'op1']);
    expect(applyProposal(paragraphs, proposal({ paragraphId: 'gone' }), 'new')).toHaveProperty('conflict');
  });
});

describe('statuses and coverage', () => {
  it('counts paragraphs never set as open', () => {
    expect(statusCounts(paragraphs, new Map([['op1', 'agreed' as const]]))).toEqual({ open: 2, 'agreed-ad-ref': 0, agreed: 1 });
  });

  it('measures covered letters and marks the rest as new language, trimmed to words', () => {
    const text = 'Urges States to act, zorblatt now';
    const { agreedShare, newLanguage } = coverage(text, [[0, 19]]);
    expect(newLanguage.map(([a, b]) => text.slice(a, b))).toEqual(['zorblatt now']);
    // "Urges States to act" has 16 of the 27 letters.
    expect(agreedShare).toBeCloseTo(16 / 27, 5);
    expect(coverage('abc', []).newLanguage).toEqual([[0, 3]]);
  });
});

describe('the compilation text', () => {
  const pending = (over: Partial<CompiledProposal>): CompiledProposal => ({ ...proposal({}), ...over });

  it('names who made and who supports a proposal in square brackets', () => {
    expect(attribution({ delegation: 'EU', supporters: ['Norway', 'Chile', 'Peru'], objectors: [] }, 'delete')).toBe('[EU, supported by Norway, Chile and Peru: delete]');
    expect(attribution({ delegation: 'G77', supporters: [], objectors: ['US'] })).toBe('[G77; opposed by US]');
  });

  it('sets each proposal in place: an amendment inline, a deletion named after its paragraph, an alternative and an addition after it', () => {
    const out = compilation(
      paragraphs,
      [
        pending({ id: 'a', kind: 'amend', paragraphId: 'op1', text: 'Urges States to act now;' }),
        pending({ id: 'b', kind: 'delete', paragraphId: 'op2', text: null, delegation: 'EU', supporters: ['Norway'] }),
        pending({ id: 'c', kind: 'alt', paragraphId: 'op1', text: 'Calls upon States to act;', delegation: 'G77' }),
        pending({ id: 'd', kind: 'add', paragraphId: 'op1', text: 'Invites donors;', status: 'bracketed' }),
      ],
      new Map([['pp1', 'agreed-ad-ref' as const]]),
      'en',
    );
    expect(out.map((p) => `${p.label}${p.status && p.status !== 'open' ? ` (${p.status})` : ''}`)).toEqual(['PP 1 (agreed-ad-ref)', 'OP 1', 'OP 1 alt', 'OP 1 bis', 'OP 2']);
    expect(out[1].runs).toContainEqual({ text: ' now', mark: 'added' });
    expect(out[1].runs.at(-1)).toEqual({ text: ' [Mexico]', mark: 'attribution' });
    expect(out[3].runs[0]).toEqual({ text: '[Invites donors;]', mark: 'added' });
    expect(out[4].runs.map((r) => r.text).join('')).toBe('Decides to remain seized of the matter. [EU, supported by Norway: delete]');
  });

  it('keeps a struck word apart from the word that replaces it, except in Chinese', () => {
    const en = amendmentRuns('to submit a report', 'to submit an annual report', 'en', false);
    expect(en.map((r) => (r.mark === 'deleted' ? `-${r.text}-` : r.mark === 'added' ? `+${r.text}+` : r.text)).join('')).toBe('to submit -a- +an annual+ report');
    const zh = amendmentRuns('提交报告', '提交年度报告', 'zh', false);
    expect(zh.map((r) => r.text).join('')).toBe('提交年度报告');
  });
});
