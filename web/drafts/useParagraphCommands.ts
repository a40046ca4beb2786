// What the commands of a paragraph block do to the draft (split, merge, move,
// change part, delete with undo, go to the next paragraph or the precedents),
// and adding a paragraph at the end of a part. The list edits themselves are
// the pure functions of web/drafts/paragraphs.ts.
import { useEffect, useState } from 'react';
import * as P from './paragraphs.js';
import type { ParagraphNumber } from '../../core/citation.js';
import type { BlockCommand } from './keyboard.js';
import type { Change } from './undo.js';

/** Applies a change to the draft's paragraph list (autosaved), recorded for undo as `what`. */
export type SetParagraphs = (change: (list: P.Para[]) => P.Para[], what: Change) => void;

export interface Deleted {
  para: P.Para;
  index: number;
  /** "OP 3", as it was numbered when deleted. */
  label: string;
}

const UNDO_MS = 10_000;

export function useParagraphCommands(options: {
  paras: P.Para[];
  labels: Map<string, ParagraphNumber>;
  language: string;
  setParas: SetParagraphs;
  focusOn: (id: string, caret: number | null) => void;
  blur: () => void;
  toPanel: () => void;
}) {
  const { paras, labels, language, setParas, focusOn, blur, toPanel } = options;
  const [deleted, setDeleted] = useState<Deleted | null>(null);

  // The undo offer lasts ten seconds.
  useEffect(() => {
    if (!deleted) return;
    const t = window.setTimeout(() => setDeleted(null), UNDO_MS);
    return () => window.clearTimeout(t);
  }, [deleted]);

  const command = (p: P.Para, c: BlockCommand) => {
    const index = paras.findIndex((x) => x.id === p.id);
    switch (c.kind) {
      case 'split': {
        const { list, newId } = P.split(paras, p.id, c.at);
        setParas(() => list, { kind: 'split', paragraphId: p.id });
        focusOn(newId, 0);
        break;
      }
      case 'merge-previous': {
        const m = P.mergeWithPrevious(paras, p.id, language);
        if (!m) return;
        setParas(() => m.list, { kind: 'merge', paragraphId: m.intoId });
        focusOn(m.intoId, m.caret);
        break;
      }
      case 'move':
        setParas((list) => P.move(list, p.id, c.delta), { kind: 'move', paragraphId: p.id });
        focusOn(p.id, null);
        break;
      case 'toggle-section':
        setParas((list) => P.normalise(P.update(list, p.id, { section: p.section === 'preamble' ? 'operative' : 'preamble' })), { kind: 'section', paragraphId: p.id });
        focusOn(p.id, null);
        break;
      case 'delete': {
        setDeleted({ para: p, index, label: labels.get(p.id)?.label ?? '' });
        setParas((list) => P.remove(list, p.id), { kind: 'delete', paragraphId: p.id });
        const next = paras[index + 1] ?? paras[index - 1];
        if (next) focusOn(next.id, 0);
        else blur();
        break;
      }
      case 'focus': {
        const next = paras[index + c.delta];
        if (next) focusOn(next.id, c.delta === 1 ? 0 : next.text.length);
        break;
      }
      case 'to-panel':
        toPanel();
        break;
    }
  };

  /** A blank paragraph at the end of `section`, focused. */
  const add = (section: P.Section) => {
    const para = P.blank(section);
    const last = [...paras].reverse().find((x) => x.section === section);
    setParas((list) => P.insertAfter(list, last?.id ?? null, para), { kind: 'add', paragraphId: null });
    focusOn(para.id, 0);
  };

  /** Puts the deleted paragraph back where it was. */
  const undoDelete = () => {
    if (!deleted) return;
    setParas((list) => P.normalise([...list.slice(0, deleted.index), deleted.para, ...list.slice(deleted.index)]), { kind: 'restore', paragraphId: null });
    focusOn(deleted.para.id, null);
    setDeleted(null);
  };

  return { command, add, deleted, undoDelete };
}
