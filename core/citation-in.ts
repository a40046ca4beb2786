// A stored label or citation as the UN writes it in a language. Labels are kept
// in one form ("PP 3", "OP 8", "annex, art. 5, para. 1", "sect. II, OP 3",
// "para. 4 (2)"; citations "A/RES/78/229, OP 8"); this renders them from the
// language's CitationTerms: "序言部分第3段", "第78/229号决议第8段",
// "troisième alinéa du préambule", "القرار 78/229، الفقرة 8". English keeps the
// stored form. A label it does not recognise (a heading's text) is returned as
// it is. Pure.
import { profileOf } from './languages/index.js';
import type { CitationTerms } from './languages/profile.js';

type Unit =
  | { kind: 'preambular'; n: number }
  | { kind: 'operative' | 'paragraph' | 'article' | 'chapter' | 'section' | 'part' | 'table' | 'unnumbered'; n: string }
  | { kind: 'annex' };

const NUMBER = String.raw`\d+(?:\.\d+)*`;
const UNIT_NUMBER = String.raw`(?:[IVXLC]+|\d+)(?:\.[A-Z])?|[A-Z]`;
const PATTERNS: [RegExp, Unit['kind']][] = [
  [new RegExp(`^PP (\\d+)$`), 'preambular'],
  [new RegExp(`^OP (${NUMBER})$`), 'operative'],
  [new RegExp(`^para\\. (${NUMBER})$`), 'paragraph'],
  [new RegExp(`^art\\. (${NUMBER})$`), 'article'],
  [new RegExp(`^ch\\. (${UNIT_NUMBER})$`), 'chapter'],
  [new RegExp(`^sect\\. (${UNIT_NUMBER})$`), 'section'],
  [new RegExp(`^part (${UNIT_NUMBER})$`), 'part'],
  [new RegExp(`^table (\\d+)$`), 'table'],
  [new RegExp(`^text (\\d+)$`), 'unnumbered'],
  [/^annex$/, 'annex'],
];

function parseUnit(part: string): Unit | null {
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(part);
    if (!m) continue;
    if (kind === 'annex') return { kind };
    if (kind === 'preambular') return { kind, n: Number(m[1]) };
    return { kind, n: m[1] };
  }
  return null;
}

/** A stored label as its units, outermost first, and the repeat count ("(2)") it ends with; null when it is not a label. */
function parseLabel(label: string): { units: Unit[]; repeat: string } | null {
  const m = /^(.*?)((?: \(\d+\))?)$/.exec(label.trim())!;
  const units = m[1].split(', ').map(parseUnit);
  if (!units.length || units.some((u) => u === null)) return null;
  return { units: units as Unit[], repeat: m[2] };
}

function renderUnit(u: Unit, terms: CitationTerms, inArticle: boolean): string {
  switch (u.kind) {
    case 'annex':
      return terms.annex;
    case 'preambular':
      return terms.preambular(u.n);
    case 'paragraph':
      return terms.paragraph(u.n, inArticle);
    default:
      return terms[u.kind](u.n);
  }
}

/** "PP 3" in `language`: "序言部分第3段", "troisième alinéa du préambule"; an unknown label as it is. */
export function labelIn(label: string, language: string): string {
  return renderLabel(label, language, false);
}

function renderLabel(label: string, language: string, afterDocument: boolean): string {
  const parsed = parseLabel(label);
  if (!parsed) return label;
  const terms = profileOf(language).citationTerms;
  const rendered = parsed.units.map((u, i) =>
    afterDocument && u.kind === 'operative' && terms.operativeAfterDocument ? terms.operativeAfterDocument(u.n) : renderUnit(u, terms, parsed.units[i - 1]?.kind === 'article'),
  );
  return rendered.join(terms.separator) + parsed.repeat;
}

/** An operative paragraph's number as the language's print sets it before the text: "8.", Arabic "8 -". */
export function numberMarkIn(n: number | string, language: string): string {
  return profileOf(language).citationTerms.numberMark(String(n));
}

/** A document as cited in `language`: a resolution by the language's word for it ("第78/229号决议"), any other by its symbol or title. */
export function documentIn(name: string, language: string): string {
  const m = /^[AE]\/RES\/(.+)$/.exec(name);
  return m ? profileOf(language).citationTerms.resolution(m[1], name) : name;
}

/**
 * A document and one of its paragraphs cited in `language`: "A/RES/78/229, OP 8"
 * in English, "第78/229号决议第8段" in Chinese; several paragraphs (a merge) are
 * joined with " + ".
 */
export function citeIn(doc: { symbol: string | null; title: string }, label: string | readonly string[], language: string): string {
  const terms = profileOf(language).citationTerms;
  const labels = (typeof label === 'string' ? [label] : label).map((l) => renderLabel(l, language, true)).join(' + ');
  return `${documentIn(doc.symbol ?? doc.title, language)}${terms.separator}${labels}`;
}

/**
 * A stored citation ("A/RES/78/229, OP 8", as core/citation.ts writes it) in
 * `language`. The label is the longest tail that reads as one (labels hold
 * commas: "annex, art. 5, para. 1"); a citation with none is returned as it is.
 */
export function citationIn(citation: string, language: string): string {
  const parts = citation.split(', ');
  for (let i = 1; i < parts.length; i++) {
    const label = parts.slice(i).join(', ');
    if (parseLabel(label)) {
      const name = parts.slice(0, i).join(', ');
      return citeIn({ symbol: name, title: name }, label, language);
    }
  }
  return citation;
}
