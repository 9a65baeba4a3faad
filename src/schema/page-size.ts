/** Items in a page when a client names no size. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most items one page may hold: asking for more is an error, never a silent cut. */
export const MAX_PAGE_SIZE = 100;
