// The hand-written writer that csv-stringify replaced, kept here only as the reference: the library's
// output must be the same bytes over names built to break CSV.
import { describe, expect, it } from 'vitest'
import { csvRecord, spreadsheetSafe, toCsv } from '../../src/output/csv.js'

const NEEDS_QUOTES = /[",\r\n]/
const handField = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text)
const handRecord = (fields: readonly string[], delimiter = '\r\n') =>
  fields.map(handField).join(',') + delimiter
const handCsv = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  handRecord(header) + rows.map(row => handRecord(row.map(spreadsheetSafe))).join('')

const ADVERSARIAL = [
  '',
  'plain',
  'Müller, Jürgen',
  'say "hi"',
  '"',
  '""',
  ',',
  'two\nlines',
  'cr\rinside',
  'crlf\r\ninside',
  '\r\n',
  '\n',
  'trailing\r',
  'tab\tinside',
  '=HYPERLINK("http://evil.example","click")',
  '+1',
  '-2',
  '@mention',
  '\tlead',
  '\rlead',
  '\nlead',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20x',
  "'quoted",
  "'=already",
  ' =spaced',
  '李雷',
  'emoji 🗳️',
  '\u202Eevil\u202C',
  'nul\u0000inside',
  'a'.repeat(300)
]

describe('csv-stringify against the hand-written writer', () => {
  it('writes the same bytes for every adversarial cell, in every column position', () => {
    const rows = ADVERSARIAL.map((cell, i) => [cell, ADVERSARIAL[(i + 7) % ADVERSARIAL.length]!, 'x'])
    expect(toCsv(['a', 'b', 'c'], rows)).toBe(handCsv(['a', 'b', 'c'], rows))
  })

  it('writes the same unguarded records, with either line end', () => {
    for (const delimiter of ['\r\n', '\n'])
      for (const cell of ADVERSARIAL)
        expect(csvRecord(['password', cell, cell], delimiter)).toBe(
          handRecord(['password', cell, cell], delimiter)
        )
  })

  it('guards exactly the first characters our guard does, over the whole basic plane', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = `${String.fromCharCode(code)}x`
      expect(toCsv([], [[text]]).slice(2), `U+${code.toString(16)}`).toBe(handRecord([spreadsheetSafe(text)]))
    }
  })
})
