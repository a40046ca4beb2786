// A draft against a document (its base, or any other), or one kept version of
// it against another: the paragraph alignment and inline changes of compare/,
// with the paragraphs labelled as the editor numbers them (PP 1 …, OP 1 …).
// Pure: the caller reads the document or the versions.
import { paragraphLabels } from '../../core/citation.js';
import type { DocumentRecord, ParagraphRecord } from '../../core/model.js';
import { diffDocuments, type DocumentDiff } from '../compare/diff.js';
import type { Draft, DraftVersionContent } from './model.js';

export function draftDiff(draft: Draft, doc: DocumentRecord, paragraphs: readonly ParagraphRecord[]): DocumentDiff {
  const labels = paragraphLabels(draft.paragraphs);
  return diffDocuments(
    {
      document: { id: doc.id, symbol: doc.symbol, title: doc.title, language: doc.language, date: doc.date },
      paragraphs: paragraphs.map((p) => ({ id: p.id, section: p.section, label: p.label, text: p.text, number: p.number })),
    },
    {
      document: { id: draft.id, symbol: null, title: draft.title, language: draft.language, date: draft.updatedAt.slice(0, 10) },
      paragraphs: draft.paragraphs.map((p, i) => ({ id: p.id, section: p.section, label: labels[i].label, text: p.text, number: labels[i].number })),
    },
    draft.language,
  );
}

/** One kept version of a draft against another: what changed between two saves. */
export function versionDiff(draft: Draft, from: { version: number; savedAt: string; content: DraftVersionContent }, to: { version: number; savedAt: string; content: DraftVersionContent }): DocumentDiff {
  const side = (v: typeof from) => {
    const labels = paragraphLabels(v.content.paragraphs);
    return {
      document: { id: `${draft.id}@${v.version}`, symbol: null, title: `${v.content.title} (version ${v.version})`, language: draft.language, date: v.savedAt.slice(0, 10) },
      paragraphs: v.content.paragraphs.map((p, i) => ({ id: p.id, section: p.section, label: labels[i].label, text: p.text, number: labels[i].number })),
    };
  };
  return diffDocuments(side(from), side(to), draft.language);
}
