// The lead phrase of a paragraph (回顾 / Recalling / Urges), found as the UN
// sets it: bold in Chinese, italic in the other languages. A lead known from
// the precedent wins while the text still starts with it; otherwise a
// per-language heuristic finds it.

const ZH_LEADS = [
  '回顾', '重申', '注意到', '欢迎', '深信', '关切', '认识到', '确认', '强调', '铭记', '考虑到', '意识到', '赞赏', '承认',
  '满意地注意到', '关切地注意到', '赞赏地注意到', '深为关切', '严重关切', '深感关切', '表示关切', '表示赞赏', '表示满意', '忆及',
  '请', '敦促', '鼓励', '吁请', '决定', '邀请', '促请', '建议', '支持', '核可', '感谢', '赞扬', '呼吁', '要求', '申明', '宣布',
  '授权', '指出', '谴责', '坚决谴责', '再次申明', '着重指出', '表示', '注意', '深切关注', '确信', '希望', '期待',
];
const ZH_PREFIXES = ['又', '还', '并', '再次', '也'];
const ZH_SET = new Set(ZH_LEADS);
const ZH_MAX = Math.max(...ZH_LEADS.map((l) => l.length)) + 2;

/** Words that may continue an alphabetic lead ("Recalling also", "Noting with concern", "Calls upon"). */
const CONTINUE = new Set([
  'also', 'further', 'furthermore', 'again', 'moreover', 'upon', 'with', 'deep', 'great', 'grave', 'serious', 'concern',
  'appreciation', 'satisfaction', 'regret', 'in', 'mind', 'note', 'its', 'their', 'full', 'particular', 'account',
  'aussi', 'également', 'en', 'outre', 'avec', 'además', 'también', 'asimismo', 'con', 'также', 'далее', 'вновь',
]);

export function detectLead(text: string, language: string): string {
  const t = text.trimStart();
  const offset = text.length - t.length;
  if (language === 'zh' || language === 'ja') {
    for (let len = Math.min(ZH_MAX, t.length); len > 0; len--) {
      const head = t.slice(0, len);
      const bare = ZH_PREFIXES.reduce((h, p) => (h.startsWith(p) && ZH_SET.has(h.slice(p.length)) ? h.slice(p.length) : h), head);
      if (ZH_SET.has(bare)) return text.slice(0, offset + len);
    }
    return '';
  }
  const words = t.match(/^[\p{L}\p{M}'’-]+/u);
  if (!words) return '';
  const first = words[0];
  // Leads are capitalised (scripts without case, such as Arabic, are accepted as they are).
  if (first.toLowerCase() === first && first.toUpperCase() !== first.toLowerCase()) return '';
  let end = first.length;
  const rest = t.slice(end);
  const re = /^(\s+)([\p{L}\p{M}'’-]+)/u;
  let m: RegExpMatchArray | null;
  let cursor = rest;
  let words2 = 0;
  const adverbLed = /ly$/i.test(first) || first === 'وإذ' || first === 'Taking' || first === 'Bearing' || first === 'Expressing';
  while ((m = cursor.match(re)) && words2 < 5) {
    const w = m[2];
    const takes = CONTINUE.has(w.toLowerCase()) || (adverbLed && words2 === 0);
    if (!takes) break;
    end += m[0].length;
    cursor = cursor.slice(m[0].length);
    words2++;
  }
  return text.slice(0, offset + end);
}

/** The lead to emphasise: the precedent's when still a prefix of the text, else detected. */
export function leadOf(text: string, language: string, known?: string | null): string {
  if (known && text.startsWith(known)) return known;
  return detectLead(text, language);
}

/** Chinese sets the lead in bold, the other languages in italics. */
export const leadStyle = (language: string): 'bold' | 'italic' => (language === 'zh' ? 'bold' : 'italic');
