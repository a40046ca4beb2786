// The rules of a negotiation, as pure functions of data: how proposals are
// numbered as the UN numbers them ("OP 2 bis", "OP 2 ter", "OP 7 alt"), what
// accepting one does to the paragraphs, how many paragraphs stand at each
// status, how much of a text adopted precedents cover, and the compilation
// text's layout (every open proposal in place, who made and who supports it
// in square brackets), which the .docx writer only typesets.
import { paragraphLabels } from '../../core/citation.js';
import { inlineDiff } from '../../core/diff/inline.js';
import { isCharacterLanguage } from '../../core/languages/index.js';
import type { DraftSection } from '../../core/limits.js';
import type { DraftParagraph } from '../drafts/model.js';
import type { ParagraphStatus, ProposalRecord, ProposalStatus } from './model.js';

/** Still before the room: shown in the compilation text, open to support and decisions. */
export const isPending = (status: ProposalStatus): boolean => status === 'open' || status === 'bracketed';

// The Latin multiplicative adverbs the UN numbers inserted paragraphs with, after bis.
const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies', 'undecies', 'duodecies'];

/** 1 → "bis", 2 → "ter" … (past duodecies, "bis 13": no room has needed one). */
export const latinOrdinal = (sequence: number): string => LATIN[sequence - 1] ?? `bis ${sequence}`;

const sectionAbbreviation = (section: DraftSection) => (section === 'preamble' ? 'PP' : 'OP');

/** Each paragraph's label ("PP 3", "OP 8") by its id, numbered as the text stands. */
export function labelsOf(paragraphs: readonly DraftParagraph[]): Map<string, string> {
  const numbers = paragraphLabels(paragraphs);
  return new Map(paragraphs.map((p, i) => [p.id, numbers[i].label]));
}

/**
 * A proposal's label: its paragraph's ("OP 7"), an added paragraph's as the one
 * it follows plus bis, ter … ("OP 2 bis"; "OP new" at the head of a part), an
 * alternative's "OP 7 alt" (then "alt 2"). A paragraph that has left the text
 * keeps the label it had when the proposal was made.
 */
export function proposalLabel(p: Pick<ProposalRecord, 'kind' | 'paragraphId' | 'section' | 'anchorLabel' | 'sequence'>, labels: ReadonlyMap<string, string>): string {
  const anchor = (p.paragraphId && labels.get(p.paragraphId)) ?? p.anchorLabel;
  if (p.kind === 'add') return anchor ? `${anchor} ${latinOrdinal(p.sequence)}` : `${sectionAbbreviation(p.section)} new${p.sequence > 1 ? ` ${p.sequence}` : ''}`;
  if (p.kind === 'alt') return `${anchor ?? '?'} alt${p.sequence > 1 ? ` ${p.sequence}` : ''}`;
  return anchor ?? '?';
}

export type Applied = { paragraphs: DraftParagraph[] } | { conflict: string };

/**
 * The draft's paragraphs with a proposal accepted: an amendment or an
 * alternative replaces its paragraph's text (provenance kept: the paragraph
 * reads "modified"), an addition goes in after its paragraph (or at the head
 * of its part), a deletion removes its paragraph. A proposal whose paragraph
 * has left the text cannot be applied.
 */
export function applyProposal(paragraphs: readonly DraftParagraph[], p: ProposalRecord, newParagraphId: string): Applied {
  const i = p.paragraphId ? paragraphs.findIndex((x) => x.id === p.paragraphId) : -1;
  const gone = { conflict: `${p.anchorLabel ?? 'The paragraph'} is no longer in the text: this proposal cannot be applied` };
  if (p.kind === 'add') {
    const added: DraftParagraph = { id: newParagraphId, section: p.section, text: p.text ?? '', source: null };
    if (p.paragraphId) {
      if (i < 0) return gone;
      return { paragraphs: [...paragraphs.slice(0, i + 1), { ...added, section: paragraphs[i].section }, ...paragraphs.slice(i + 1)] };
    }
    const head = paragraphs.findIndex((x) => x.section === p.section);
    const at = head >= 0 ? head : p.section === 'preamble' ? 0 : paragraphs.length;
    return { paragraphs: [...paragraphs.slice(0, at), added, ...paragraphs.slice(at)] };
  }
  if (i < 0) return gone;
  if (p.kind === 'delete') return { paragraphs: paragraphs.filter((_, k) => k !== i) };
  return { paragraphs: paragraphs.map((x, k) => (k === i ? { ...x, text: p.text ?? x.text } : x)) };
}

