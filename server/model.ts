// Moved to core/model.ts; this re-export lasts until every importer points there.
export * from '../core/model.js';
