// The configuration check's limits, apart from its code so a page can name them without loading it.

/** Findings of one rule listed at most: past that, one more line of the same kind tells nobody anything. */
export const MAX_PER_RULE = 50;