export type StatusCounts = Record<ParagraphStatus, number>;

/** How many of the text's paragraphs are open, agreed ad ref and agreed (a paragraph never set is open). */
export function statusCounts(paragraphs: readonly DraftParagraph[], statuses: ReadonlyMap<string, ParagraphStatus>): StatusCounts {
  const counts: StatusCounts = { open: 0, 'agreed-ad-ref': 0, agreed: 0 };
  for (const p of paragraphs) counts[statuses.get(p.id) ?? 'open']++;
  return counts;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * How much of `text` the passages shared with adopted precedents cover: the
 * share of its letters and digits inside some passage, and the stretches
 * outside all of them (trimmed to start and end on a letter or digit): the
 * new language a delegation will have to defend.
 */
export function coverage(text: string, passages: readonly (readonly [number, number])[]): { agreedShare: number; newLanguage: [number, number][] } {
  const covered = new Uint8Array(text.length);
  for (const [from, to] of passages) covered.fill(1, Math.max(0, from), Math.min(text.length, to));
  let letters = 0;
  let coveredLetters = 0;
  const newLanguage: [number, number][] = [];
  let start = -1;
  let lastWordlike = -1;
  const close = () => {
    if (start >= 0 && lastWordlike >= start) newLanguage.push([start, lastWordlike + 1]);
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const wordlike = WORDLIKE.test(text[i]);
    if (wordlike) {
      letters++;
      if (covered[i]) coveredLetters++;
    }
    if (covered[i]) close();
    else if (wordlike) {
      if (start < 0) start = i;
      lastWordlike = i;
    }
  }
  close();
  return { agreedShare: letters ? coveredLetters / letters : 0, newLanguage };
}

// --- The compilation text ----------------------------------------------------

/** How a stretch of the compilation is set: as the text stands, proposed words (bold, underlined), proposed deletions (struck through), who proposed (in square brackets). */
export type RunMark = 'plain' | 'added' | 'deleted' | 'attribution';

export interface CompilationRun {
  text: string;
  mark: RunMark;
}

export interface CompilationParagraph {
  section: DraftSection;
  /** "OP 5", "OP 5 bis", "OP 7 alt" */
  label: string;
  /** The paragraph's status; null for a proposed paragraph (it has none until it is in the text). */
  status: ParagraphStatus | null;
  runs: CompilationRun[];
}

/** A pending proposal with what the compilation says of it. */
export type CompiledProposal = Pick<ProposalRecord, 'id' | 'kind' | 'paragraphId' | 'section' | 'text' | 'delegation' | 'supporters' | 'objectors' | 'status' | 'sequence' | 'anchorLabel' | 'basis'>;

const joinNames = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** "[EU, supported by Norway and Chile; opposed by Peru: delete]": who proposed, who supports, who objects, and what. */
export function attribution(p: Pick<CompiledProposal, 'delegation' | 'supporters' | 'objectors'>, what?: string): string {
  let s = p.delegation;
  if (p.supporters.length) s += `, supported by ${joinNames(p.supporters)}`;
  if (p.objectors.length) s += `; opposed by ${joinNames(p.objectors)}`;
  return `[${s}${what ? `: ${what}` : ''}]`;
}

/** The proposed words, in square brackets when the pen-holder keeps the proposal bracketed. */
function proposedRuns(text: string, bracketed: boolean): CompilationRun[] {
  return bracketed ? [{ text: `[${text}]`, mark: 'added' }] : [{ text, mark: 'added' }];
}

/**
 * An amendment as the room reads it: the current text with added words marked
 * and deleted ones struck through. Where a deletion runs straight into its
 * replacement ("a" → "an annual") a space keeps the two words apart on paper,
 * except in languages written without spaces.
 */
export function amendmentRuns(current: string, proposed: string, language: string, bracketed: boolean): CompilationRun[] {
  const out: CompilationRun[] = [];
  for (const c of inlineDiff(current, proposed, language)) {
    const run: CompilationRun = c.type === 'equal' ? { text: c.text, mark: 'plain' } : c.type === 'delete' ? { text: c.text, mark: 'deleted' } : proposedRuns(c.text, bracketed)[0];
    const previous = out.at(-1);
    if (previous?.mark === 'deleted' && run.mark === 'added' && !isCharacterLanguage(language) && !/\s$/.test(previous.text) && !/^\s/.test(run.text)) out.push({ text: ' ', mark: 'plain' });
    out.push(run);
  }
  return out;
}

/**
 * The compilation text: every paragraph with its status, the first pending
 * amendment of each in place and any further one as a line of its own under
 * the same label, deletions named after the paragraph, alternatives ("OP 7
 * alt") after the paragraph they would replace, added paragraphs ("OP 5 bis")
 * after the one they follow; each proposal followed by its delegation and
 * supporters in square brackets. Proposals whose paragraph left the text are
 * not shown (the panel still lists them).
 */
export function compilation(
  paragraphs: readonly DraftParagraph[],
  pending: readonly CompiledProposal[],
  statuses: ReadonlyMap<string, ParagraphStatus>,
  language: string,
): CompilationParagraph[] {
  const labels = labelsOf(paragraphs);
  const on = (id: string | null, kind: CompiledProposal['kind']) => pending.filter((p) => p.paragraphId === id && p.kind === kind).sort((a, b) => a.sequence - b.sequence);
  const out: CompilationParagraph[] = [];
  const added = (anchor: string | null, section: DraftSection) => {
    for (const p of on(anchor, 'add').filter((x) => anchor !== null || x.section === section)) {
      out.push({ section, label: proposalLabel(p, labels), status: null, runs: [...proposedRuns(p.text ?? '', p.status === 'bracketed'), { text: ` ${attribution(p)}`, mark: 'attribution' }] });
    }
  };
  let section: DraftSection | null = null;
  if (!paragraphs.some((p) => p.section === 'preamble')) added(null, 'preamble');
  for (const para of paragraphs) {
    if (para.section !== section) {
      section = para.section;
      added(null, section);
    }
    const label = labels.get(para.id)!;
    const status = statuses.get(para.id) ?? 'open';
    const [first, ...more] = on(para.id, 'amend');
    const runs: CompilationRun[] = first
      ? [...amendmentRuns(para.text, first.text ?? '', language, first.status === 'bracketed'), { text: ` ${attribution(first)}`, mark: 'attribution' }]
      : [{ text: para.text, mark: 'plain' }];
    for (const d of on(para.id, 'delete')) runs.push({ text: ` ${attribution(d, 'delete')}`, mark: 'attribution' });
    out.push({ section: para.section, label, status, runs });
    for (const a of more) {
      out.push({ section: para.section, label, status: null, runs: [...amendmentRuns(para.text, a.text ?? '', language, a.status === 'bracketed'), { text: ` ${attribution(a)}`, mark: 'attribution' }] });
    }
    for (const alt of on(para.id, 'alt')) {
      out.push({ section: para.section, label: proposalLabel(alt, labels), status: null, runs: [...proposedRuns(alt.text ?? '', alt.status === 'bracketed'), { text: ` ${attribution(alt)}`, mark: 'attribution' }] });
    }
    added(para.id, para.section);
  }
  if (!paragraphs.some((p) => p.section === 'operative')) added(null, 'operative');
  return out;
}
