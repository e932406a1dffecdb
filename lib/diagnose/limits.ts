// Every bound of the engine in one place: whatever is pasted or streamed, work and memory stay
// within these, and the result says when one was reached.

/** Lines longer than this are scanned only up to here: a 200,000-character line stays cheap. */
export const MAX_LINE = 4096;
/** Pastes longer than this many lines are cut (the CLI streams instead). */
export const MAX_LINES = 100_000;
/** Distinct messages (templates) the CLI remembers; past it, a line is analysed on its own. */
export const MAX_TEMPLATES = 100_000;
/** …and the characters of their keys, all together: junk lines of 4 KB each must not fill memory. */
export const MAX_TEMPLATE_CHARS = 8_000_000;
/** Distinct unknown codes counted; more are counted together, not one by one. */
export const MAX_UNKNOWN = 5_000;
/** Positioned tokens kept, at most (of the first SHOWN_TOKEN_LINES lines with any): a line full of codes is no flood. */
export const MAX_TOKENS = 10_000;
/** Connections the timeline follows. */
export const MAX_TIMELINE_GROUPS = 100;
/** Unknown codes given "closest known" suggestions: those shown, most frequent first. */
export const MAX_UNKNOWN_SHOWN = 20;

/** What the paste view shows, and so all the worker sends back: marked lines, timeline groups. */
export const SHOWN_TOKEN_LINES = 300;
export const SHOWN_GROUPS = 20;
export const SHOWN_GROUP_LINES = 40;

/**
 * Story lines a part of a log (read on its own thread) keeps from its start and its end, so that
 * stories crossing the split are told: a story's steps are seconds apart, this is thousands of lines.
 */
export const STORY_EDGE = 5_000;
