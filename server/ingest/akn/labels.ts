// Labels that identify a paragraph alone within its document. Where numbering
// restarts (a convention's articles, a budget resolution's sections, each with
// its paragraphs 1, 2 …), the numbered paragraphs of that part are qualified by
// the structure above them, as a delegate cites them: "annex, art. 5, para. 1",
// "sect. II, OP 3". Structure is read from the heading paragraphs in every
// language's print: "Article 5" / "第五条", "Chapter II" / "第二章", "II" / "二",
// "A.". Pure.
import type { ParsedParagraph } from '../../../core/model.js';
import { chineseNumeral } from '../clean.js';

/** Outermost first: a heading drops every open unit of its rank or below. */
const RANKS = { part: 0, chapter: 1, section: 2, subsection: 3, article: 4 } as const;
type Rank = keyof typeof RANKS;

export interface Designation {
  rank: Rank;
  /** As cited: "art. 5", "ch. II", "sect. II", "A" (a subsection, cited under its section). */
  name: string;
  /** The heading is the designation alone ("Article 5", "二"): its title, if any, is the next line. */
  bare: boolean;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const ZH_NUM = '[〇零一二两三四五六七八九十百]+';
const WORD_NUM = '([0-9]+|[IVXLC]+)\\b';

const PATTERNS: { rank: Rank; re: RegExp; cite: string; roman?: boolean }[] = [
  { rank: 'article', re: new RegExp(`^(?:article|art[ií]culo|статья|المادة)\\s+${WORD_NUM}`, 'iu'), cite: 'art.' },
  { rank: 'article', re: new RegExp(`^第(${ZH_NUM}|\\d+)条`, 'u'), cite: 'art.' },
  // Guidelines, principles and rules are cited as articles are.
  {
    rank: 'article',
    re: new RegExp(`^(?:(?:draft )?(?:guideline|principle|rule)|directive|principe|règle|directriz|principio|regla|руководящее положение|принцип|правило)\\s+${WORD_NUM}`, 'iu'),
    cite: 'art.',
  },
  { rank: 'article', re: new RegExp(`^(?:准则|原则|规则)\\s*(${ZH_NUM}|\\d+)`, 'u'), cite: 'art.' },
  { rank: 'chapter', re: new RegExp(`^(?:chapter|chapitre|cap[ií]tulo|глава|الفصل)\\s+${WORD_NUM}`, 'iu'), cite: 'ch.' },
  { rank: 'chapter', re: new RegExp(`^第(${ZH_NUM}|\\d+)章`, 'u'), cite: 'ch.', roman: true },
  { rank: 'part', re: new RegExp(`^(?:part|partie|parte|часть)\\s+${WORD_NUM}`, 'iu'), cite: 'part' },
  { rank: 'part', re: new RegExp(`^第(${ZH_NUM}|\\d+)部分`, 'u'), cite: 'part', roman: true },
  { rank: 'section', re: new RegExp(`^(?:section|secci[oó]n|раздел)\\s+${WORD_NUM}`, 'iu'), cite: 'sect.' },
  // The print's section headings: "II. Title", "II", "二、标题", "二 标题", "二标题" (the
  // Chinese files' tab between number and title is lost with their white space).
  { rank: 'section', re: /^([IVXLC]+)(?:[.．]|$|\s+(?=[A-Z]))/u, cite: 'sect.' },
  { rank: 'section', re: /^([一二三四五六七八九十]+)(?:[、．.\s]|$|(?=[\u4e00-\u9fff]))/u, cite: 'sect.', roman: true },
  { rank: 'subsection', re: /^([A-Z])(?:[.．]|$)/u, cite: '' },
];

/** What unit a heading opens ("Article 5" → art. 5), or null for a heading that is only a title. */
export function designation(heading: string): Designation | null {
  const text = heading.normalize('NFKC').trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    // A word of Roman letters ("CIVIL") is not a section number.
    if (p.rank === 'section' && /^[IVXLC]+$/.test(m[1]) && !ROMAN.includes(m[1])) continue;
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumeral(m[1]);
    const num = n === null ? m[1] : p.roman && ROMAN[n] ? ROMAN[n] : String(n);
    const bare = text.slice(m[0].length).replace(/^[\s.．、:：]+/, '') === '';
    return { rank: p.rank, name: p.cite ? `${p.cite} ${num}` : num, bare };
  }
  return null;
}

/** The open units as cited, outermost first: "sect. II" and its subsection "A" read "sect. II.A". */
function unitNames(open: Designation[]): string[] {
  const names: string[] = [];
  for (const d of open) {
    const prev = names.length ? open[open.indexOf(d) - 1] : undefined;
    if (d.rank === 'subsection') {
      if (prev?.rank === 'section') names[names.length - 1] += `.${d.name}`;
      else names.push(`sect. ${d.name}`);
    } else names.push(d.name);
  }
  return names;
}

