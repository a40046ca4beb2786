// Small pure text-cleaning steps shared by the importers: undo what PDF extraction
// and format conversion do to UN documents (four-fold bold glyphs, spaced digits,
// hard wraps, page furniture) and recognise the few textual facts every importer
// needs (lead phrases, dates, Chinese numerals). No I/O, no document structure.

/** Han ideographs: Chinese has no spaces, so the join and gap rules key on these. */
const HAN = /\p{Script=Han}/u;
/**
 * Characters that belong to Chinese running text besides ideographs: full-width
 * punctuation and the curly quotes Chinese typesetting uses. A hard wrap next to
 * one of these joins with no space.
 */
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026·]/u;

export function isCjk(ch: string | undefined): boolean {
  return !!ch && (HAN.test(ch) || CJK_PUNCT.test(ch));
}

/**
 * Collapses glyphs that PDF extraction drew four times (how bold CJK text comes
 * out): per phrase "回顾回顾回顾回顾" → "回顾", per character "联联联联合合合合国国国国" →
 * "联合国", also when the runs are spread apart by spaces ("大大大大    会会会会").
 * Only four-fold runs go: a word that genuinely repeats (谢谢) stays.
 */
export function collapseFourfold(s: string): string {
  return s
    .replace(/(\p{Script=Han}{2,16}?)\1{3}/gu, '$1')
    .replace(/(\p{Script=Han})\1{3}[ \t\u3000]*(?=(\p{Script=Han})\2{3})/gu, '$1')
    .replace(/(\p{Script=Han})\1{3}/gu, '$1');
}

/**
 * The bold opening phrase of a line, read from its four-fold glyph run: the run
 * says exactly where the emphasised lead ends, which no lexicon can. Returns null
 * when the line does not open with a four-fold run.
 */
export function fourfoldLead(line: string): { lead: string; rest: string } | null {
  const s = line.replace(/^\s+/, '');
  const phrase = /^(\p{Script=Han}{2,16}?)\1{3}/u.exec(s);
  if (phrase) return { lead: phrase[1], rest: s.slice(phrase[0].length) };
  const chars = /^(?:(\p{Script=Han})\1{3})+/u.exec(s);
  if (chars) return { lead: collapseFourfold(chars[0]), rest: s.slice(chars[0].length) };
  return null;
}

/**
 * Joins digits that extraction spread apart ("2 0 0 7 年 1 2 月" → "2007 年 12 月").
 * Only runs of single digits separated by single spaces are joined, so grouped
 * thousands ("13 626 894") and ordinary numbers next to each other stay apart.
 */
export function joinSpacedDigits(s: string): string {
  return s.replace(/(?<![\d.,/])\d(?: \d)+(?![\d.,/])/g, (run) => run.replace(/ /g, ''));
}

/**
 * Removes spaces that extraction put between Chinese characters ("联 合 国 预 防"):
 * Chinese running text never has them. Spaces between a character and a Latin
 * word or a number ("2007 年") are the normal typesetting and stay.
 */
export function dropCjkGaps(s: string): string {
  return s.replace(
    /(\S)[ \t\u00a0\u3000]+(?=(\S))/gu,
    (gap, left: string, right: string) =>
      (isCjkCore(left) && isCjk(right)) || (isCjk(left) && isCjkCore(right)) ? left : gap,
  );
}

/** Ideographs and full-width forms, without the curly quotes English also uses. */
function isCjkCore(ch: string): boolean {
  return HAN.test(ch) || /[\u3000-\u303f\uff00-\uffef]/u.test(ch);
}

/** The clean-up every text line gets: glyph runs, spread digits, gaps, edge spaces. */
export function cleanLine(s: string): string {
  return dropCjkGaps(joinSpacedDigits(collapseFourfold(s.replace(/\u00a0/g, ' ')))).trim();
}

/**
 * Joins a hard-wrapped line onto the text before it: Chinese joins with no space,
 * Latin with one; a wrap after "/", "_" or "-" (inside a URL or symbol such as
 * "E/CN.7/2019/2-" + "E/CN.15/2019/2") joins with none.
 */
export function joinWrapped(before: string, after: string): string {
  const a = before.replace(/\s+$/, '');
  const b = after.replace(/^\s+/, '');
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (isCjk(last) || isCjk(first) || /[/_-]/.test(last)) return a + b;
  return `${a} ${b}`;
}

/** Unwraps a run of hard-wrapped lines into one line (see joinWrapped). */
export function unwrapLines(lines: string[]): string {
  return lines.reduce((text, line) => joinWrapped(text, line), '').trim();
}

const FURNITURE: RegExp[] = [
  /^\d{2}[- ]\d{5}(?:\s*\([A-Z]\))?(?:\s+\*\d+\*)?$/, // job number "02 54959", "04-12345 (C)"
  /^[A-Z]\.\d{2}-\d{5}$/, // Vienna job number "V.19-03785"
  /^\*\d{7,}\*$/, // bar-code text
  /^Distr\.?:\s*\w+$/i,
  /^https?:\/\/\S+$/i, // link lines under the page ("http://undocs.org/ch/E/CN.7/2019/2")
  /^\d{1,3}\s*\/\s*\d{1,3}$/, // page "2/10"
  /^[-–—]\s*\d{1,3}\s*[-–—]$/, // page "- 2 -"
  /^(?:Page|第)\s*\d{1,3}\s*页?$/i,
  /^[-–—_=]{3,}$/, // rules under the text block
];

/**
 * Whether a (trimmed) line is page furniture rather than text: job numbers,
 * distribution marks, page numbers, link lines, rules. Bare numbers are NOT
 * furniture here: in extracted UN text they are nearly always footnote markers.
 */
