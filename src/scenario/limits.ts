/**
 * How large a scenario may be. Every limit is checked before the work it protects starts and
 * refused with a located message, so that no file, however large or deep, can make a command
 * hang or run out of memory. Each is far above what a negotiation for training needs.
 */
export const SCENARIO_LIMITS = {
  /** Bytes of a scenario file: the largest built-in is about 25 kB. */
  fileBytes: 5 * 1024 * 1024,
  /** Nesting of objects and lists: a scenario needs six levels, free-form metadata a few more. */
  depth: 64,
  issues: 100,
  optionsPerIssue: 200,
  /** Characters of one text (a story, a briefing). */
  textLength: 20_000,
  idLength: 200,
  /** Characters of a formula. */
  expressionLength: 500,
  /** Uncertain quantities of a scenario, and the quantities one formula may use (its expectation integrates over each). */
  uncertainties: 20,
  quantitiesPerFormula: 3,
  /** Values of a discrete distribution. */
  discreteValues: 100,
  /** Problems reported per file; the rest are counted ("and 3 more"), as later ones are mostly echoes of the first. */
  diagnostics: 50,
} as const;