/** "annex, para. 1" + "art. 5" → "annex, art. 5, para. 1"; "OP 3" + "sect. II" → "sect. II, OP 3". */
function qualify(label: string, prefix: string, q: string): string {
  return prefix && label.startsWith(`${prefix}, `) ? `${prefix}, ${q}, ${label.slice(prefix.length + 2)}` : `${q}, ${label}`;
}

/** How many labels repeat one before them. */
const repeats = (labels: string[]) => labels.length - new Set(labels).size;

/**
 * Qualifies in place the numbered paragraphs of `paragraphs` (one body: the
 * resolution's, or one annex whose labels start with `prefix`) when their
 * labels repeat: by the innermost unit above each, and by the units above that
 * only where needed (qualifyNumbered). Labels that do not repeat are left as
 * they are. What still repeats (a file that numbers two paragraphs 66,
 * sub-items set as paragraphs) is counted: "OP 66", then "OP 66 (2)".
 */
export function qualifyLabels(paragraphs: ParsedParagraph[], prefix: string): void {
  const text = paragraphs.filter((p) => p.section !== 'heading');
  const numbered = text.filter((p) => p.number !== null);
  if (repeats(numbered.map((p) => p.label)) > 0) qualifyNumbered(paragraphs, numbered, prefix);
  numberUnnumbered(text, prefix);
  countRepeats(text);
}

/**
 * Numbering restarts among `numbered`: each is cited by the innermost unit
 * above it ("annex, art. 5, para. 1"), and by outer units too only where two
 * different units would otherwise read alike (an "Article 2" in a convention
 * and another in its interpretative notes: "ch. I, art. 2" and "ch. IX, art.
 * 2"). All paragraphs of one unit are cited alike. Repeats inside one unit
 * (sub-items a file sets as numbered paragraphs) are no reason to add outer
 * units: no structure tells them apart, and adding it would make one
 * language's citations differ from the others' (the Chinese Cybercrime
 * Convention read "annex, ch. I, art. 5, para. 1" where English had "annex,
 * art. 5, para. 1", because its article 2 repeats numbers).
 */
function qualifyNumbered(paragraphs: ParsedParagraph[], numbered: ParsedParagraph[], prefix: string): void {
  const open: Designation[] = [];
  const units = new Map<ParsedParagraph, string[]>();
  for (const p of paragraphs) {
    if (p.section === 'heading') {
      const d = designation(p.text);
      if (!d) continue;
      while (open.length && RANKS[open[open.length - 1].rank] >= RANKS[d.rank]) open.pop();
      open.push(d);
    } else if (p.number !== null && open.length) units.set(p, unitNames(open));
  }
  // How many units (innermost first) each unit path cites; every path starts with one.
  const depth = new Map<string, number>();
  const pathOf = (names: string[]) => names.join('\u0000');
  const labelOf = (p: ParsedParagraph): string => {
    const names = units.get(p);
    return names ? qualify(p.label, prefix, names.slice(-(depth.get(pathOf(names)) ?? 1)).join(', ')) : p.label;
  };
  for (let changed = true; changed; ) {
    changed = false;
    const pathsByLabel = new Map<string, Map<string, number>>(); // label → path → its number of units
    for (const p of numbered) {
      const names = units.get(p);
      if (!names) continue;
      const label = labelOf(p);
      const paths = pathsByLabel.get(label) ?? new Map<string, number>();
      paths.set(pathOf(names), names.length);
      pathsByLabel.set(label, paths);
    }
    for (const paths of pathsByLabel.values()) {
      if (paths.size < 2) continue;
      for (const [path, length] of paths) {
        const d = depth.get(path) ?? 1;
        if (d < length) {
          depth.set(path, d + 1);
          changed = true;
        }
      }
    }
  }
  numbered.forEach((p) => {
    p.label = labelOf(p);
  });
}

/**
 * Unnumbered paragraphs of the resolution's body that share the label "OP" are
 * counted as the annexes' are: "text 1", "text 2" … in order.
 */
function numberUnnumbered(text: ParsedParagraph[], prefix: string): void {
  if (prefix) return;
  const bare = text.filter((p) => p.number === null && p.label === 'OP');
  if (bare.length < 2) return;
  bare.forEach((p, i) => {
    p.label = `text ${i + 1}`;
  });
}

/** The second and later paragraphs with one label get "(2)", "(3)" …: the label stays findable, and unique. */
function countRepeats(text: ParsedParagraph[]): void {
  const seen = new Map<string, number>();
  for (const p of text) {
    const n = (seen.get(p.label) ?? 0) + 1;
    seen.set(p.label, n);
    if (n > 1) p.label = `${p.label} (${n})`;
  }
}