export function isFurniture(line: string): boolean {
  const s = line.trim();
  if (!s) return false;
  return FURNITURE.some((re) => re.test(s));
}

/** Strips furniture that shares a line with header text ("大会 Distr.: General"). */
export function stripInlineFurniture(line: string): string {
  return line.replace(/\s*Distr\.?:\s*(?:General|Limited|Restricted)\s*/gi, ' ').trimEnd();
}

/** A standalone superscript footnote marker as PDF extraction leaves it: "1", "12 ". */
export function isBareMarker(line: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(line);
}

/** The separator over a footnote block: a long run of spaces on its own line. */
export function isFootnoteRule(line: string): boolean {
  return /^[ \t]{10,}$/.test(line);
}

/**
 * The form text is compared in, for search and matching only (display keeps the
 * original widths): NFKC folds full-width letters, digits and punctuation to their
 * usual forms ("１．" → "1.", "，" → ","), white space collapses to one space, and
 * spaces beside Chinese characters go ("2007 年" ≡ "2007年").
 */
export function normalizeForMatching(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
    .trim();
}

// ---------------------------------------------------------------------------
// Textual facts: lead phrases, dates, numerals.

/**
 * Opening phrases of preambular paragraphs, for text that lost its emphasis
 * (PDF text without four-fold glyphs, unmarked Markdown). Longest match wins, so
 * "又回顾" beats "回顾" and "强调指出" beats "强调".
 */
export const PP_LEADS_ZH = [
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
  '鼓励', '注意', '忆及',
];

/** Opening verbs of operative paragraphs (see PP_LEADS_ZH for the matching rule). */
export const OP_LEADS_ZH = [
  '请', '又请', '还请', '并请', '再次请', '吁请', '又吁请', '促请', '敦促', '又敦促', '强烈敦促',
  '鼓励', '又鼓励', '强烈鼓励', '邀请', '又邀请', '决定', '又决定', '还决定',
  '重申', '又重申', '再次重申', '强调', '又强调', '强调指出', '着重指出', '确认', '又确认', '申明',
  '注意到', '表示注意到', '赞赏地注意到', '满意地注意到', '关切地注意到', '提请注意',
  '欢迎', '又欢迎', '感谢', '赞扬', '表示赞赏', '赞赏', '支持', '建议', '呼吁', '要求', '授权',
  '核可', '核准', '表示关切', '表示严重关切', '谴责', '强烈谴责', '敦请', '责成', '认可', '承认',
];

export const PP_LEADS_EN = [
  'Recalling', 'Recalling also', 'Recalling further', 'Further recalling', 'Reaffirming', 'Reaffirming also',
  'Noting', 'Noting also', 'Noting with appreciation', 'Noting with concern', 'Noting with satisfaction',
  'Taking note', 'Convinced', 'Deeply convinced', 'Concerned', 'Deeply concerned', 'Gravely concerned',
  'Expressing concern', 'Expressing deep concern', 'Expressing grave concern', 'Welcoming', 'Welcoming also',
  'Emphasizing', 'Stressing', 'Underlining', 'Recognizing', 'Recognizing also', 'Acknowledging', 'Aware',
  'Mindful', 'Bearing in mind', 'Considering', 'Taking into account', 'Taking into consideration',
  'Determined', 'Affirming', 'Condemning', 'Alarmed', 'Encouraging', 'Expressing its appreciation',
  'Guided by', 'Reiterating', 'Acknowledging also', 'Emphasizing also', 'Stressing also',
];

export const OP_LEADS_EN = [
  'Requests', 'Also requests', 'Further requests', 'Urges', 'Also urges', 'Strongly urges', 'Encourages',
  'Also encourages', 'Strongly encourages', 'Calls upon', 'Also calls upon', 'Invites', 'Also invites',
  'Decides', 'Also decides', 'Further decides', 'Reaffirms', 'Also reaffirms', 'Emphasizes', 'Stresses',
  'Underlines', 'Recognizes', 'Acknowledges', 'Affirms', 'Takes note', 'Takes note with appreciation',
  'Notes', 'Notes with appreciation', 'Notes with concern', 'Welcomes', 'Also welcomes', 'Expresses',
  'Expresses its appreciation', 'Expresses concern', 'Expresses deep concern', 'Commends', 'Supports',
  'Recommends', 'Endorses', 'Approves', 'Authorizes', 'Condemns', 'Strongly condemns', 'Draws attention',
  'Reiterates', 'Appeals', 'Demands', 'Declares',
];

/**
 * The lexicon lead a text opens with, longest match first; "" when none. Latin
 * leads must end at a word boundary ("Noting" is not the lead of "Notingham").
 */
export function lexiconLead(text: string, lexicon: readonly string[]): string {
  const s = text.replace(/^\s+/, '');
  let best = '';
  for (const lead of lexicon) {
    if (lead.length <= best.length || !s.startsWith(lead)) continue;
    if (/[A-Za-z]$/.test(lead) && /^[A-Za-z]/.test(s.slice(lead.length))) continue;
    best = lead;
  }
  return best;
}

const ZH_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numerals up to the hundreds ("五十七" → 57, "一百零五" → 105); null if not one. */
export function chineseNumeral(s: string): number | null {
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = ZH_DIGITS[ch];
  }
  return total + digit;
}

const MONTHS_EN = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date a text states, "2002年 12月 18日" or "18 December 2002", as yyyy-mm-dd. */
export function parseDate(s: string): string | null {
  const t = joinSpacedDigits(s);
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(t);
  if (zh) return iso(+zh[1], +zh[2], +zh[3]);
  const en = /\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/.exec(t);
  if (en) {
    const m = MONTHS_EN.indexOf(en[2].toLowerCase());
    if (m >= 0) return iso(+en[3], m + 1, +en[1]);
  }
  return null;
}
