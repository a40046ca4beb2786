// Renders inline changes (equal / insert / delete), routine updates (dates,
// symbols, sessions) and editorial ones (letter case, spacing) set apart from
// substantive edits.
import { useTranslation } from 'react-i18next';
import type { DiffPair } from '../api.js';

type Change = DiffPair['changes'][number];

const className = (c: Change) => (c.editorial ? 'routine editorial' : c.routine ? 'routine' : undefined);

export function InlineChanges({ changes, lang }: { changes: Change[]; lang?: string }) {
  const { t } = useTranslation();
  const title = (c: Change, plain: string) => (c.editorial ? t('diff.editorial') : c.routine ? t('diff.routineUpdate') : plain);
  return (
    <span lang={lang}>
      {changes.map((c, i) =>
        c.type === 'equal' ? (
          <span key={i}>{c.text}</span>
        ) : c.type === 'insert' ? (
          <ins key={i} className={className(c)} title={title(c, t('diff.addedText'))}>
            {c.text}
          </ins>
        ) : (
          <del key={i} className={className(c)} title={title(c, t('diff.removedText'))}>
            {c.text}
          </del>
        ),
      )}
    </span>
  );
}
