// One part of the draft (preamble or operative part): its heading and count,
// its paragraph blocks in order (those a filter hides left out, each with its
// negotiation status badge when given), a drop zone for dragged paragraphs,
// and the button that adds a paragraph at its end.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParagraphNumber } from '../../core/citation.js';
import { ParagraphBlock } from '../components/ParagraphBlock.js';
import type * as P from './paragraphs.js';
import type { BlockCommand } from './keyboard.js';
import type { Focus } from './useParagraphFocus.js';
import type { useParagraphDrag } from './useParagraphDrag.js';
import type { Peer } from './presence.js';

export interface DraftPartProps {
  section: P.Section;
  title: string;
  /** The whole draft's paragraphs; the part shows its own. */
  paras: P.Para[];
  labels: Map<string, ParagraphNumber>;
  language: string;
  focus: Focus | null;
  drag: ReturnType<typeof useParagraphDrag>;
  onActivate: (p: P.Para, caret: number | null) => void;
  onText: (p: P.Para, text: string, footnotes?: P.Para['footnotes']) => void;
  onCommand: (p: P.Para, c: BlockCommand) => void;
  onComposing: (p: P.Para, composing: boolean, selection?: [number, number]) => void;
  /** Co-editors in each paragraph. */
  peersIn?: (p: P.Para) => Peer[];
  onAdd: (section: P.Section) => void;
  /** Whether a paragraph is shown (the "open only" filter); all when absent. */
  shown?: (p: P.Para) => boolean;
  badge?: (p: P.Para) => ReactNode;
}

export function DraftPart({ section, title, paras, labels, language, focus, drag, shown, badge, peersIn, ...on }: DraftPartProps) {
  const { t, i18n } = useTranslation();
  const items = paras.filter((p) => p.section === section);
  const visible = shown ? items.filter(shown) : items;
  return (
    <section className={`part part-${section}`} {...drag.partProps(section)} aria-label={title}>
      <h2 className="part-title" lang={i18n.resolvedLanguage}>
        {title} <span className="muted small">({items.length})</span>
      </h2>
      <ol className="paras">
        {visible.map((p) => {
          const l = labels.get(p.id)!;
          return (
            <ParagraphBlock
              key={p.id}
              para={p}
              label={l.label}
              number={l.number}
              language={language}
              active={focus?.id === p.id}
              caret={focus?.id === p.id ? focus.caret : null}
              focusSeq={focus?.id === p.id ? focus.seq : 0}
              {...drag.blockProps(p)}
              badge={badge?.(p)}
              onActivate={(caret) => on.onActivate(p, caret)}
              onText={(text, footnotes) => on.onText(p, text, footnotes)}
              onCommand={(c) => on.onCommand(p, c)}
              onComposing={(composing, selection) => on.onComposing(p, composing, selection)}
              peers={peersIn?.(p)}
            />
          );
        })}
      </ol>
      <button type="button" className="add" onClick={() => on.onAdd(section)}>
        {section === 'preamble' ? t('editor.addPreambular') : t('editor.addOperative')}
      </button>
    </section>
  );
}
