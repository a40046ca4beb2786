// A draft the user may not edit (shared read-only, or for proposals only): its
// text as the pen-holder last saved it, numbered as the editor numbers it,
// each paragraph with its negotiation status; nothing to type into (the
// server refuses writes too). A click chooses a paragraph to make a proposal
// about. History, comparison and export stay.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { profileOf } from '../../core/languages/index.js';
import type { DraftT } from '../api.js';
import * as P from './paragraphs.js';

export interface ReadOnlyDraftProps {
  draft: DraftT;
  /** The paragraph chosen for a proposal. */
  chosenId?: string | null;
  onChoose?: (paragraphId: string) => void;
  /** Whether a paragraph is shown (the "open only" filter). */
  shown?: (p: P.Para) => boolean;
  badge?: (p: P.Para) => ReactNode;
}

export function ReadOnlyDraft({ draft, chosenId, onChoose, shown, badge }: ReadOnlyDraftProps) {
  const { t } = useTranslation();
  const labels = useMemo(() => P.labels(draft.paragraphs), [draft.paragraphs]);
  const part = (section: P.Section) => draft.paragraphs.filter((p) => p.section === section && (!shown || shown(p)));
  return (
    <div className={`draft-doc read-only ${draft.language === 'zh' ? 'cjk' : ''}`} lang={draft.language} data-read-only="true">
      <p className="body-line">{profileOf(draft.language).formula}</p>
      {(['preamble', 'operative'] as const).map((section) => (
        <section key={section} className={`part part-${section}`} aria-label={t(`history.sections.${section}`)}>
          {part(section).map((p) => (
            <div
              key={p.id}
              className={`block read-only-block ${chosenId === p.id ? 'chosen' : ''}`}
              data-paragraph={p.id}
              onClick={onChoose ? () => onChoose(p.id) : undefined}
              aria-current={chosenId === p.id ? 'true' : undefined}
            >
              <span className="block-gutter">
                <span className="block-label">{labels.get(p.id)?.label}</span>
                {badge?.(p)}
              </span>
              <p className="block-text">{p.text}</p>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
