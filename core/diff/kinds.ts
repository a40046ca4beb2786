// The vocabularies of a comparison, as values (the API contract enumerates them)
// and as types: what one inline change is, and how the alignment paired two paragraphs.

/** One piece of an inline diff: kept, added or removed text. */
export const CHANGE_TYPES = ['equal', 'insert', 'delete'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * How paragraphs of the older text became the newer text's. Whether a pair's
 * order changed is a separate flag (`moved`), not a kind: a moved paragraph is
 * also unchanged, modified, split or merged.
 */
export const PAIR_KINDS = ['unchanged', 'modified', 'added', 'removed', 'split', 'merged'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];
