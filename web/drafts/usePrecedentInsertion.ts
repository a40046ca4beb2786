// A precedent from the panel into the draft: inserted as a new paragraph (in
// its own part, after the paragraph being edited when that is in the same
// part) or replacing the paragraph being edited, citing where it came from.
import { paragraphSource } from '../../core/citation.js';
import type { SuggestResult } from '../api.js';
import * as P from './paragraphs.js';
import type { SetParagraphs } from './useParagraphCommands.js';

/**
 * The text, lead and provenance a precedent gives a paragraph. Footnotes of
 * the text it replaces do not apply to it (and suggestions do not carry the
 * precedent's own): none, rather than notes at meaningless places.
 */
function fromPrecedent(r: SuggestResult): Partial<P.Para> {
  return {
    text: r.paragraph.text,
    lead: r.paragraph.lead,
    footnotes: [],
    source: paragraphSource(r.document, r.paragraph),
  };
}

export function usePrecedentInsertion(options: {
  paras: P.Para[];
  active: P.Para | null;
  setParas: SetParagraphs;
  focusOn: (id: string, caret: number | null) => void;
}) {
  const { paras, active, setParas, focusOn } = options;

  const insertPrecedent = (r: SuggestResult) => {
    const section: P.Section = r.paragraph.section === 'preamble' ? 'preamble' : r.paragraph.section === 'operative' ? 'operative' : (active?.section ?? 'operative');
    const para = { ...P.blank(section), ...fromPrecedent(r) };
    const after = active && active.section === section ? active.id : ([...paras].reverse().find((x) => x.section === section)?.id ?? null);
    setParas((list) => P.insertAfter(list, after, para), { kind: 'insert', paragraphId: active?.id ?? null });
    focusOn(para.id, null);
  };

  const replacePrecedent = (r: SuggestResult) => {
    if (!active) return insertPrecedent(r);
    setParas((list) => P.update(list, active.id, fromPrecedent(r)), { kind: 'replace', paragraphId: active.id });
    focusOn(active.id, null);
  };

  return { insertPrecedent, replacePrecedent };
}
