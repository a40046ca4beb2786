// ESLint's one job here: `npm run lint` over the whole repository. ESLint 9 flat
// config with typescript-eslint's recommended rules (not the type-checked set,
// which would run the compiler and is left to `npm run typecheck`), and the two
// classic React hook rules for web/ (its eslint-disable comments name them).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'test-artifacts/', 'data/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders, destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Browser tests run code in the page (page.evaluate): both sets of globals.
    files: ['tests/browser/**/*.ts', 'tests/bench/keystroke.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
