import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'
import type { KeyPath } from './problems.js'

/**
 * The line (1-based) where the value at `path` is written: the line of its key inside a map, of its
 * item inside a list. A path that goes past what is written (a missing key) stops at the deepest
 * part that exists, so a missing `reason` points at its `include` entry.
 */
export function lineOf(document: Document, lines: LineCounter, path: KeyPath): number {
  let node: unknown = document.contents
  let offset = startOf(node) ?? 0
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(document)
    if (isMap(node)) {
      const pair = node.items.find(p => isScalar(p.key) && String(p.key.value) === String(segment))
      if (pair === undefined) break
      offset = startOf(pair.key) ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (item === undefined) break
      offset = startOf(item) ?? offset
      node = item
    } else {
      break
    }
  }
  return lines.linePos(offset).line
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0]
}
