// README.txt: what each file of the output folder is and what its columns mean, so that the folder (and
// the artifact it becomes) explains itself away from the project's README. A file a run writes needs an
// entry in FILE_GUIDE; its columns come from the constants its writer uses.
import { RECORDS_FILE } from '../records-file/format.js'
import { METRICS } from '../records.js'
import { CHANGES_COLUMNS } from './changes.js'
import { contributorColumns, EVIDENCE_COLUMNS, personColumns, UNLINKED_COLUMNS } from './csv-files.js'
import { REPORT_HTML } from './report-html/report-html.js'
import {
  ACCESS_COLUMNS,
  ACCESS_CSV,
  CANDIDATES_COLUMNS,
  CANDIDATES_CSV,
  CI_JOBS_COLUMNS,
  CI_JOBS_CSV
} from './stewardship-csv.js'
import { HELIOS_FIELDS, HELIOS_GITHUB_VOTERS } from './voters.js'

export const README_TXT = 'README.txt'

export interface FileGuide {
  /** What the file is, in a sentence or two. */
  what: string
  /** A CSV file's header row (or a headerless file's fields), as its writer spells it. */
  columns?: (includeEmails: boolean) => readonly string[]
  /** The file has no header row: `columns` are the fields of each line. */
  headerless?: boolean
  /** Meanings of columns that mean something else here than in COLUMN_MEANINGS. */
  meanings?: Record<string, string>
}

/** Every file a run may write, in the order README.txt lists them. */
export const FILE_GUIDE: Record<string, FileGuide> = {
  'electorate.csv': {
    what: 'The roll: every person who qualifies, one a row.',
    columns: personColumns
  },
  'contributors.csv': {
    what:
      'Everyone with counted activity, every person added by the config (include) and every excluded ' +
      'person, with their status.',
    columns: contributorColumns
  },
  'unlinked.csv': {
    what:
      'Commit identities (email and name) that GitHub links to no account and the config maps to none: ' +
      'their commits count for nobody until the config\'s "emails:" maps them.',
    columns: () => UNLINKED_COLUMNS,
    meanings: {
      email: 'the commit author email (empty when the outputs carry no emails)',
      name: 'the commit author name',
      commits: "that identity's commits in the window"
    }
  },
  'evidence.csv': {
    what: 'One row per counted item, so that every number of contributors.csv can be checked by hand.',
    columns: () => EVIDENCE_COLUMNS
  },
  'changes.csv': {
    what: 'Who joined and who left the roll since the previous one given, and why.',
    columns: () => CHANGES_COLUMNS,
    meanings: { reason: 'why, in words', score: 'the score in this run' }
  },
  'voters.yaml': {
    what: 'The qualified logins as "eligible_voters:", for Elekto.'
  },
  'civs-voters.txt': {
    what: "The qualified people's emails, one a line, for a private CIVS poll."
  },
  'helios-voters.csv': {
    what:
      "The qualified people with an email, for Helios's voter upload. No header row (Helios would take " +
      'it for a voter) and no spreadsheet guard (Helios is no spreadsheet).',
    columns: () => HELIOS_FIELDS,
    headerless: true,
    meanings: { password: 'the word "password": the voter type Helios expects', login: 'the voter id' }
  },
  [HELIOS_GITHUB_VOTERS]: {
    what:
      "Every qualified person as a Helios voter who signs in with GitHub, for Helios's voter upload; " +
      'needs no email. No header row.',
    columns: () => ['github', 'login'],
    headerless: true,
    meanings: { github: 'the word "github": the voter type Helios expects', login: 'the voter id' }
  },
  [CI_JOBS_CSV]: {
    what:
      'One row per job of every workflow file on the default branch of each repository, and whether ' +
      'someone on the roll keeps it.',
    columns: () => CI_JOBS_COLUMNS,
    meanings: {
      workflow: 'the workflow file, .github/workflows/NAME.yml',
      job: "the job's id",
      job_name: "the job's name:, empty when it has none",
      maintainers: "people whose merged pull requests in the window changed the file, ';'-separated",
      last_changed: 'when the last of those pull requests was merged, UTC',
      codeowners: "the owners CODEOWNERS gives the file: logins, and teams as org/team, ';'-separated",
      status:
        'maintained (a maintainer or a CODEOWNERS user is on the roll), unmaintained, or unparsable ' +
        '(GitHub could not run the file either)'
    }
  },
  [CANDIDATES_CSV]: {
    what: 'Each candidate named (candidates input or config), and whether they are on the roll.',
    columns: () => CANDIDATES_COLUMNS,
    meanings: {
      login: 'the candidate, as GitHub spells the login',
      eligible: 'true exactly when the candidate is on the roll',
      shortfall: "what the nearest rule still lacks, like 'reviews 3 < 5', ';'-separated; empty when eligible"
    }
  },
  [ACCESS_CSV]: {
    what:
      'With access on: every role a person holds in the organization, its teams and its repositories, ' +
      'and whether they were active in the window.',
    columns: () => ACCESS_COLUMNS,
    meanings: {
      role: 'owner, member, team-maintainer, team-member or collaborator (outside collaborator)',
      scope: 'the organization, the team (org/slug) or the repository (owner/name)',
      permission:
        "admin or member for the organization, the team's repositories in scope as " +
        "owner/name=permission ';'-separated, the collaborator's admin or maintain on the repository",
      active: 'true when the person has any counted activity in the window',
      on_roll: 'true when the person is on the roll (electorate.csv)',
      score: 'the score in this run'
    }
  },
  'summary.md': {
    what: "The run's summary in Markdown, the one shown as the job summary."
  },
  [REPORT_HTML]: {
    what:
      'One self-contained page to browse in a web browser: the contributors, sortable and filterable, ' +
      'each number opening its evidence; with access on, the idle key holders and thinly held repositories.'
  },
  [RECORDS_FILE]: {
    what:
      'Everything gathered from GitHub (gzip of JSON lines: a header line with the window, the ' +
      'organization and the repositories, then one record a line, then one profile a line), to score ' +
      'again without GitHub.'
  },
  'report.json': {
    what:
      'The tool version, window, organization, repositories with their counts, the effective config and ' +
      'its sha256, the totals, the GitHub API requests and points used, the warnings, and the sha256 of ' +
      'every other file of this folder.'
  },
  [README_TXT]: { what: 'This file.' }
}

