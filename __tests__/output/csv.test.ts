import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { type Cell, formatScore, formatTime, spreadsheetSafe, toCsv } from '../../src/output/csv.js'

describe('spreadsheetSafe', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2', '@x', '\tlead', '\rlead', '\uFF1D1+1'])(
    'prefixes %j with a quote',
    text => expect(spreadsheetSafe(text)).toBe(`'${text}`)
  )

  it.each(['alice', 'a=b', 'x-1', '', "'quoted", ' =spaced'])('leaves %j alone', text =>
    expect(spreadsheetSafe(text)).toBe(text)
  )
})

describe('formatScore', () => {
  it.each([
    [12, '12'],
    [7.5, '7.5'],
    [0.1 + 0.2, '0.3'],
    [0, '0'],
    [1e-7, '0'],
    [1 / 3, '0.333333'],
    [2.000001, '2.000001'],
    [1e20, '100000000000000000000'],
    [120, '120']
  ])('writes %d as %s', (score, written) => expect(formatScore(score)).toBe(written))

  it('refuses what is not a number', () => {
    expect(() => formatScore(Number.NaN)).toThrow(/score/)
  })
})

describe('formatTime', () => {
  it('writes UTC to the second', () => {
    expect(formatTime('2024-03-01T10:00:00.123Z')).toBe('2024-03-01T10:00:00Z')
    expect(formatTime('2024-03-01T12:00:00+02:00')).toBe('2024-03-01T10:00:00Z')
    expect(formatTime('')).toBe('')
  })

  it('refuses a time it cannot read', () => {
    expect(() => formatTime('yesterday')).toThrow(/yesterday/)
  })
})

describe('toCsv', () => {
  const tricky = [
    'Müller, Jürgen',
    'say "hi"',
    'two\nlines',
    'cr\rinside',
    'crlf\r\ninside',
    'tab\tinside',
    '李雷',
    'emoji 🗳️',
    ''
  ]

  it('ends every record with CRLF and quotes only where needed', () => {
    const text = toCsv(['a', 'b'], [['plain', 'with,comma']])
    expect(text).toBe('a,b\r\nplain,"with,comma"\r\n')
  })

  it('reads back every tricky cell unchanged', () => {
    const text = toCsv(
      ['value'],
      tricky.map(cell => [cell])
    )
    const rows = parse(text, { columns: true }) as { value: string }[]
    expect(rows.map(row => row.value)).toEqual(tricky)
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('quotes a bare CR or LF too, so a reader that ends rows at any line break reads the same cells', () => {
    const text = toCsv(
      ['value'],
      tricky.map(cell => [cell])
    )
    expect(text).toContain('"two\nlines"')
    expect(text).toContain('"cr\rinside"')
    // What spreadsheets and Python's csv do: CR, LF and CRLF all end a row outside quotes.
    const rows = parse(text, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as { value: string }[]
    expect(rows.map(row => row.value)).toEqual(tricky)
  })

  it('reads back guarded cells with exactly one leading quote', () => {
    const dangerous = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@x', '\tx', '\rx']
    const text = toCsv(
      ['value'],
      dangerous.map(cell => [cell])
    )
    const rows = parse(text, { columns: true }) as { value: string }[]
    expect(rows.map(row => row.value)).toEqual(dangerous.map(cell => `'${cell}`))
  })

  it('writes the bytes csv-stringify writes, for rows that need nothing and rows of every awkward kind', () => {
    const awkward = [
      ',',
      '"',
      '\r',
      '\n',
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\uFF1D',
      '\uFF0B',
      '\uFF0D',
      '\uFF20',
      "'"
    ]
    // Unicode's own line and paragraph separators, NEL, VT, FF, a BOM and lone surrogates need nothing either.
    const safe = ['a', 'Z', '0', ' ', '.', '/', ':', '#', 'é', '李', '🗳️', ';', '\\', '\u0000']
    safe.push(
      '\u2028',
      '\u2029',
      '\u0085',
      '\u000B',
      '\u000C',
      '\uFEFF',
      '\uD800',
      '\uDC00',
      '\u2212',
      '\uFE63'
    )
    let seed = 42
    const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n
    const text = (alphabet: string[]) =>
      Array.from({ length: next(5) }, () => alphabet[next(alphabet.length)]!).join('')
    const cell = (alphabet: string[]): Cell =>
      next(6) === 0 ? [-1.5, 0, -0, 0.1 + 0.2, 12, 1e-7, 1e21][next(7)]! : text(alphabet)
    // Half the rows of cells that need nothing, half with awkward characters anywhere, interleaved.
    const rows = Array.from({ length: 4000 }, (_, i) =>
      Array.from({ length: 1 + next(4) }, () => cell(i % 2 ? safe : [...safe, ...awkward]))
    )
    const library = stringify(rows, {
      quote_record_delimiter: true,
      record_delimiter: '\r\n',
      escape_formulas: true,
      cast: { number: formatScore }
    })
    expect(toCsv(['a', 'b'], rows)).toBe('a,b\r\n' + library)
  })

  it('writes numbers without the guard', () => {
    expect(toCsv(['n'], [[7.5], [0.1 + 0.2]])).toBe('n\r\n7.5\r\n0.3\r\n')
  })
})
