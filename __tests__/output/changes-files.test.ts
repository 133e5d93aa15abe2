import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/options.js'
import { CHANGES_COLUMNS } from '../../src/output/changes.js'
import { contributorColumns, electorateCsv, EVIDENCE_COLUMNS } from '../../src/output/csv-files.js'
import { ACCESS_COLUMNS, CANDIDATES_COLUMNS } from '../../src/output/stewardship-csv.js'
import { readPreviousRoll } from '../../src/output/previous-roll.js'
import { writeOutputs } from '../../src/output/write.js'
import { electorate, meta, person } from './electorate-fixture.js'

const dirs: string[] = []
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'electorate-changes-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(await freshDir(), name)
  await writeFile(path, text, 'utf8')
  return path
}

describe('readPreviousRoll', () => {
  it('reads back the logins of an electorate.csv this tool wrote, with or without emails', async () => {
    const people = [person('alice'), person('Bob', { name: '=HYPERLINK("x")' })]
    for (const includeEmails of [true, false]) {
      const path = await fileWith('electorate.csv', electorateCsv(people, includeEmails))
      expect((await readPreviousRoll(path)).logins).toEqual(['alice', 'Bob'])
    }
  })

  it("takes off the formula guard's leading ' where the writer added one, and nothing else", async () => {
    const path = await fileWith('roll.csv', "name,login\r\nA,'-dash\r\nB,'plain\r\nC,carol\r\n")
    expect((await readPreviousRoll(path)).logins).toEqual(['-dash', "'plain", 'carol'])
  })

  it('reads a file a spreadsheet saved: byte-order mark, LF, blank lines, a login twice in two cases', async () => {
    const path = await fileWith('roll.csv', '\uFEFFLogin,score\n\nalice,1\n ALICE ,2\nbob,3\n')
    expect((await readPreviousRoll(path)).logins).toEqual(['alice', 'bob'])
  })

  it('is a usage error naming the file when it is missing, not CSV, or has no login column', async () => {
    const dir = await freshDir()
    const missing = join(dir, 'nope.csv')
    await expect(readPreviousRoll(missing)).rejects.toThrow(UsageError)
    await expect(readPreviousRoll(missing)).rejects.toThrow(`previous: cannot read ${missing}`)
    const broken = await fileWith('broken.csv', 'login,name\n"alice,unclosed\n')
    await expect(readPreviousRoll(broken)).rejects.toThrow(`previous: ${broken} is not a CSV file`)
    const noLogin = await fileWith('people.csv', 'user,score\nalice,1\n')
    await expect(readPreviousRoll(noLogin)).rejects.toThrow(`previous: ${noLogin} has no login column`)
    await expect(readPreviousRoll(dir)).rejects.toThrow(UsageError)
  })
})

describe('readPreviousRoll given another file of the folder', () => {
  // Each has a login column, and each would read as a roll: contributors.csv would turn every person
  // not qualified into "removed" in changes.csv.
  const others: [string, readonly string[]][] = [
    ['contributors.csv', contributorColumns(true)],
    ['contributors.csv', contributorColumns(false)],
    ['evidence.csv', EVIDENCE_COLUMNS],
    ['changes.csv', CHANGES_COLUMNS],
    ['access.csv', ACCESS_COLUMNS],
    ['candidates.csv', CANDIDATES_COLUMNS]
  ]
  it.each(others)('refuses %s, naming what it looks like', async (name, columns) => {
    const path = await fileWith(name, `${columns.join(',')}\r\n${columns.map(() => 'alice').join(',')}\r\n`)
    await expect(readPreviousRoll(path)).rejects.toThrow(UsageError)
    await expect(readPreviousRoll(path)).rejects.toThrow(`looks like ${name}, not a roll`)
  })
})

describe('writeOutputs with a previous roll', () => {
  it('writes changes.csv, hashes it in report.json and adds the section to the summary', async () => {
    const previousPath = await fileWith('electorate.csv', 'login\r\nalice\r\ngone\r\n')
    const previous = await readPreviousRoll(previousPath)
    const dir = await freshDir()
    const written = await writeOutputs(dir, electorate(), meta(), { includeEmails: true, previous })

    const text = await readFile(join(dir, 'changes.csv'), 'utf8')
    const rows = parse(text, { columns: true }) as Record<string, string>[]
    expect(rows.map(row => [row.login, row.change, row.reason])).toEqual([
      ['Bob', 'added', 'reviews>=5'],
      ['gone', 'removed', 'no activity in the window']
    ])
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))
    expect(report.files['changes.csv']).toBe(createHash('sha256').update(text).digest('hex'))
    expect(written.files['changes.csv'].sha256).toBe(report.files['changes.csv'])

    expect(written.summary).toContain(
      '## Changes since the previous roll\n\nCompared with electorate.csv (2 people): 1 added, 1 removed.'
    )
    expect(written.summary).toContain(
      '| login | why | score |\n| --- | --- | ---: |\n| gone | no activity in the window | 0 |'
    )
    expect(written.summary).not.toContain(previousPath)
  })

  it('writes no changes.csv and no section without a previous roll, and removes an earlier changes.csv', async () => {
    const dir = await freshDir()
    await writeFile(join(dir, 'changes.csv'), 'login,change,reason\r\nold,removed,x\r\n')
    const written = await writeOutputs(dir, electorate(), meta(), { includeEmails: true })
    expect(await readdir(dir)).not.toContain('changes.csv')
    expect(written.summary).not.toContain('Changes since')
  })

  it('folds a long list of removed people', async () => {
    const logins = Array.from({ length: 25 }, (_, i) => `left-${String(i).padStart(2, '0')}`)
    const previous = { path: 'roll.csv', logins: ['alice', 'Bob', ...logins] }
    const written = await writeOutputs(await freshDir(), electorate(), meta(), {
      includeEmails: true,
      previous
    })
    expect(written.summary).toContain(
      '<details><summary>Removed (25 people)</summary>\n\n| login | why | score |'
    )
  })
})
