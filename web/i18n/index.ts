// The interface language: i18next over the six locale files, the user's
// choice kept in localStorage (else the browser's language, else English), and
// <html lang dir> kept in step so Arabic lays the whole interface out right to left.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/model.js';
import { PROFILES, isLanguage } from '../../core/languages/index.js';
import { resources } from './locales/index.js';

export { interfaceLanguage, intlLocale } from './locale.js';

/** Where the user's choice is kept; nothing is stored until the user chooses. */
export const LANGUAGE_STORAGE_KEY = 'precedent.interfaceLanguage';

function applyToDocument(language: string): void {
  // "zh-CN" from the browser is shown as zh; a language outside the six as English.
  const resolved = (i18n.resolvedLanguage ?? language).slice(0, 2);
  const code = isLanguage(resolved) ? resolved : 'en';
  document.documentElement.lang = code;
  document.documentElement.dir = PROFILES[code].rtl ? 'rtl' : 'ltr';
}

i18n.on('languageChanged', applyToDocument);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    // "zh-CN", "fr-CA" from the browser count as zh, fr.
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_STORAGE_KEY, caches: [] },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnEmptyString: false,
  });

/** Switches the interface and remembers the choice for the next visit. */
export function chooseInterfaceLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage refused (private mode, quota): the choice holds for this visit
  }
  void i18n.changeLanguage(language);
}

export default i18n;
