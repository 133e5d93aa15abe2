import { stringify } from 'csv-stringify/sync'
import { PLAIN_UTC_SECOND, utcSecond } from '../window.js'

// RFC 4180 ends records with CRLF; spreadsheets and csv-parse read it back unchanged either way.
export const RECORD_DELIMITER = '\r\n'

// csv-stringify quotes a field with a comma, a quote or its record delimiter; `quote_record_delimiter`
// (off by default once a delimiter is named) quotes a bare CR or LF too: spreadsheets and Python's csv
// end a row at either.
const QUOTING = { quote_record_delimiter: true } as const

/** One record: the fields, comma-separated, then the record delimiter; no formula guard. */
export function csvRecord(fields: readonly string[], delimiter: string = RECORD_DELIMITER): string {
  return stringify([fields], { ...QUOTING, record_delimiter: delimiter })
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
// The full-width forms are included because some spreadsheets fold them to their ASCII twins. The set is
// csv-stringify's `escape_formulas`, which guards the cells written (a test holds the two together); here
// it serves reading a guarded cell back.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

/** A text cell as written: prefixed with `'` when a spreadsheet would take it for a formula. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_STARTS.has(text.charAt(0)) ? `'${text}` : text
}

/** A cell as read back: the `'` that spreadsheetSafe put before a formula start taken off again. */
export function withoutSpreadsheetGuard(text: string): string {
  return text.startsWith("'") && FORMULA_STARTS.has(text.charAt(1)) ? text.slice(1) : text
}

/** A score as a plain decimal: `12`, `7.5`, never an exponent nor float noise like `0.30000000000000004`. */
export function formatScore(score: number): string {
  if (!Number.isFinite(score)) throw new Error(`cannot write score ${score}`)
  const fixed = score.toFixed(6)
  const trimmed = fixed.replace(/0+$/, '').replace(/\.$/, '')
  return trimmed === '-0' ? '0' : trimmed
}

/** An instant as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds); '' stays '' (no activity). */
export function formatTime(instant: string): string {
  if (instant === '' || PLAIN_UTC_SECOND.test(instant)) return instant
  if (Number.isNaN(Date.parse(instant))) throw new Error(`cannot write time ${JSON.stringify(instant)}`)
  return utcSecond(instant)
}

/** A cell: text goes through the formula guard; numbers (counts, scores) are written as plain decimals. */
export type Cell = string | number

const OPTIONS = {
  ...QUOTING,
  record_delimiter: RECORD_DELIMITER,
  escape_formulas: true,
  cast: { number: formatScore }
} as const

// What csv-stringify, with the options above, writes exactly as it is: no quote to double, no comma, CR or
// LF to quote, no formula start (its `escape_formulas` set) to guard. Such rows are joined here. The
// library spends about 0.4 µs on a cell whatever it holds: 0.45 s for the quarter of a million rows of
// evidence.csv on the huge world, a fifth of all the work after the last answer, where joining cells that
// need nothing takes 0.05 s. Every cell that needs anything is still written by the library, and a test
// holds the rows joined here to the library's bytes for cells of every awkward kind.
const AS_IS = /^(?:[^",\r\n=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20][^",\r\n]*)?$/

/** The row as csv-stringify writes it when no cell needs quoting or guarding; undefined otherwise. */
function rowAsIs(row: readonly Cell[]): string | undefined {
  let line = ''
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!
    if (typeof cell === 'string' && !AS_IS.test(cell)) return undefined
    // A number needs nothing either: the guard passes numbers by, and a score has no comma or quote.
    line += (i === 0 ? '' : ',') + (typeof cell === 'number' ? formatScore(cell) : cell)
  }
  return line + RECORD_DELIMITER
}

/** A whole CSV file: header row, then one record per row, every record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const parts = [csvRecord(header)]
  // Rows that need the library go to it together, in the order they come.
  let waiting: Cell[][] = []
  const flush = () => {
    if (waiting.length > 0) parts.push(stringify(waiting, OPTIONS))
    waiting = []
  }
  for (const row of rows) {
    const line = rowAsIs(row)
    if (line === undefined) waiting.push(row as Cell[])
    else {
      flush()
      parts.push(line)
    }
  }
  flush()
  return parts.join('')
}
