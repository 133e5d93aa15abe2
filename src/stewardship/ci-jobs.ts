import { parseDocument } from 'yaml'
import type { Identities } from '../electorate/identities.js'
import { byCodeUnits, caseInsensitiveOrder } from '../electorate/order.js'
import { qualifiedOf } from '../electorate/people.js'
import type { Electorate } from '../electorate/types.js'
import type { BranchFile, Gathered, PullRequestRecord } from '../records.js'
import { ownersOf, parseCodeowners } from './codeowners.js'

export type CiJobStatus = 'maintained' | 'unmaintained' | 'unparsable'

/** A row of ci-jobs.csv: one job of one workflow file, or the whole file when it does not parse. */
export interface CiJob {
  repository: string
  /** The file's path, `.github/workflows/ci.yml`. */
  workflow: string
  /** The job's id; '' for a file that does not parse. */
  job: string
  /** The job's `name:`; '' when it has none. */
  jobName: string
  /** People whose merged pull requests in the window changed the file, as merged_prs counts them. */
  maintainers: string[]
  /** When the last pull request merged in the window that changed the file was merged; '' if none. */
  lastChanged: string
  /** What CODEOWNERS gives the file's path: logins, and teams as `org/team`. */
  codeowners: string[]
  status: CiJobStatus
}

/**
 * Every job of every workflow file on the default branches, with who keeps it: maintained when one of
 * its maintainers or CODEOWNERS users is on the roll. A file that does not parse (or is not a workflow,
 * with no `jobs:` map) is one row with status `unparsable`, never left out.
 */
export function ciJobs(
  gathered: Gathered,
  electorate: Electorate,
  identities: Pick<Identities, 'personOfLogin'>
): { jobs: CiJob[]; warnings: string[] } {
  const onRoll = new Set(qualifiedOf(electorate.people).map(person => person.login.toLowerCase()))
  const authorOf = new Map(
    electorate.evidence.filter(item => item.metric === 'merged_prs').map(item => [item.url, item.login])
  )
  // Only workflow files are looked up: the pull requests of a big organization change 200,000 other paths.
  const changes = new Map<string, PullRequestRecord[]>()
  const workflows = new Map(
    (gathered.files ?? []).map(files => [files.repository, new Set(files.workflows.map(w => w.path))])
  )
  for (const record of gathered.records) {
    if (record.kind !== 'pull_request') continue
    const paths = workflows.get(record.repository)
    if (paths === undefined || paths.size === 0) continue
    for (const path of record.files ?? []) {
      if (!paths.has(path)) continue
      const key = `${record.repository}\n${path}`
      const list = changes.get(key)
      if (list) list.push(record)
      else changes.set(key, [record])
    }
  }

  const rows: CiJob[] = []
  const warnings: string[] = []
  for (const files of gathered.files ?? []) {
    const { rules, skipped } = parseCodeowners(files.codeowners?.text ?? '')
    for (const { line, reason } of skipped)
      warnings.push(
        `${files.repository}: ${files.codeowners?.path}:${line}: line skipped, not matched: ${reason}`
      )
    for (const workflow of files.workflows) {
      const changedBy = changes.get(`${files.repository}\n${workflow.path}`) ?? []
      const maintainers = distinct(changedBy.map(pr => authorOf.get(pr.url)))
      const codeowners = distinct(ownersOf(rules, workflow.path))
      const keepers = [
        ...maintainers,
        ...codeowners.filter(owner => !owner.includes('/')).map(owner => identities.personOfLogin(owner))
      ]
      const maintained = keepers.some(login => login != null && onRoll.has(login.toLowerCase()))
      const common = {
        repository: files.repository,
        workflow: workflow.path,
        maintainers,
        lastChanged: changedBy.map(pr => pr.at).reduce((a, b) => (a > b ? a : b), ''),
        codeowners
      }
      const jobs = jobsOf(workflow)
      if (jobs === null) rows.push({ ...common, job: '', jobName: '', status: 'unparsable' })
      else
        for (const [job, jobName] of jobs)
          rows.push({ ...common, job, jobName, status: maintained ? 'maintained' : 'unmaintained' })
    }
  }
  const jobs = rows.sort(
    (a, b) => byCodeUnits(a.repository, b.repository) || byCodeUnits(a.workflow, b.workflow)
  )
  return { jobs, warnings }
}

/** The jobs of a workflow file in the order written, as [id, name]; null when it is not a workflow. */
export function jobsOf(file: BranchFile): [string, string][] | null {
  if (file.text === null) return null
  // Failsafe: every scalar is its text as written, so a name `0x1F` stays 0x1F rather than 31. Merge keys
  // are merged as YAML 1.1 merges them, never a job of their own.
  const document = parseDocument(file.text, { uniqueKeys: false, schema: 'failsafe', merge: true })
  if (document.errors.length > 0) return null
  let workflow: unknown
  try {
    // Aliases resolved within the yaml package's own bound on how far they expand (an alias bomb throws).
    workflow = document.toJS({ mapAsMap: true })
  } catch {
    return null
  }
  const jobs = workflow instanceof Map ? workflow.get('jobs') : undefined
  if (!(jobs instanceof Map)) return null
  return [...(jobs as Map<unknown, unknown>)].map(([id, job]) => {
    const name = job instanceof Map ? job.get('name') : undefined
    return [String(id), typeof name === 'string' ? name : '']
  })
}

const distinct = (logins: (string | null | undefined)[]): string[] =>
  [...new Set(logins.filter((login): login is string => !!login))].sort(caseInsensitiveOrder)
