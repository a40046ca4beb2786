// Vitest setup file of the layers that use the bundled corpus: after each test
// file, removes the corpus copies it opened (openCorpusCopy), ~280 MB each.
import { afterAll } from 'vitest';
import { removeCorpusCopies } from './corpus.js';

afterAll(removeCorpusCopies);
