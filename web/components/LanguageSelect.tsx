// A <select> of the six official languages (of a document, a draft, a search),
// named in the interface language: every page that asks for one uses this control.
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../core/model.js';
import { languageName } from '../lib/format.js';

/** `anyLabel` adds a first choice, value "", for "no language filter". */
export function LanguageSelect({
  value,
  onChange,
  className,
  anyLabel,
  ariaLabel,
}: {
  value: string;
  onChange: (language: string) => void;
  className?: string;
  anyLabel?: string;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={ariaLabel ?? t('common.language')} className={className}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {languageName(code)}
        </option>
      ))}
    </select>
  );
}
