import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { UsageError } from '../options.js'
import { withoutSpreadsheetGuard } from './csv.js'

/** The logins of an earlier electorate.csv, as it spelled them, in its order, each once. */
export interface PreviousRoll {
  path: string
  logins: string[]
}

// The other CSVs of an output folder have a login column too, and a column no roll has: taken for a roll,
// contributors.csv would list everyone not qualified as removed.
const OTHER_FILES: readonly [column: string, file: string][] = [
  ['status', 'contributors.csv'],
  ['metric', 'evidence.csv'],
  ['change', 'changes.csv'],
  ['role', 'access.csv'],
  ['eligible', 'candidates.csv']
]

/**
 * Reads an earlier electorate.csv (with or without the email columns, or any CSV with a `login`
 * column but another file of the output folder). A file that cannot be read as such is a usage error:
 * a diff against nothing would tell officials that nobody left the roll.
 */
export async function readPreviousRoll(path: string): Promise<PreviousRoll> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`previous: cannot read ${path}: ${(error as Error).message}`)
  }
  let rows: string[][]
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
  } catch (error) {
    throw new UsageError(`previous: ${path} is not a CSV file: ${(error as Error).message}`)
  }
  const header = (rows[0] ?? []).map(name => name.trim().toLowerCase())
  const column = header.indexOf('login')
  if (column === -1) throw new UsageError(`previous: ${path} has no login column in its header row`)
  const other = OTHER_FILES.find(([marker]) => header.includes(marker))
  if (other)
    throw new UsageError(
      `previous: ${path} looks like ${other[1]}, not a roll (it has a ${other[0]} column); give the ` +
        'earlier electorate.csv'
    )

  const seen = new Set<string>()
  const logins: string[] = []
  for (const row of rows.slice(1)) {
    const login = withoutSpreadsheetGuard((row[column] ?? '').trim())
    if (login === '' || seen.has(login.toLowerCase())) continue
    seen.add(login.toLowerCase())
    logins.push(login)
  }
  return { path, logins }
}
