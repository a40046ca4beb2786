// The lead phrase that opens a paragraph (回顾 / Recalling / Urges): from a
// language's lexicon where we have one, else from the way alphabetic leads are
// written (a capitalised verb, perhaps with "also", "further", "upon" …).
// Importers use the lexicon alone; the editor falls back on the heuristic.
import { profileOf, type LanguageProfile } from './languages/index.js';
import type { Section } from './model.js';

/** A letter of a script that separates words with spaces (Han does not: 回顾 may run on into 其). */
const SPACED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{M}]/u;

/**
 * The lexicon lead a text opens with, longest match first, as the text writes
 * it; "" when none. Leads of spaced scripts must end at a word boundary
 * ("Noting" is not the lead of "Notingham", nor تقر that of تقرر). A typed
 * apostrophe matches the lexicon's typographic one ("Ayant à l'esprit").
 */
export function lexiconLead(text: string, lexicon: readonly string[]): string {
  const s = text.replace(/^\s+/, '');
  let best = '';
  for (const lead of lexicon) {
    if (lead.length <= best.length) continue;
    const start = s.slice(0, lead.length);
    if (start !== lead && start.replace(/'/g, '’') !== lead) continue;
    const next = s.charAt(lead.length);
    if (next && SPACED_LETTER.test(lead.slice(-1)) && SPACED_LETTER.test(next)) continue;
    best = start;
  }
  return best;
}

/** The lead of a paragraph of a known part, from the language's lexicon ("" when it has none). */
export function sectionLead(text: string, language: string, section: Extract<Section, 'preamble' | 'operative'>): string {
  return lexiconLead(text, profileOf(language).leads[section]);
}

/** The lead of a paragraph of either part, as the text stands (leading white space kept in the result). */
export function detectLead(text: string, language: string): string {
  const profile = profileOf(language);
  const t = text.trimStart();
  const offset = text.length - t.length;
  const found =
    profile.unit === 'character'
      ? characterLead(t, allLeads(profile), profile.leadPrefixes ?? [])
      : lexiconLead(t, allLeads(profile)) || wordLead(t, continuationsOf(profile), profile.leadTakesNextWord);
  return found ? text.slice(0, offset + found.length) : '';
}

// The editor asks on every render: build each language's lists once.
const leadLists = new Map<LanguageProfile, readonly string[]>();
const continuationSets = new Map<LanguageProfile, Set<string>>();

function allLeads(profile: LanguageProfile): readonly string[] {
  let all = leadLists.get(profile);
  if (!all) leadLists.set(profile, (all = [...profile.leads.preamble, ...profile.leads.operative]));
  return all;
}

function continuationsOf(profile: LanguageProfile): Set<string> {
  let set = continuationSets.get(profile);
  if (!set) continuationSets.set(profile, (set = new Set(profile.leadContinuations)));
  return set;
}

/** The longest lexicon lead, possibly after one of the language's prefixes (又, 还 …). */
function characterLead(t: string, all: readonly string[], prefixes: readonly string[]): string {
  let best = lexiconLead(t, all);
  for (const prefix of prefixes) {
    if (!t.startsWith(prefix)) continue;
    const after = lexiconLead(t.slice(prefix.length), all);
    if (after && prefix.length + after.length > best.length) best = prefix + after;
  }
  return best;
}

/** A capitalised first word and the words that continue it; "" when the text opens in lower case. */
function wordLead(t: string, continuations: Set<string>, takesNextWord: RegExp | undefined): string {
  const first = t.match(/^[\p{L}\p{M}'’-]+/u)?.[0];
  if (!first) return '';
  // Leads are capitalised (scripts without case, such as Arabic, are accepted as they are).
  if (first.toLowerCase() === first && first.toUpperCase() !== first.toLowerCase()) return '';
  let end = first.length;
  let cursor = t.slice(end);
  const next = /^(\s+)([\p{L}\p{M}'’-]+)/u;
  const takesSecond = takesNextWord?.test(first) ?? false;
  for (let words = 0; words < 5; words++) {
    const m = cursor.match(next);
    if (!m || !(continuations.has(m[2].toLowerCase()) || (takesSecond && words === 0))) break;
    end += m[0].length;
    cursor = cursor.slice(m[0].length);
  }
  return t.slice(0, end);
}

/** The lead to emphasise: the precedent's while it still opens the text, else detected. */
export function leadOf(text: string, language: string, known?: string | null): string {
  if (known && text.startsWith(known)) return known;
  return detectLead(text, language);
}
