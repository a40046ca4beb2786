// The agreed-language evidence of a text, asked of the suggest engine: its
// closest adopted paragraphs (resolutions and decisions) with citation and
// similarity, and which of its words no adopted precedent shares (rules.ts
// turns the shared passages into coverage). A proposal's is computed once,
// when it is made, and stored with it; a draft's paragraphs' are remembered by
// text, so a draft read twice is searched once.
import type { Language } from '../../core/model.js';
import { citation } from '../../core/citation.js';
import type { SearchWorker } from '../search/search-worker.js';
import type { Evidence } from './model.js';
import { coverage } from './rules.js';

/** Precedents shown with a proposal; more are searched, for coverage. */
const SHOWN = 3;
const SEARCHED = 10;

export async function evidenceFor(search: SearchWorker, text: string, language: Language): Promise<Evidence> {
  if (!text.trim()) return { precedents: [], newLanguage: [], agreedShare: 0 };
  const { results } = await search.suggest({ text, language, limit: SEARCHED, filters: { kind: ['resolution', 'decision'] } });
  const agreed = results.filter((r) => r.agreed);
  const { agreedShare, newLanguage } = coverage(
    text,
    agreed.flatMap((r) => r.shared.map((s) => s.from)),
  );
  return {
    precedents: agreed.slice(0, SHOWN).map((r) => ({
      paragraphId: r.paragraph.id,
      documentId: r.document.id,
      citation: citation(r.document, r.paragraph.label),
      similarity: r.similarity,
      text: r.paragraph.text,
    })),
    newLanguage,
    agreedShare,
  };
}

// Per search worker (one per database): tests run several side by side.
const rememberedBy = new WeakMap<SearchWorker, Map<string, Evidence>>();
const REMEMBERED_MAX = 5000;

/** evidenceFor, remembered by language and text (the corpus changes rarely; a restart forgets). */
export async function rememberedEvidence(search: SearchWorker, text: string, language: Language): Promise<Evidence> {
  const remembered = rememberedBy.get(search) ?? new Map<string, Evidence>();
  rememberedBy.set(search, remembered);
  const key = `${language}\u0000${text}`;
  let found = remembered.get(key);
  if (!found) {
    found = await evidenceFor(search, text, language);
    if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, found);
  }
  return found;
}
