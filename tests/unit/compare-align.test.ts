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

  it('names the same paragraph as moved whatever the lengths of the texts (a translation has other lengths)', () => {
    const texts = [
      'Welcomes the work of the Global Operational Network of Anti-Corruption Law Enforcement Authorities;',
      'Encourages Member States to use the Network to combat cross-border corruption offences;',
      'Invites Member States to contribute to the Trust Fund for Victims of Human Trafficking;',
      'Calls upon States to collect data on prison populations disaggregated by sex and age;',
      'Requests the Secretary-General to report on the implementation of the present resolution;',
    ];
    const longer = ' and to share their experience with the Office, in particular on good practices and lessons learned';
    // Two paragraphs swap places; once the first of them is the longer, once the second.
    const movedWhenLonger = (k: number) => {
      const t = texts.map((x, i) => (i === k ? x.replace(/;$/, `${longer};`) : x));
      const a = t.map((x, i) => op(x, i + 1));
      const b = [t[0], t[2], t[1], t[3], t[4]].map((x, i) => op(x, i + 1));
      return alignParagraphs(a, b, 'en').pairs.filter((p) => p.moved).map((p) => p.from);
    };
    expect(movedWhenLonger(1)).toHaveLength(1);
    expect(movedWhenLonger(1)).toEqual(movedWhenLonger(2));
  });

  // Five paragraphs that stay put, to anchor the order around the ones under test.
  const anchorTexts = [
    'Welcomes the work of the Global Operational Network of Anti-Corruption Law Enforcement Authorities;',
    'Invites Member States to contribute to the Trust Fund for Victims of Human Trafficking;',
    'Calls upon States to collect data on prison populations disaggregated by sex and age;',
    'Encourages the Office to support national statistical offices in producing crime statistics;',
    'Requests the Office to continue its work on cybercrime capacity-building in cooperation with regional organizations;',
  ];

  it('refuses a weak pairing that would be a move: two anniversaries on one template are removed + added', () => {
    const old = 'Welcoming the twentieth anniversary of the adoption of the United Nations Convention against Corruption, by its resolution 58/4 of 31 October 2003,';
    const neu = 'Welcoming the twenty-fifth anniversary of the adoption of the United Nations Convention against Transnational Organized Crime, by its resolution 55/25 of 15 November 2000,';
    // The old paragraph stood at the end, the new one stands at the start: a move if paired.
    const a = [...anchorTexts, old].map((t, i) => op(t, i + 1));
    const b = [neu, ...anchorTexts].map((t, i) => op(t, i + 1));
    // Their score in context (split/merge rules off: containment above 1 is never met).
    const free = { containment: 1.01 };
    const score = alignParagraphs(a, b, 'en', { ...free, threshold: 0.01, move: 0.01 }).pairs.find((p) => p.from.includes(5))!.similarity;
    const at = (options: { threshold: number; move: number }) => alignParagraphs(a, b, 'en', { ...free, ...options }).pairs.find((p) => p.from.includes(5))!;
    // Above the threshold but below the bar for a move: removed, and the new one added.
    expect(at({ threshold: score - 0.01, move: score + 0.01 })).toMatchObject({ kind: 'removed' });
    // Above both: a modified pair, flagged moved.
    expect(at({ threshold: score - 0.01, move: score - 0.01 })).toMatchObject({ kind: 'modified', moved: true, to: [0] });
  });

  it('keeps a strong pair that moved, flagged moved', () => {
    const a = [...anchorTexts, 'Urges Member States to ratify or accede to the United Nations Convention against Corruption;'].map((t, i) => op(t, i + 1));
    const b = ['Urges all Member States to ratify or accede to the United Nations Convention against Corruption;', ...anchorTexts].map((t, i) => op(t, i + 1));
    const p = alignParagraphs(a, b, 'en').pairs.find((q) => q.from.includes(5))!;
    expect(p).toMatchObject({ kind: 'modified', moved: true, to: [0] });
  });

  it('pairs a heavy rewrite that kept its place between ordered pairs on a lower bar than a pair anywhere', () => {
    const old = '重申联合国预防犯罪和刑事司法方案在促进采取有效行动以加强预防犯罪和刑事司法领域的国际合作方面的作用，';
    const neu = '重申联合国预防犯罪和刑事司法方案对于促进采取有效行动以加强国际合作至关重要，并请办事处应要求优先提供技术合作和咨询服务；';
    const zhAnchors = ['欢迎全球反腐败执法机构业务网络的工作；', '邀请会员国向人口贩运受害者信托基金捐款；', '吁请各国收集按性别和年龄分列的监狱人口数据；'];
    const a = [zhAnchors[0], old, zhAnchors[1], zhAnchors[2]].map((t, i) => op(t, i + 1));
    const b = [zhAnchors[0], neu, zhAnchors[1], zhAnchors[2]].map((t, i) => op(t, i + 1));
    const free = { containment: 1.01 };
    const score = alignParagraphs(a, b, 'zh', { ...free, threshold: 0.01 }).pairs.find((p) => p.from.includes(1))!.similarity;
    const at = (inOrder: number, threshold: number) => alignParagraphs(a, b, 'zh', { ...free, threshold, inOrder }).pairs.find((p) => p.from.includes(1))!;
    // Below the threshold but above the in-order bar: paired, in place.
    expect(at(score - 0.01, score + 0.01)).toMatchObject({ kind: 'modified', to: [1], moved: false });
    // Below both: removed.
    expect(at(score + 0.01, score + 0.02)).toMatchObject({ kind: 'removed' });
    // Moved to the end, the same score is not enough.
    const moved = alignParagraphs(a, [zhAnchors[0], zhAnchors[1], zhAnchors[2], neu].map((t, i) => op(t, i + 1)), 'zh', { ...free, threshold: score + 0.01, inOrder: score - 0.01 });
    expect(moved.pairs.find((p) => p.from.includes(1))).toMatchObject({ kind: 'removed' });
  });

  it('aligns Chinese paragraphs by their words', () => {
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
