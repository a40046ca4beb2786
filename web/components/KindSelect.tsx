// A <select> of document kinds, from the model's own list, named in the
// interface language, with an "any" choice: the filters of the precedent panel
// and the documents page use this one control.
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../core/model.js';

export function KindSelect({ value, onChange, anyLabel }: { value: string; onChange: (kind: string) => void; anyLabel?: string }) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t('common.kind')}>
      <option value="">{anyLabel ?? t('common.any')}</option>
      {DOCUMENT_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(`kinds.${kind}`)}
        </option>
      ))}
    </select>
  );
}
