// GitHub prices a query at (connection requests it might make) / 100, rounded, at least 1. A query is
// filled up to QUERY_BUDGET requests: big enough that a Kata-sized organization takes a few dozen
// requests and a ten times larger one a few hundred, just under a rounding line so none is wasted.

/** Connection requests one query may hold: 9.49 rounds down to 9 points. */
export const QUERY_BUDGET = 949

/** Splits items into consecutive groups whose total weight stays at or under `capacity`. */
export function packBatches<T>(
  items: T[],
  weight: (item: T) => number,
  capacity: number,
  maxItems = Infinity
): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let load = 0
  for (const item of items) {
    const w = weight(item)
    if (current.length > 0 && (load + w > capacity || current.length >= maxItems)) {
      batches.push(current)
      current = []
      load = 0
    }
    current.push(item)
    load += w
  }
  if (current.length > 0) batches.push(current)
  return batches
}
