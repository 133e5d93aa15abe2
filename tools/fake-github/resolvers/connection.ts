import type { ConnectionView, Edge, PageInfo } from '../pagination.js'
import type { Fields } from './fields.js'

export const connectionFields: Fields<ConnectionView<unknown>> = {
  totalCount: c => c.totalCount,
  filteredCount: c => c.filteredCount,
  nodes: c => c.edges.map(e => e.node),
  edges: c => c.edges,
  pageInfo: c => c.pageInfo
}

export const edgeFields: Fields<Edge<unknown>> = {
  cursor: e => e.cursor,
  node: e => e.node
}

export const pageInfoFields: Fields<PageInfo> = {
  hasNextPage: p => p.hasNextPage,
  hasPreviousPage: p => p.hasPreviousPage,
  startCursor: p => p.startCursor,
  endCursor: p => p.endCursor
}
