// Paragraph alignment on hand-written versions: every pair kind a negotiator
// meets in a rollover, and the draft-friendly minimal input shape.
import { describe, expect, it } from 'vitest';
import { alignParagraphs, type AlignInput } from '../../server/compare/align/alignment.js';
import { diffDocuments } from '../../server/compare/diff.js';

let n = 0;
const pp = (text: string): AlignInput => ({ id: `p${++n}`, section: 'preamble', label: 'PP', text });
const op = (text: string, number?: number): AlignInput => ({ id: `o${++n}`, section: 'operative', label: `OP ${number ?? ''}`, text, number });

const OLD = [
  pp('Recalling its resolution 77/237 of 15 December 2022 on strengthening the crime prevention and criminal justice programme,'),
  pp('Deeply concerned by the negative effects of transnational organized crime on development, peace and security and human rights,'),
  pp('Welcoming the adoption of the Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law,'),
  op('Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to Member States upon request;', 1),
  op('Urges Member States to ratify or accede to the United Nations Convention against Corruption and the Convention against Transnational Organized Crime;', 2),
  op('Encourages Member States to prevent and combat trafficking in cultural property, including by strengthening international cooperation and mutual legal assistance;', 3),
  op('Calls upon Member States to adopt effective measures to combat trafficking in wildlife and forest products, and invites them to share best practices;', 4),
  op('Notes with appreciation the work of the Commission on Crime Prevention and Criminal Justice on prison reform and alternatives to imprisonment;', 5),
  op('Requests the Secretary-General to report to the General Assembly at its seventy-ninth session on the implementation of the present resolution;', 6),
];

const NEW = [
  pp('Recalling its resolution 78/229 of 19 December 2023 on strengthening the crime prevention and criminal justice programme,'),
  pp('Deeply concerned by the negative effects of transnational organized crime on development, peace and security and human rights,'),
  // A new paragraph, sharing only the leading boilerplate with others.
  pp('Recognizing the importance of countering the financing of terrorism through international cooperation among financial intelligence units,'),
  // OP 2 became a new PP: moved across parts.
  pp('Urging Member States to ratify or accede to the United Nations Convention against Corruption and the Convention against Transnational Organized Crime,'),
  op('Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to Member States upon request;', 1),
  // OP 4 split into two.
  op('Calls upon Member States to adopt effective measures to combat trafficking in wildlife and forest products;', 2),
  op('Invites Member States to share best practices on combating trafficking in wildlife and forest products;', 3),
  // OP 3 reworded.
  op('Encourages Member States to prevent and combat trafficking in cultural property, including by strengthening international cooperation, extradition and mutual legal assistance;', 4),
  op('Requests the Secretary-General to report to the General Assembly at its eighty-first session on the implementation of the present resolution;', 5),
];

describe('alignParagraphs', () => {
  const diff = diffDocuments(
    { document: { id: 'old', symbol: 'A/RES/78/229', title: 't', language: 'en', date: null }, paragraphs: OLD },
    { document: { id: 'new', symbol: 'A/RES/80/229', title: 't', language: 'en', date: null }, paragraphs: NEW },
    'en',
  );
  const pairOf = (oldIndex: number) => diff.pairs.find((p) => p.from.includes(OLD[oldIndex].id))!;

  it('keeps an identical but renumbered paragraph unchanged', () => {
    // OP 6 is now OP 5 and differs only by the session: routine, not substantive.
    const p = pairOf(8);
    expect(p.to).toEqual([NEW[8].id]);
    expect(p.kind).toBe('modified');
    expect(p.routineOnly).toBe(true);
    expect(pairOf(1).kind).toBe('unchanged');
    expect(pairOf(3).kind).toBe('unchanged'); // OP 1 stays OP 1 although a PP was added before it
  });

  it('finds a reworded paragraph as modified, with the inserted words', () => {
    const p = pairOf(5);
    expect(p.to).toEqual([NEW[7].id]);
    expect(p.kind).toBe('modified');
    expect(p.changes.filter((c) => c.type === 'insert').map((c) => c.text.trim())).toEqual([', extradition']);
  });

  it('finds a paragraph moved from the operative part to the preamble', () => {
    const p = pairOf(4);
    expect(p.to).toEqual([NEW[3].id]);
    expect(p.moved).toBe(true);
    expect(['unchanged', 'modified']).toContain(p.kind);
  });

  it('finds a split paragraph', () => {
    const p = pairOf(6);
    expect(p.kind).toBe('split');
    expect(p.to).toEqual([NEW[5].id, NEW[6].id]);
  });

  it('reports the added and the removed paragraphs, and does not pair them on boilerplate', () => {
    expect(pairOf(2)).toMatchObject({ kind: 'removed', to: [] });
    expect(pairOf(7)).toMatchObject({ kind: 'removed', to: [] });
    const added = diff.pairs.filter((p) => p.kind === 'added').flatMap((p) => p.to);
    expect(added).toEqual([NEW[2].id]);
  });

  it('counts kinds and the share carried over', () => {
    expect(diff.stats).toMatchObject({ added: 1, removed: 2, split: 1 });
    expect(diff.stats.carriedOver).toBeGreaterThan(0.7);
    expect(diff.stats.carriedOver).toBeLessThan(1);
  });

  it('finds a merge: two old paragraphs became one', () => {
    const a = [op('Urges Member States to strengthen border controls against smuggling of migrants;', 1), op('Also urges Member States to protect the rights of smuggled migrants;', 2)];
    const b = [op('Urges Member States to strengthen border controls against smuggling of migrants and to protect the rights of smuggled migrants;', 1)];
    const { pairs } = alignParagraphs(a, b, 'en');
    expect(pairs).toEqual([expect.objectContaining({ kind: 'merged', from: [0, 1], to: [0] })]);
  });

  it('reports an order change as a move of the paragraph that moved, not of the others', () => {
    const texts = [
      'Welcomes the work of the Global Operational Network of Anti-Corruption Law Enforcement Authorities;',
      'Encourages Member States to use the Network to combat cross-border corruption offences;',
      'Invites Member States to contribute to the Trust Fund for Victims of Human Trafficking;',
      'Calls upon States to collect data on prison populations disaggregated by sex and age;',
    ];
    const a = texts.map((t, i) => op(t, i + 1));
    const b = [texts[0], texts[2], texts[3], texts[1]].map((t, i) => op(t, i + 1));
    const { pairs } = alignParagraphs(a, b, 'en');
    expect(pairs.filter((p) => p.moved).map((p) => p.from)).toEqual([[1]]);
    expect(pairs.filter((p) => p.kind === 'unchanged')).toHaveLength(4);
  });

  it('aligns Chinese paragraphs by character features', () => {
    const a = [pp('重申其第 77/237 号决议，'), op('请联合国毒品和犯罪问题办公室继续向会员国提供技术援助；', 1), op('敦促会员国批准《联合国反腐败公约》；', 2)];
    const b = [pp('重申其第 78/229 号决议，'), op('敦促会员国批准或加入《联合国反腐败公约》；', 1), op('请联合国毒品和犯罪问题办公室继续向会员国提供技术援助；', 2)];
    const { pairs } = alignParagraphs(a, b, 'zh');
    expect(pairs.map((p) => [p.kind, p.moved, p.from, p.to])).toEqual([
      ['modified', false, [0], [0]],
      ['modified', true, [2], [1]],
      ['unchanged', false, [1], [2]],
    ]);
  });
});
