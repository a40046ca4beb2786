// What a draft may hold, stated once: the API enforces these at its edge and
// the editor stops a user before a save would be refused.

export const DRAFT_LIMITS = {
  title: 500,
  body: 200,
  paragraphs: 500,
  paragraphText: 20_000,
  citation: 300,
  paragraphId: 200,
} as const;

/** The parts of a resolution a draft has. */
export const DRAFT_SECTIONS = ['preamble', 'operative'] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

/** What a suggestion request may ask for: the longest text (characters) and the most results. */
export const SUGGEST_LIMITS = {
  text: 20_000,
  results: 50,
} as const;

/** What an account may hold: the sign-in page and the administration page check these too. */
export const ACCOUNT_LIMITS = {
  passwordMin: 10,
  passwordMax: 256,
  email: 254,
  name: 200,
  delegation: 200,
} as const;
