// Who goes first when every request slot is taken. The run ends when its longest chain of dependent
// requests ends, so the requests that others wait on go before those that nothing waits on.
export const PRIORITY = {
  /** Nothing waits on it: commit histories. */
  leaf: 0,
  /** Batches of pull requests and issues: their answers may start chains (more reviews, more events). */
  details: 1,
  /** The next page after a cursor: a link in a chain. */
  chain: 2,
  /**
   * The repository listing and the rounds of pull-request and issue lists: the longest chains of a run
   * (a busy repository's list is many pages long), so they go before the short ones (a pull request's
   * second page of reviews, an issue's of events).
   */
  lists: 3
} as const
