// A paragraph's translations: the same paragraph in the other language
// versions of its document (same symbol), over the corpus store. The pairing
// itself is translation-align.ts's; alignments are cached per database and
// corpus version, since suggestions ask for them on every keystroke.
import type { Language, ParagraphRecord } from '../../core/model.js';
import { corpusVersion, documentsWithSymbol, getDocument, getParagraph, getParagraphs } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { alignTranslations, type TranslationPair } from './translation-align.js';

export interface Translation {
  language: Language;
  paragraph: { id: string; label: string; lead: string; text: string };
  document: { id: string; symbol: string | null };
  inferred?: true;
}

interface Cache {
  version: number;
  alignments: Map<string, Map<string, TranslationPair>>;
}

const caches = new WeakMap<Db, Cache>();
const MAX_ALIGNMENTS = 500;

function alignment(db: Db, from: string, to: string): Map<string, TranslationPair> {
  const version = corpusVersion(db);
  let c = caches.get(db);
  if (!c || c.version !== version) caches.set(db, (c = { version, alignments: new Map() }));
  const key = `${from}>${to}`;
  let pairs = c.alignments.get(key);
  if (!pairs) {
    if (c.alignments.size >= MAX_ALIGNMENTS) c.alignments.delete(c.alignments.keys().next().value!);
    pairs = alignTranslations(getParagraphs(db, from), getParagraphs(db, to));
    c.alignments.set(key, pairs);
  }
  return pairs;
}

function asTranslation(db: Db, language: Language, document: { id: string; symbol: string | null }, pair: TranslationPair): Translation | null {
  const p = getParagraph(db, pair.id);
  if (!p) return null;
  return {
    language,
    paragraph: { id: p.id, label: p.label, lead: p.lead, text: p.text },
    document,
    ...(pair.inferred ? { inferred: true as const } : {}),
  };
}

/** The paragraph and its translations in every other language the corpus holds; null for an unknown paragraph. */
export function paragraphTranslations(db: Db, paragraphId: string): { paragraph: ParagraphRecord; language: Language; translations: Translation[] } | null {
  const paragraph = getParagraph(db, paragraphId);
  if (!paragraph) return null;
  const doc = getDocument(db, paragraph.documentId)!;
  const translations: Translation[] = [];
  if (doc.symbol) {
    for (const other of documentsWithSymbol(db, doc.symbol)) {
      if (other.language === doc.language) continue;
      const pair = alignment(db, doc.id, other.id).get(paragraph.id);
      const t = pair && asTranslation(db, other.language, { id: other.id, symbol: other.symbol }, pair);
      if (t) translations.push(t);
    }
  }
  return { paragraph, language: doc.language, translations };
}

/**
 * Each paragraph's translation into `language`, by paragraph id; paragraphs
 * already in that language, or whose translation the corpus lacks, are absent.
 */
export function translationsInto(db: Db, paragraphIds: readonly string[], language: Language): Map<string, Translation> {
  const out = new Map<string, Translation>();
  const targets = new Map<string, { id: string; symbol: string | null } | null>();
  for (const id of paragraphIds) {
    const paragraph = getParagraph(db, id);
    if (!paragraph) continue;
    let target = targets.get(paragraph.documentId);
    if (target === undefined) {
      const doc = getDocument(db, paragraph.documentId);
      const other = doc?.symbol && doc.language !== language ? documentsWithSymbol(db, doc.symbol).find((d) => d.language === language) : undefined;
      target = other ? { id: other.id, symbol: other.symbol } : null;
      targets.set(paragraph.documentId, target);
    }
    if (!target) continue;
    const pair = alignment(db, paragraph.documentId, target.id).get(id);
    const t = pair && asTranslation(db, language, target, pair);
    if (t) out.set(id, t);
  }
  return out;
}

/**
 * Suggestions (or any results citing paragraphs) with each result's translation
 * into `language` beside it, where the corpus has one: a Chinese drafter sees
 * the English of the precedent. Results are otherwise returned as they were.
 */
export function withTranslations<R extends { paragraph: { id: string } }, S extends { results: R[] }>(
  db: Db, suggestions: S, language: Language | undefined,
): S & { results: Array<R & { translation?: Translation }> } {
  if (!language) return suggestions;
  const translations = translationsInto(db, suggestions.results.map((r) => r.paragraph.id), language);
  return {
    ...suggestions,
    results: suggestions.results.map((r) => {
      const translation = translations.get(r.paragraph.id);
      return translation ? { ...r, translation } : r;
    }),
  };
}
