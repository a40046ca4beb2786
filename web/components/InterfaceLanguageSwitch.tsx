// The header's choice of interface language: the six UN languages, each named
// in itself (a reader who does not know the current one still finds their own).
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/model.js';
import { chooseInterfaceLanguage, interfaceLanguage } from '../i18n/index.js';
import { endonym } from '../lib/format.js';

export function InterfaceLanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ? interfaceLanguage() : 'en';
  return (
    <select
      className="interface-language"
      value={current}
      aria-label={t('app.interfaceLanguage')}
      title={t('app.interfaceLanguage')}
      onChange={(e) => chooseInterfaceLanguage(e.target.value as Language)}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {endonym(code)}
        </option>
      ))}
    </select>
  );
}
