import { notImplemented } from '../errors.js'

export interface Order {
  field: string
  direction: 'ASC' | 'DESC'
}

// Lists are asked for in the same order again and again (every page, every repository of a listing):
// each is sorted once until the world changes.
let worldVersion = 0
const sortedLists = new WeakMap<
  readonly unknown[],
  { version: number; byOrder: Map<string, readonly unknown[]> }
>()

/** Orders sorted before are stale: an item moved (`touch`) or a test's hook may have changed the world. */
export function worldChanged(): void {
  worldVersion++
}

/**
 * Orders by `orderBy.field` (keys a caller supports), ties kept in the list's own order; without `orderBy`
 * the list's own order (creation order) is GitHub's default. Filter after sorting: the order is the same.
 */
export function sortByOrder<T>(
  items: readonly T[],
  order: Order | null | undefined,
  where: string,
  keys: Record<string, (item: T) => string | number>
): readonly T[] {
  if (!order) return items
  const key = keys[order.field]
  if (!key) throw notImplemented(`${where}(orderBy: {field: ${order.field}})`)
  let cached = sortedLists.get(items)
  if (cached?.version !== worldVersion)
    sortedLists.set(items, (cached = { version: worldVersion, byOrder: new Map() }))
  const name = `${order.field} ${order.direction}`
  const known = cached.byOrder.get(name)
  if (known) return known as readonly T[]
  const keyed = items.map((item, position) => ({ item, position, key: key(item) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position))
  if (order.direction === 'DESC') keyed.reverse()
  const sorted = keyed.map(k => k.item)
  cached.byOrder.set(name, sorted)
  return sorted
}
