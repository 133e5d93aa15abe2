/**
 * The repositories a batched request covers, every one of them: when the request fails for good, its
 * label is the error message, and that must name the repository whatever else the batch held.
 */
export function repositoriesOf(names: string[]): string {
  return [...new Set(names)].join(', ')
}
