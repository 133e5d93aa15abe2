import { createHash } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Electorate } from '../electorate/types.js'
import { contributorsCsv, electorateCsv, evidenceCsv, unlinkedCsv } from './csv-files.js'
import { changesCsv, rollChanges } from './changes.js'
import { formatTime } from './csv.js'
import { type FolderFacts, README_TXT, readmeTxt } from './readme-txt.js'
import {
  ACCESS_CSV,
  accessCsv,
  CANDIDATES_CSV,
  candidatesCsv,
  CI_JOBS_CSV,
  ciJobsCsv
} from './stewardship-csv.js'
import type { Stewardship } from '../stewardship/stewardship.js'
import type { PreviousRoll } from './previous-roll.js'
import { REPORT_HTML, reportHtml } from './report-html/report-html.js'
import { type ReportMeta, reportJson } from './report.js'
import { summaryMarkdown } from './summary.js'
import { civsVoters, HELIOS_GITHUB_VOTERS, heliosGithubVoters, heliosVoters, votersYaml } from './voters.js'

export const ELECTORATE_CSV = 'electorate.csv'
export const REPORT_JSON = 'report.json'
/** Every file a run may write, electorate.csv last. */
export const OUTPUT_FILES = [
  'contributors.csv',
  'unlinked.csv',
  'evidence.csv',
  'summary.md',
  'voters.yaml',
  'civs-voters.txt',
  'helios-voters.csv',
  HELIOS_GITHUB_VOTERS,
  'changes.csv',
  CI_JOBS_CSV,
  CANDIDATES_CSV,
  ACCESS_CSV,
  REPORT_HTML,
  README_TXT,
  REPORT_JSON,
  ELECTORATE_CSV
] as const

const PARTIAL_SUFFIX = '.partial'

/** The files that say who may vote: a failed run removes them, so no earlier roll passes for its own. */
export const ROLL_FILES = [
  ELECTORATE_CSV,
  'voters.yaml',
  'civs-voters.txt',
  'helios-voters.csv',
  HELIOS_GITHUB_VOTERS
] as const

/**
 * Removes the roll files of dir (and half-written ones), leaving every other file alone, and those
 * `keep` says to keep. Returns the names of the roll files that were there.
 */
export async function removeRoll(
  dir: string,
  keep: (file: string) => Promise<boolean> = async () => false
): Promise<string[]> {
  const removed: string[] = []
  for (const name of ROLL_FILES) {
    for (const file of [name, name + PARTIAL_SUFFIX]) {
      const where = join(dir, file)
      if (await keep(where)) continue
      const gone = await rm(where).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        }
      )
      if (gone && file === name) removed.push(name)
    }
  }
  return removed
}

export interface WrittenOutputs {
  dir: string
  files: Record<string, { path: string; sha256: string }>
  /** The same text as summary.md, for the job summary. */
  summary: string
  /** Path of electorate.csv. */
  electorateCsv: string
}

/**
 * Deletes the files of an earlier run (and any half-written one) so that a run that fails never leaves
 * an old roll behind that could pass for this one's.
 */
export async function removeStaleElectorate(dir: string): Promise<void> {
  // electorate.csv first: should a later removal fail, the roll is already gone.
  for (const name of [ELECTORATE_CSV, ...OUTPUT_FILES.filter(name => name !== ELECTORATE_CSV)]) {
    await rm(join(dir, name), { force: true })
    await rm(join(dir, name + PARTIAL_SUFFIX), { force: true })
  }
}

