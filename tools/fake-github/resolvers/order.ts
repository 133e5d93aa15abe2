import { notImplemented } from '../errors.js'

export interface Order {
  field: string
  direction: 'ASC' | 'DESC'
}

/**
 * Orders by `orderBy.field` (keys a caller supports), ties kept in the list's own order; without `orderBy`
 * the list's own order (creation order) is GitHub's default.
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
  const keyed = items.map((item, position) => ({ item, position, key: key(item) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position))
  if (order.direction === 'DESC') keyed.reverse()
  return keyed.map(k => k.item)
}
