// Global setup of the api-postgres layer: one throwaway PostgreSQL cluster for
// the run (postgres.ts), its URL provided to the tests, stopped at the end.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';

export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster?.url ?? null);
  return async () => {
    await cluster?.stop();
  };
}
