// The records file: gzip JSON lines. Line 1 is the header, then one ActivityRecord per line, then one
// profile per line. JSON lines stream and diff with standard tools (zcat | jq), and gzip shrinks the
// repeated keys and URLs about tenfold, which a workflow artifact's size limit cares about.
import type { AccessFacts, Gathered, Profile, RepositoryFiles } from '../records.js'

export const RECORDS_FILE = 'records.jsonl.gz'
export const RECORDS_FORMAT = 'electorate-records'
/** Bumped whenever a reader of the previous version would misread a file. */
export const RECORDS_FORMAT_VERSION = 1

export interface RecordsHeader {
  format: typeof RECORDS_FORMAT
  version: number
  tool: { name: 'electorate'; version: string }
  organization: string
  window: { since: string; until: string }
  repositories: Gathered['repositories']
  stats: Gathered['stats']
  warnings: string[]
  /** Written only when the run left something out. */
  deleted?: string[]
  /** 'hidden': addresses are sha256 hashes, for an artifact anyone may download. */
  emails: 'plain' | 'hidden'
  /** Logins the config named whose profiles were looked up; absent when there are none. */
  named?: string[]
  /** Workflow files and CODEOWNERS of each repository (absent in files of earlier versions). */
  files?: RepositoryFiles[]
  /** Roles, when the run gathered them (`access`). */
  access?: AccessFacts
  /** Lines that follow, so that a truncated file is caught even inside a valid gzip stream. */
  lines: { records: number; profiles: number }
}

export type ProfileLine = { kind: 'profile' } & Profile
