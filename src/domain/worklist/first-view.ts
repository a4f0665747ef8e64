/**
 * How many timeline events the first view of the child's page carries (the timeline section shows as many at first).
 * Here, not in the contract, so that the web's entry can name it without the contract's zod schemas (issue 11).
 */
export const FIRST_VIEW_TIMELINE_PAGE_SIZE = 25;
