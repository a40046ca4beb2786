// Chinese: Han script, no spaces, leads in bold, "大会，".
import { leads as counted } from './leads/zh.js';
import type { LanguageProfile } from './profile.js';
import { chineseNumber, numberValue } from './numerals.js';

export const zh: LanguageProfile = {
  code: 'zh',
  name: 'Chinese',
  tag: 'zh-CN',
  script: 'Han',
  rtl: false,
  unit: 'character',
  leadEmphasis: 'bold',
  formula: '大会，',
  formulaItalic: false,
  agendaItem: (i) => `议程项目${i}`,
  bodies: { 'General Assembly': '大会', ECOSOC: '经济及社会理事会' },
  leads: {
    preamble: [
      '回顾', '又回顾', '还回顾', '并回顾', '再次回顾',
      '重申', '又重申', '还重申', '并重申', '再次重申', '重申关切',
      '注意到', '又注意到', '还注意到', '赞赏地注意到', '满意地注意到', '关切地注意到', '深为关切地注意到',
      '深信', '又深信', '确信', '相信',
      '关切', '又关切', '深为关切', '深感关切', '严重关切', '表示关切', '表示严重关切', '表示深为关切', '表示关注',
      '欢迎', '又欢迎', '欣见', '欣慰地注意到',
      '强调', '又强调', '强调指出', '着重指出', '指出',
      '认识到', '又认识到', '还认识到', '确认', '又确认', '承认', '意识到', '又意识到',
      '铭记', '又铭记', '考虑到', '又考虑到', '念及', '感谢', '赞赏', '表示赞赏',
      '申明', '再次谴责', '谴责', '强烈谴责', '震惊', '痛惜', '决心', '希望', '期待',
      '鼓励', '注意', '忆及', '深切关注', '表示满意',
      // And those counted in the UN's AKN files by scripts/lead-lexicons.ts.
      ...counted.preamble,
    ],
    operative: [
      '请', '又请', '还请', '并请', '再次请', '吁请', '又吁请', '促请', '敦促', '又敦促', '强烈敦促',
      '鼓励', '又鼓励', '强烈鼓励', '邀请', '又邀请', '决定', '又决定', '还决定',
      '重申', '又重申', '再次重申', '强调', '又强调', '强调指出', '着重指出', '确认', '又确认', '申明', '再次申明',
      '注意到', '表示注意到', '赞赏地注意到', '满意地注意到', '关切地注意到', '提请注意',
      '欢迎', '又欢迎', '感谢', '赞扬', '表示赞赏', '赞赏', '支持', '建议', '呼吁', '要求', '授权',
      '核可', '核准', '表示关切', '表示严重关切', '谴责', '强烈谴责', '坚决谴责', '敦请', '责成', '认可', '承认',
      '宣布', '指出', '表示',
      ...counted.operative,
    ],
  },
  leadContinuations: [],
  leadPrefixes: ['又', '还', '并', '再次', '也'],
  functionWords: [],
  // As the Chinese texts cite: 序言部分第3段, 第73/346号决议第42段, 附件第5条第1款 (checked in
  // the corpus); a part's Roman number in Chinese numerals (第二节), units run together.
  citationTerms: {
    preambular: (n) => `序言部分第${n}段`,
    operative: (n) => `执行部分第${n}段`,
    paragraph: (n, inArticle) => `第${n}${inArticle ? '款' : '段'}`,
    article: (n) => `第${n}条`,
    chapter: (n) => `第${zhUnit(n)}章`,
    section: (n) => `第${zhUnit(n)}节`,
    part: (n) => `第${zhUnit(n)}部分`,
    table: (n) => `表${n}`,
    unnumbered: (n) => `未编号第${n}段`,
    annex: '附件',
    resolution: (number) => `第${number}号决议`,
    operativeAfterDocument: (n) => `第${n}段`,
    numberMark: (n) => `${n}.`,
    separator: '',
  },
};

/** "II" → 二, "II.B" → 二B: a unit's number as Chinese headings print it. */
function zhUnit(n: string): string {
  const [head, ...rest] = n.split('.');
  const value = numberValue(head);
  return (value === null ? head : chineseNumber(value)) + rest.join('');
}
