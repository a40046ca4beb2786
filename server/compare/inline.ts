// Moved to core/diff/inline.ts; this re-export lasts until every importer points there.
export * from '../../core/diff/inline.js';