/** Writes the output folder; the same inputs give the same bytes (report.json's `run` aside). */
export async function writeOutputs(
  dir: string,
  electorate: Electorate,
  meta: ReportMeta,
  options: {
    includeEmails: boolean
    /** An earlier electorate.csv: changes.csv and a summary section say who joined and who left. */
    previous?: PreviousRoll
    /** ci-jobs.csv and the other stewardship files; absent: none written (tests of the roll alone). */
    stewardship?: Stewardship
    /**
     * Files written into dir beside these (the records file): hashed in report.json, listed in the
     * result. Awaited only once the big files are made, so that the records deflate meanwhile.
     */
    written?: Promise<WrittenOutputs['files']>
  }
): Promise<WrittenOutputs> {
  const { includeEmails } = options
  const writing: Promise<WrittenOutputs['files']> = options.written ?? Promise.resolve({})
  // Awaited below; should this run fail first, the caller waits for the records file itself.
  writing.catch(() => undefined)
  const previous = options.previous
  const changes = previous && {
    previous,
    changes: rollChanges(previous.logins, electorate, { config: meta.config, until: meta.until })
  }
  const { stewardship } = options
  const summary = summaryMarkdown(electorate, meta, { includeEmails, changes, stewardship })
  const contents = new Map<string, string>([
    ['contributors.csv', contributorsCsv(electorate.people, includeEmails)],
    ['unlinked.csv', unlinkedCsv(electorate.unlinked, includeEmails)],
    ['evidence.csv', evidenceCsv(electorate.evidence)],
    ['summary.md', summary],
    [ELECTORATE_CSV, electorateCsv(electorate.people, includeEmails)]
  ])
  contents.set('voters.yaml', votersYaml(electorate.people, meta))
  contents.set(HELIOS_GITHUB_VOTERS, heliosGithubVoters(electorate.people))
  if (includeEmails) {
    contents.set('civs-voters.txt', civsVoters(electorate.people))
    contents.set('helios-voters.csv', heliosVoters(electorate.people))
  }
  if (changes) contents.set('changes.csv', changesCsv(changes.changes))
  if (stewardship) contents.set(CI_JOBS_CSV, ciJobsCsv(stewardship.ciJobs))
  if (stewardship?.candidates) contents.set(CANDIDATES_CSV, candidatesCsv(stewardship.candidates))
  if (stewardship?.access) contents.set(ACCESS_CSV, accessCsv(stewardship.access.rows))
  // Each file encoded once, for its hash and its write (evidence.csv and report.html run to tens of MB).
  const bytes = new Map<string, Buffer>()
  const hashes: Record<string, string> = {}
  const add = (name: string, text: string) => {
    const encoded = Buffer.from(text, 'utf8')
    bytes.set(name, encoded)
    hashes[name] = sha256(encoded)
  }
  for (const [name, text] of contents) add(name, text)
  add(
    REPORT_HTML,
    reportHtml(electorate, meta, { includeEmails, files: { ...hashes }, access: stewardship?.access })
  )
  const written = await writing
  for (const [name, file] of Object.entries(written)) hashes[name] = file.sha256
  add(
    README_TXT,
    readmeTxt([...Object.keys(hashes), REPORT_JSON, README_TXT], {
      toolVersion: meta.toolVersion,
      organization: meta.organization,
      since: formatTime(meta.since),
      until: formatTime(meta.until),
      includeEmails
    })
  )
  add(REPORT_JSON, reportJson(electorate, meta, { includeEmails, files: { ...hashes } }))

  await removeStaleElectorate(dir)
  await mkdir(dir, { recursive: true })
  const files: WrittenOutputs['files'] = { ...written }
  const path = (name: string) => join(dir, name)
  // electorate.csv only once every other file is whole: its presence means the run completed.
  const beforeRoll = OUTPUT_FILES.filter(name => name !== ELECTORATE_CSV && bytes.has(name))
  await Promise.all(beforeRoll.map(name => writeWhole(path(name), bytes.get(name)!)))
  await writeWhole(path(ELECTORATE_CSV), bytes.get(ELECTORATE_CSV)!)
  for (const name of OUTPUT_FILES)
    if (bytes.has(name)) files[name] = { path: path(name), sha256: hashes[name]! }
  return { dir, files, summary, electorateCsv: files[ELECTORATE_CSV].path }
}

/** README.txt alone, beside files written otherwise (the records file of mode gather). */
export async function writeFolderReadme(dir: string, files: readonly string[], facts: FolderFacts) {
  await writeWhole(join(dir, README_TXT), readmeTxt([...files, README_TXT], facts))
  return join(dir, README_TXT)
}

// Write beside, then rename: a crash leaves either no file or the whole file, never half a roll.
async function writeWhole(path: string, content: string | Buffer): Promise<void> {
  const partial = path + PARTIAL_SUFFIX
  await writeFile(partial, content)
  await rename(partial, path)
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
