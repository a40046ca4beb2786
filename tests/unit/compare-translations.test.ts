// Pairing the paragraphs of two language versions of one resolution: by eId
// when the files agree, by position and what a translation keeps (numbers,
// symbols, length) when they do not or have no eIds (the PDF-text seeds).
// Texts from A/RES/80/229 in English and Chinese.
import { describe, expect, it } from 'vitest';
import { alignTranslations, numbersOf, type AlignableParagraph } from '../../server/compare/translation-align.js';

const EN = {
  pp6: 'Reaffirming its resolution 73/185 of 17 December 2018 on the rule of law, crime prevention and criminal justice in the context of the Sustainable Development Goals,',
  pp7: 'Expressing its grave concern about the negative effects of transnational organized crime on development, peace, stability and security and human rights, about the increasing vulnerability of States to such crime and about the growing degree of penetration of criminal organizations and their financial and economic resources into the economy,',
  pp10: 'Welcoming the twenty-fifth anniversary of the adoption, by its resolution 55/25 of 15 November 2000, of the United Nations Convention against Transnational Organized Crime and the Protocols thereto on trafficking in persons and the smuggling of migrants, and the twentieth anniversary of the entry into force of the Protocol on firearms,',
  pp14: 'Recalling its resolution 74/172 of 18 December 2019 on Education for Justice and the rule of law in the context of sustainable development,',
  pp15: 'Recalling also its resolution 78/267 of 21 March 2024 declaring 15 November the International Day for the Prevention and Fight against All Forms of Transnational Organized Crime, and its resolution 79/266 of 4 March 2025 declaring 25 July the International Day for Judicial Well-being,',
  op1: 'Takes note with appreciation of the report of the Secretary-General prepared pursuant to resolution 78/229;',
  op16: 'Calls for greater coordination and coherence among United Nations entities and with stakeholders, including donors, host countries and recipients of capacity-building, in countering transnational organized crime;',
};
const ZH = {
  pp6: '重申其关于可持续发展目标背景下的法治、预防犯罪和刑事司法的2018年12月17日第73/185号决议，',
  pp7: '表示严重关切跨国有组织犯罪对发展、和平、稳定与安全以及人权造成有害影响，各国越来越容易遭受此类犯罪的危害，而且各种犯罪组织及其金融和经济资源日益渗入经济，',
  pp10: '欢迎2000年11月15日第55/25号决议通过《联合国打击跨国有组织犯罪公约》及其关于打击贩运人口和偷运移民的议定书二十五周年，以及关于打击枪支贩运的议定书生效二十周年，',
  pp14: '回顾其关于可持续发展背景下的教育促进司法和法治的2019年12月18日第74/172号决议，',
  pp15: '又回顾其2024年3月21日第78/267号决议宣布11月15日为预防和打击一切形式跨国有组织犯罪国际日、2025年3月4日第79/266号决议宣布每年7月25日为司法福祉国际日，',
  op1: '表示赞赏地注意到秘书长依照第78/229号决议编写的报告；',
  op16: '呼吁加强联合国各实体之间以及与捐助者、东道国和能力建设受援者等利益攸关方之间在打击跨国有组织犯罪方面的协调和一致性；',
};
const KEYS = ['pp6', 'pp7', 'pp10', 'pp14', 'pp15', 'op1', 'op16'] as const;

/** One language version: ids "<lang>.<key>", eIds as the AKN files give them unless `eIds` says otherwise. */
function version(lang: 'en' | 'zh', eIds: Partial<Record<(typeof KEYS)[number], string | null>> = {}): AlignableParagraph[] {
  const texts = lang === 'en' ? EN : ZH;
  return KEYS.map((k) => ({
    id: `${lang}.${k}`,
    section: k.startsWith('op') ? 'operative' : 'preamble',
    number: k.startsWith('op') ? Number(k.slice(2)) : null,
    eId: k in eIds ? eIds[k] : k.startsWith('op') ? `para_${k.slice(2)}` : `container_${k.slice(2)}`,
    text: texts[k],
  }));
}

const pairsOf = (m: Map<string, { id: string; inferred: boolean }>) => Object.fromEntries([...m].map(([k, v]) => [k, `${v.id}${v.inferred ? ' (inferred)' : ''}`]));

describe('alignTranslations', () => {
  it('pairs every paragraph with the one of the same eId, not inferred, when the files agree', () => {
    expect(pairsOf(alignTranslations(version('zh'), version('en')))).toEqual(Object.fromEntries(KEYS.map((k) => [`zh.${k}`, `en.${k}`])));
  });

  it('pairs a seed without eIds by position, OP number and the resolutions it cites, flagged inferred', () => {
    const seed = version('zh', Object.fromEntries(KEYS.map((k) => [k, null])));
    expect(pairsOf(alignTranslations(seed, version('en')))).toEqual(Object.fromEntries(KEYS.map((k) => [`zh.${k}`, `en.${k} (inferred)`])));
  });

  it('keeps the right partners when one file’s eIds shift after a paragraph it split in two', () => {
    // The English file numbers its containers one further from PP 10 on.
    const en = version('en', { pp10: 'container_11', pp14: 'container_15', pp15: 'container_16' });
    const zh = version('zh', { pp10: 'container_10', pp14: 'container_11', pp15: 'container_15' });
    const pairs = pairsOf(alignTranslations(zh, en));
    expect(pairs['zh.pp6']).toBe('en.pp6');
    expect(pairs['zh.pp7']).toBe('en.pp7');
    // By their eIds these would be PP 14 → PP 10 and PP 15 → PP 15: the resolutions they cite say otherwise.
    expect(pairs['zh.pp10']).toBe('en.pp10 (inferred)');
    expect(pairs['zh.pp14']).toBe('en.pp14 (inferred)');
    expect(pairs['zh.pp15']).toBe('en.pp15 (inferred)');
  });

  it('never pairs a preambular paragraph with an operative one, whatever their eIds', () => {
    const en = version('en', { op1: 'container_6' });
    const zh = version('zh');
    expect(alignTranslations(zh, en).get('zh.pp6')!.id).toBe('en.pp6');
    expect(alignTranslations(zh, en).get('zh.op1')).toEqual({ id: 'en.op1', inferred: true });
  });

  it('leaves a paragraph the other version lacks unpaired rather than guessing', () => {
    const en = version('en').filter((p) => p.id !== 'en.op16');
    const zh = version('zh', { op16: null });
    const pairs = alignTranslations(zh, en);
    expect(pairs.get('zh.op16')).toBeUndefined();
    expect(pairs.get('zh.op1')!.id).toBe('en.op1');
  });
});

describe('numbersOf', () => {
  it('keeps symbols and years, in any digits, and leaves single digits to the words', () => {
    expect([...numbersOf('第７８/２２９号决议，2019年12月18日').keys()]).toEqual(['78/229', '2019', '12', '18']);
    expect([...numbersOf('القرار ٧٨/٢٢٩ المؤرخ 18 كانون الأول/ديسمبر 2019').keys()]).toEqual(['78/229', '18', '2019']);
    expect(numbersOf('Requests the Secretary-General to report in 2 years').size).toBe(0);
  });
});
