// Which of the six languages the interface speaks, and the locale Intl formats
// with. Reads the i18next instance without setting it up (index.ts does), so
// helpers that format (web/lib/format.ts) stay usable outside the app: English there.
import i18n from 'i18next';
import { PROFILES, isLanguage } from '../../core/languages/index.js';
import type { Language } from '../../core/model.js';

/** The interface language as one of the six codes; English until i18next has one. */
export function interfaceLanguage(): Language {
  const code = (i18n.resolvedLanguage ?? i18n.language ?? 'en').slice(0, 2);
  return isLanguage(code) ? code : 'en';
}

/**
 * The locale Intl formats dates and numbers with. Arabic keeps Western digits,
 * as the UN's Arabic documents print them.
 */
export function intlLocale(language: Language = interfaceLanguage()): string {
  return language === 'ar' ? 'ar-u-nu-latn' : PROFILES[language].tag;
}
