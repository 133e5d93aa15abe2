import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readPreviousRoll } from '../../src/output/previous-roll.js'
import { COLUMN_MEANINGS, FILE_GUIDE, readmeTxt } from '../../src/output/readme-txt.js'
import { OUTPUT_FILES, writeOutputs } from '../../src/output/write.js'
import { RECORDS_FILE } from '../../src/records-file/format.js'
import { electorate, meta } from './electorate-fixture.js'

const dirs: string[] = []
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'electorate-readme-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

interface Described {
  name: string
  columns: string[]
}

/** The FILES section read back: each file named at the line's start, its columns indented twice. */
function describedFiles(text: string): Described[] {
  const lines = text.split('\n')
  const start = lines.indexOf('FILES') + 2
  const end = lines.findIndex((line, i) => i > start && /^[A-Z][A-Z ]+$/.test(line))
  const files: Described[] = []
  let inColumns = false
  for (const line of lines.slice(start, end === -1 ? undefined : end)) {
    if (/^\S/.test(line)) files.push({ name: line, columns: [] })
    else if (/^ {2}(Columns|Fields of each line), in this order:$/.test(line)) inColumns = true
    else if (inColumns && /^ {4}\S/.test(line)) files.at(-1)!.columns.push(line.trim().split(/\s+/)[0]!)
    else inColumns = false
  }
  return files
}

async function previousRoll() {
  const dir = await freshDir()
  await writeFile(join(dir, 'old.csv'), 'login\r\nalice\r\ngone\r\n')
  return readPreviousRoll(join(dir, 'old.csv'))
}

describe('README.txt', () => {
  it.each([
    ['with emails and a previous roll', true, true],
    ['without emails', false, false]
  ])('%s lists every file of the folder, and each CSV its header row', async (_, emails, withPrevious) => {
    const dir = await freshDir()
    const previous = withPrevious ? await previousRoll() : undefined
    await writeOutputs(dir, electorate(), meta(), { includeEmails: emails, previous })
    const text = await readFile(join(dir, 'README.txt'), 'utf8')
    const described = describedFiles(text)
    expect(described.map(file => file.name).sort()).toEqual((await readdir(dir)).sort())
    for (const { name, columns } of described) {
      if (!name.endsWith('.csv')) continue
      const content = await readFile(join(dir, name), 'utf8')
      const firstLine = content.slice(0, content.search(/\r?\n/))
      if (FILE_GUIDE[name]!.headerless) {
        if (content !== '') expect(firstLine.split(',').length, name).toBe(columns.length)
      } else expect(columns, name).toEqual(firstLine.split(','))
    }
    expect(text).toContain(`organization ${meta().organization}`)
    expect(text).toMatch(
      /^Window: from \d{4}-\d\d-\d\dT00:00:00Z \(inclusive\) until .* \(exclusive\), UTC\.$/m
    )
  })

  it('is hashed in report.json like every other file, and can be checked the way it says', async () => {
    const dir = await freshDir()
    await writeOutputs(dir, electorate(), meta(), { includeEmails: true })
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {
      files: Record<string, string>
    }
    const readme = await readFile(join(dir, 'README.txt'))
    expect(report.files['README.txt']).toBe(createHash('sha256').update(readme).digest('hex'))
    expect(readme.toString()).toContain('sha256sum electorate.csv')
  })

  it('is the same bytes for the same data', async () => {
    const [first, second] = [await freshDir(), await freshDir()]
    await writeOutputs(first, electorate(), meta(), { includeEmails: true })
    await writeOutputs(second, electorate(), meta(), { includeEmails: true })
    expect(await readFile(join(first, 'README.txt'))).toEqual(await readFile(join(second, 'README.txt')))
  })

  it('describes every file a run may write, and every column of them', () => {
    for (const name of [...OUTPUT_FILES, RECORDS_FILE]) expect(FILE_GUIDE, name).toHaveProperty([name])
    for (const [name, guide] of Object.entries(FILE_GUIDE))
      for (const emails of [true, false])
        for (const column of guide.columns?.(emails) ?? [])
          expect(guide.meanings?.[column] ?? COLUMN_MEANINGS[column], `${name}: ${column}`).toBeTruthy()
  })

  it('refuses to describe a folder holding a file it knows nothing of', () => {
    const facts = { toolVersion: '1', organization: 'o', since: 'a', until: 'b', includeEmails: true }
    expect(() => readmeTxt(['electorate.csv', 'mystery.csv', 'README.txt'], facts)).toThrow(
      'README.txt has no description of mystery.csv'
    )
  })

  it('says how to score again only where the records file is', () => {
    const facts = { toolVersion: '1', organization: 'o', since: 'a', until: 'b', includeEmails: true }
    const gathered = readmeTxt([RECORDS_FILE, 'README.txt'], facts)
    expect(describedFiles(gathered).map(file => file.name)).toEqual([RECORDS_FILE, 'README.txt'])
    expect(gathered).toContain(`\n  electorate --from-records ${RECORDS_FILE}`)
    expect(gathered).not.toContain('CHECKING A FILE')
    expect(gathered).not.toContain('CSV files are')
  })
})
