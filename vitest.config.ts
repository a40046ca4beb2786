// Vitest's one job: the tests in layers, as projects, each runnable alone
// (`npm run test:unit|test:api|test:corpus|test:browser`, i.e. --project NAME);
// `npm test` runs them all.
//   unit     pure code, no corpus                       tests/unit
//   api      the real Hono app over a bundled-corpus copy tests/api
//   corpus   the whole corpus, ../shared/unxml, LibreOffice tests/corpus
//   browser  the built web app in headless Chromium      tests/browser
// Every run works in a private temp folder removed at the end (run-tmpdir.ts);
// only the layers that use the corpus build its template (corpus-setup.ts) and
// remove each file's copy after it (corpus-copies.ts).
import { defineConfig } from 'vitest/config';

const common = { testTimeout: 30_000, hookTimeout: 120_000, pool: 'forks' } as const;
const withCorpus = { globalSetup: ['tests/helpers/corpus-setup.ts'], setupFiles: ['tests/helpers/corpus-copies.ts'] };
const layer = (name: string, corpus: boolean) => ({
  test: { name, include: [`tests/${name}/**/*.test.ts`], ...common, ...(corpus ? withCorpus : {}) },
});

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/run-tmpdir.ts'],
    projects: [layer('unit', false), layer('api', true), layer('corpus', true), layer('browser', true)],
  },
});
