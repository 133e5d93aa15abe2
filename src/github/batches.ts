// GitHub prices a query at (requests it might make) / 100, rounded: 149 such requests still cost
// one point. Packing small pieces of work into queries just under that line is most of the saving.

/** Largest number of connection requests that one query can hold and still cost one point. */
export const ONE_POINT = 149

/** Splits items into consecutive groups whose total weight stays at or under `capacity`. */
export function packBatches<T>(
  items: T[],
  weight: (item: T) => number,
  capacity: number,
  maxItems = 100
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