const METRIC_MEANINGS: Record<(typeof METRICS)[number], string> = {
  commits: 'non-merge commits on default branches, co-authored ones included',
  merged_prs: "the person's pull requests that were merged",
  reviews: "others' pull requests the person reviewed",
  triaged: "others' issues the person triaged (labeled, assigned, closed, ...)",
  issue_comments: "others' issues the person commented on",
  ci: 'merged pull requests by the person that change CI files (config ci.paths)'
}

/** What a column means wherever a file's guide does not say otherwise. Metrics count inside the window. */
export const COLUMN_MEANINGS: Record<string, string> = {
  login: 'the GitHub account, spelled as GitHub spells it',
  name: 'the profile name, else the newest commit author name',
  email: 'the public profile email, else the newest commit email of their own commits',
  other_emails: "the person's other commit emails, ';'-separated",
  score: 'the weighted sum of the metrics (config scoring.weights)',
  ...METRIC_MEANINGS,
  qualified_by: 'the first rule that holds, like reviews>=5, or "include: <reason>"',
  first_activity: 'the earliest counted item, UTC',
  last_activity: 'the latest counted item, UTC',
  profile_url: 'the GitHub profile',
  status: 'qualified, not-qualified or excluded',
  note: 'why: the exclusion rule, the include reason, a warning',
  example_url: 'one of those commits',
  metric: 'the metric the item counts for',
  repository: 'owner/name',
  url: 'the item on GitHub',
  at: 'when it happened, UTC',
  change: 'added, removed or respelled (the same person, a new spelling of the login)'
}

export interface FolderFacts {
  toolVersion: string
  organization: string
  /** As written in the other files: YYYY-MM-DDTHH:MM:SSZ. */
  since: string
  until: string
  includeEmails: boolean
}

const INDENT = '  '

/** README.txt for a folder holding `files` (README.txt among them): the same facts give the same bytes. */
export function readmeTxt(files: readonly string[], facts: FolderFacts): string {
  const unknown = files.filter(name => !(name in FILE_GUIDE))
  if (unknown.length > 0) throw new Error(`README.txt has no description of ${unknown.join(', ')}`)
  const present = Object.keys(FILE_GUIDE).filter(name => files.includes(name))
  const out: string[] = [
    `Written by electorate ${facts.toolVersion} for the organization ${facts.organization}.`,
    `Window: from ${facts.since} (inclusive) until ${facts.until} (exclusive), UTC.`,
    'Every count below is of items inside the window.',
    ''
  ]
  if (present.some(name => FILE_GUIDE[name]!.columns && !FILE_GUIDE[name]!.headerless))
    out.push(
      'CSV files are UTF-8 with a header row, RFC 4180 quoting and CRLF line ends, sorted by login',
      "(case-insensitive). A cell that starts with = + - @ a tab or a carriage return has a leading '",
      'added, so that no spreadsheet runs it as a formula.',
      ...(present.some(name => FILE_GUIDE[name]!.headerless)
        ? ["The Helios files are in Helios' own format instead: no header row, LF line ends."]
        : []),
      ''
    )
  out.push('FILES', '')
  for (const name of present) {
    const guide = FILE_GUIDE[name]!
    out.push(name, ...wrapped(guide.what, INDENT))
    const columns = guide.columns?.(facts.includeEmails)
    if (columns) {
      out.push(`${INDENT}${guide.headerless ? 'Fields of each line' : 'Columns'}, in this order:`)
      const meaning = (column: string) => guide.meanings?.[column] ?? COLUMN_MEANINGS[column] ?? ''
      out.push(...aligned(columns.map(column => [column, meaning(column)])).map(line => INDENT + line))
    }
    out.push('')
  }
  if (present.includes('report.json')) {
    const example = present.includes('electorate.csv') ? 'electorate.csv' : present[0]!
    out.push(
      'CHECKING A FILE',
      '',
      ...wrapped(
        'report.json holds the sha256 of every other file of this folder under "files". Compute the ' +
          "file's own and compare:",
        ''
      ),
      ...aligned([
        [`sha256sum ${example}`, '(Linux)'],
        [`shasum -a 256 ${example}`, '(macOS)'],
        [`Get-FileHash ${example}`, '(Windows PowerShell; it prints capitals)']
      ]),
      ''
    )
  }
  if (present.includes(RECORDS_FILE)) {
    out.push(
      'SCORING AGAIN',
      '',
      ...wrapped(
        `${RECORDS_FILE} holds everything gathered from GitHub. To score it again, with another config ` +
          '(criteria, aliases, emails, includes, exclusions), with no token and no request to GitHub, ' +
          'using the electorate CLI (its README says how to install it):',
        ''
      ),
      `${INDENT}electorate --from-records ${RECORDS_FILE} --config electorate.yml --output-dir rescored`,
      ''
    )
  }
  return out.join('\n')
}

/** Two columns, the second one aligned, indented once. */
function aligned(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `${INDENT}${left.padEnd(width)}  ${right}`.trimEnd())
}

/** Text broken into lines of at most 100 characters at spaces, each with the indent. */
function wrapped(text: string, indent: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > 100) {
      lines.push(indent + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(indent + line)
  return lines
}
