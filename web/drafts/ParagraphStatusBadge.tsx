// A paragraph's negotiation status beside its number: open, agreed ad ref or
// agreed. The pen-holder (the owning delegation) changes it here; everyone
// else reads it.
import { useTranslation } from 'react-i18next';
import type { ParagraphStatusT } from '../api.js';

const STATUSES: ParagraphStatusT[] = ['open', 'agreed-ad-ref', 'agreed'];

export function ParagraphStatusBadge({ status, label, canSet, onSet }: { status: ParagraphStatusT; label: string; canSet: boolean; onSet: (status: ParagraphStatusT) => void }) {
  const { t } = useTranslation();
  if (!canSet) {
    return (
      <span className="status-badge" data-status={status} title={t('negotiation.statusOf', { label })}>
        {t(`negotiation.paragraphStatus.${status}`)}
      </span>
    );
  }
  return (
    <select className="status-badge" data-status={status} value={status} aria-label={t('negotiation.statusOf', { label })} onChange={(e) => onSet(e.target.value as ParagraphStatusT)}>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`negotiation.paragraphStatus.${s}`)}
        </option>
      ))}
    </select>
  );
}
