import { createHash } from 'node:crypto'
import { notImplemented } from '../errors.js'
import type { RepositoryView } from '../world-index.js'
import type { Fields } from './fields.js'

// The default branch's files as `Repository.object(expression: "HEAD:path")` serves them: a Blob for a
// file, a Tree for a folder (its direct entries), null for a path the branch does not hold.

export interface BlobView {
  __typename: 'Blob'
  repository: RepositoryView
  path: string
  text: string
}

export interface TreeView {
  __typename: 'Tree'
  repository: RepositoryView
  /** '' for the root. */
  path: string
}

interface TreeEntryView {
  name: string
  path: string
  object: BlobView | TreeView
}

const oidOf = (kind: string, repository: RepositoryView, path: string, text = '') =>
  createHash('sha1').update(`${kind}\0${repository.nameWithOwner}\0${path}\0${text}`).digest('hex')

/** `HEAD:path` or `<default branch>:path`; any other revision is not served. */
export function objectAt(repository: RepositoryView, expression: string): BlobView | TreeView | null {
  const branch = repository.repository.defaultBranch
  const colon = expression.indexOf(':')
  const revision = colon < 0 ? expression : expression.slice(0, colon)
  if (revision !== 'HEAD' && revision !== branch)
    throw notImplemented(`Repository.object(expression: "${expression}")`)
  if (branch === null || colon < 0) return null
  const path = expression.slice(colon + 1).replace(/\/+$/, '')
  const files = repository.repository.files ?? {}
  const text = files[path]
  if (text !== undefined) return { __typename: 'Blob', repository, path, text }
  const prefix = path === '' ? '' : `${path}/`
  return Object.keys(files).some(file => file.startsWith(prefix))
    ? { __typename: 'Tree', repository, path }
    : null
}

function entriesOf(tree: TreeView): TreeEntryView[] {
  const prefix = tree.path === '' ? '' : `${tree.path}/`
  const names = new Set<string>()
  for (const file of Object.keys(tree.repository.repository.files ?? {}))
    if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!)
  // Git orders a tree's entries by name, byte by byte.
  return [...names]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(name => ({ name, path: prefix + name, object: objectAt(tree.repository, `HEAD:${prefix}${name}`)! }))
}

const gitObjectFields = {
  repository: (o: BlobView | TreeView) => o.repository,
  id: (o: BlobView | TreeView) =>
    Buffer.from(`${o.__typename}:${oidOf(o.__typename, o.repository, o.path)}`).toString('base64'),
  oid: (o: BlobView | TreeView) =>
    oidOf(o.__typename, o.repository, o.path, o.__typename === 'Blob' ? o.text : ''),
  abbreviatedOid: (o: BlobView | TreeView) => oidOf(o.__typename, o.repository, o.path).slice(0, 7)
}

export const blobFields: Fields<BlobView> = {
  ...gitObjectFields,
  text: b => b.text,
  byteSize: b => Buffer.byteLength(b.text, 'utf8'),
  isBinary: () => false,
  isTruncated: () => false
}

export const treeFields: Fields<TreeView> = {
  ...gitObjectFields,
  entries: t => entriesOf(t)
}

export const treeEntryFields: Fields<TreeEntryView> = {
  name: e => e.name,
  path: e => e.path,
  type: e => (e.object.__typename === 'Blob' ? 'blob' : 'tree'),
  mode: e => (e.object.__typename === 'Blob' ? 0o100644 : 0o40000),
  object: e => e.object,
  oid: e =>
    oidOf(
      e.object.__typename,
      e.object.repository,
      e.path,
      e.object.__typename === 'Blob' ? e.object.text : ''
    ),
  repository: e => e.object.repository
}
