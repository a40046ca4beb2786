// Types every t('key') against the English resources: a key missing from
// en.ts is a compile error in web/ (tests/unit/i18n-coverage.test.ts checks
// the other five languages and the keys built at run time).
import 'i18next';
import type { en } from './locales/en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
