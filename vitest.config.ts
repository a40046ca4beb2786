// Vitest's one job: the tests in layers, as projects, each runnable alone
// (`npm run test:unit|test:api|test:corpus|test:browser`, i.e. --project NAME);
// `npm test` runs them all.
//   unit     pure code, no corpus                       tests/unit
//   api      the real Hono app over a bundled-corpus copy tests/api
//   api-postgres  the API tests that touch the store, again with the store in
//            PostgreSQL (a throwaway cluster from Debian's package, postgres-setup.ts)
//   corpus   the whole corpus, ../shared/unxml, LibreOffice tests/corpus
//   browser  the built web app in headless Chromium      tests/browser
// Every run works in a private temp folder removed at the end (run-tmpdir.ts);
// only the layers that use the corpus build its template (corpus-setup.ts) and
// remove each file's copy after it (corpus-copies.ts).
import { defineConfig } from 'vitest/config';
import { postgresUnavailable } from './tests/helpers/postgres.js';

const common = { testTimeout: 30_000, hookTimeout: 120_000, pool: 'forks' } as const;
const withCorpus = { globalSetup: ['tests/helpers/corpus-setup.ts'], setupFiles: ['tests/helpers/corpus-copies.ts'] };
const layer = (name: string, corpus: boolean) => ({
  test: { name, include: [`tests/${name}/**/*.test.ts`], ...common, ...(corpus ? withCorpus : {}) },
});

/** The API tests that read or write the store: run on both stores. The others read only the corpus (each instance's own SQLite copy). */
const STORE_TESTS = ['access', 'accounts', 'akn-export', 'contract', 'drafts', 'exchange', 'health-store', 'import-worker', 'instances', 'live', 'proposals', 'round-trips', 'security'];
const apiOnPostgres = {
  test: {
    name: 'api-postgres',
    include: STORE_TESTS.map((t) => `tests/api/${t}.test.ts`),
    ...common,
    globalSetup: [...withCorpus.globalSetup, 'tests/helpers/postgres-setup.ts'],
    setupFiles: withCorpus.setupFiles,
    env: { PRECEDENT_TEST_STORE: 'postgres' },
  },
};
const noPostgres = postgresUnavailable();
if (noPostgres) console.warn(`[tests] ${noPostgres}: the api-postgres layer is skipped.`);

export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/run-tmpdir.ts'],
    projects: [layer('unit', false), layer('api', true), ...(noPostgres ? [] : [apiOnPostgres]), layer('corpus', true), layer('browser', true)],
  },
});
