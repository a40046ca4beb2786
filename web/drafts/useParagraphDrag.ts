// Moving paragraphs by drag and drop: which paragraph is dragged, where it
// would land (before or after the one under the pointer, or at the end of a
// part), and the drop itself.
import { useState, type DragEvent } from 'react';
import * as P from './paragraphs.js';
import type { SetParagraphs } from './useParagraphCommands.js';

const MIME = 'text/x-precedent-paragraph';

type Target = { id: string; after: boolean } | { section: P.Section };

export function useParagraphDrag(setParas: SetParagraphs) {
  const [drag, setDrag] = useState<{ id: string; over: { id: string; after: boolean } | null } | null>(null);

  const drop = (e: DragEvent, target: Target) => {
    e.preventDefault();
    e.stopPropagation();
    const dragged = drag?.id ?? e.dataTransfer.getData(MIME);
    setDrag(null);
    if (dragged) setParas((list) => P.moveTo(list, dragged, target), { kind: 'move', paragraphId: dragged });
  };

  /** The drag handlers and drop hint of one paragraph block. */
  const blockProps = (p: P.Para) => ({
    dropHint: drag?.over?.id === p.id && drag.id !== p.id ? (drag.over.after ? ('after' as const) : ('before' as const)) : null,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(MIME, p.id);
      e.dataTransfer.effectAllowed = 'move';
      setDrag({ id: p.id, over: null });
    },
    onDragOver: (e: DragEvent, after: boolean) => {
      e.preventDefault();
      if (drag && (drag.over?.id !== p.id || drag.over.after !== after)) setDrag({ ...drag, over: { id: p.id, after } });
    },
    onDrop: (e: DragEvent) => drop(e, { id: p.id, after: drag?.over?.after ?? true }),
  });

  /** The handlers of a part: a paragraph dropped there goes to its end. */
  const partProps = (section: P.Section) => ({
    onDragOver: (e: DragEvent) => e.preventDefault(),
    onDrop: (e: DragEvent) => drop(e, { section }),
  });

  return { blockProps, partProps };
}
