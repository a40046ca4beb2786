// A draft shared with the user read-only: its text as the owners last saved
// it, numbered as the editor numbers it, with who shared it; nothing to type
// into (the server refuses writes too). History, comparison and export stay.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { profileOf } from '../../core/languages/index.js';
import type { DraftT } from '../api.js';
import * as P from './paragraphs.js';

export function ReadOnlyDraft({ draft }: { draft: DraftT }) {
  const { t } = useTranslation();
  const labels = useMemo(() => P.labels(draft.paragraphs), [draft.paragraphs]);
  const part = (section: P.Section) => draft.paragraphs.filter((p) => p.section === section);
  return (
    <div className={`draft-doc read-only ${draft.language === 'zh' ? 'cjk' : ''}`} lang={draft.language} data-read-only="true">
      <p className="body-line">{profileOf(draft.language).formula}</p>
      {(['preamble', 'operative'] as const).map((section) => (
        <section key={section} className={`part part-${section}`} aria-label={t(`history.sections.${section}`)}>
          {part(section).map((p) => (
            <div key={p.id} className="block read-only-block" data-paragraph={p.id}>
              <span className="block-label">{labels.get(p.id)?.label}</span>
              <p className="block-text">{p.text}</p>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
