import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'csv-parse/sync'
import { type BrowserContext, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeGitHub } from '../../tools/fake-github/server.js'
import { generateWorld } from '../../tools/world/generate.js'
import { runCli } from '../e2e/run-cli.js'

const CHROMIUM = '/usr/bin/chromium'
const MISSING = `${CHROMIUM} is missing: the browser test of report.html is skipped (apt-get install chromium)`
if (!existsSync(CHROMIUM)) console.warn(MISSING)

const NOW = '2026-04-07T00:00:00Z'
const TOKEN = 'browser-token'
// A profile name GitHub would hand over as is: the page must show it as text and run none of it.
const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>"onmouseover='
/** The screenshots stay after the run so a person can look at them. */
export const SCREENSHOTS = path.join(os.tmpdir(), 'electorate-report-html')

type Row = Record<string, string>
let cwd: string | undefined
let profile: string | undefined
let context: BrowserContext
let page: Page
let reportUrl: string
let contributors: Row[]
let evidence: Row[]
const pageRequests: string[] = []
const githubRequests: string[] = []
const pageErrors: string[] = []

async function visibleRows(): Promise<{ login: string; name: string; score: number; status: string }[]> {
  return page.$$eval('#people tbody tr:not([hidden])', rows =>
    rows.map(row => ({
      login: row.cells[0].textContent ?? '',
      name: row.cells[1].textContent ?? '',
      score: Number(row.querySelector('td:nth-child(5)')?.textContent),
      status: row.getAttribute('data-status') ?? ''
    }))
  )
}

describe.skipIf(!existsSync(CHROMIUM))(`report.html in headless Chromium`, () => {
  beforeAll(async () => {
    const world = generateWorld({ scale: 'small', seed: 1, now: NOW })
    world.users.find(user => user.login === 'lex-smith')!.name = HOSTILE
    const github = await startFakeGitHub({ world, token: TOKEN })
    const dir = await mkdtemp(path.join(os.tmpdir(), 'electorate-browser-'))
    cwd = dir
    try {
      const args = ['--organization', world.organization.login, '--graphql-url', github.url]
      args.push('--since', '2025-04-07', '--until', '2026-04-07')
      const result = await runCli(args, { cwd: dir, env: { GITHUB_TOKEN: TOKEN } })
      expect(result.code, result.stderr).toBe(0)
    } finally {
      await github.close()
    }
    const output = path.join(dir, 'electorate')
    const read = async (file: string) =>
      parse(await readFile(path.join(output, file)), { columns: true }) as Row[]
    contributors = await read('contributors.csv')
    evidence = await read('evidence.csv')
    reportUrl = pathToFileURL(path.join(output, 'report.html')).href

    profile = await mkdtemp(path.join(os.tmpdir(), 'electorate-chromium-profile-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    // Never reach GitHub: every request that is not the file itself is recorded and aborted.
    await context.route('**/*', route => {
      const url = route.request().url()
      if (url === reportUrl) return route.continue()
      githubRequests.push(url)
      return route.abort()
    })
    page = await context.newPage()
    page.on('request', request => pageRequests.push(request.url()))
    page.on('pageerror', error => pageErrors.push(error.message))
    page.on('console', message => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    await page.goto(reportUrl)
  })

  afterAll(async () => {
    await context?.close()
    for (const dir of [profile, cwd]) if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('lists every contributor, with the count of shown rows', async () => {
    const rows = await visibleRows()
    expect(rows.map(row => row.login)).toEqual(contributors.map(row => row.login))
    expect(await page.textContent('#shown-count')).toBe(
      `${contributors.length} of ${contributors.length} people shown`
    )
  })

  it('sorts by score, largest first, then reverses; ties stay in login order', async () => {
    const byScore = [...contributors].sort((a, b) => Number(b.score) - Number(a.score))
    await page.click('#people th:nth-child(5) button')
    expect(await page.getAttribute('#people th:nth-child(5)', 'aria-sort')).toBe('descending')
    expect(await page.getAttribute('#people th:nth-child(1)', 'aria-sort')).toBeNull()
    expect((await visibleRows()).map(row => row.login)).toEqual(byScore.map(row => row.login))
    expect(byScore[0].score).not.toBe(byScore[byScore.length - 1].score)

    await page.click('#people th:nth-child(5) button')
    expect(await page.getAttribute('#people th:nth-child(5)', 'aria-sort')).toBe('ascending')
    const scores = (await visibleRows()).map(row => row.score)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
  })

  it('filters by status and by text in login or name', async () => {
    for (const status of ['excluded', 'not-qualified', 'qualified']) {
      await page.selectOption('#filter-status', status)
      const rows = await visibleRows()
      expect(rows.map(row => row.login).sort()).toEqual(
        contributors
          .filter(row => row.status === status)
          .map(row => row.login)
          .sort()
      )
    }
    await page.selectOption('#filter-status', 'all')
    await page.fill('#filter-text', 'MÜLLER')
    const rows = await visibleRows()
    expect(rows.map(row => row.login).sort()).toEqual(
      contributors
        .filter(row => row.name.toLowerCase().includes('müller'))
        .map(row => row.login)
        .sort()
    )
    expect(rows.length).toBeGreaterThan(0)
    await page.fill('#filter-text', '')
    expect(await visibleRows()).toHaveLength(contributors.length)
  })

  it('shows a hostile profile name as text and runs none of it', async () => {
    const row = (await visibleRows()).find(r => r.login === 'lex-smith')
    expect(row?.name).toBe(HOSTILE)
    expect(await page.$$('#people img, #people tbody script')).toHaveLength(0)
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined()
  })

  it('opens the evidence behind a number, each item linked to its GitHub url', async () => {
    const busiest = [...contributors].sort((a, b) => Number(b.reviews) - Number(a.reviews))[0]
    const wanted = evidence.filter(row => row.login === busiest.login && row.metric === 'reviews')
    expect(wanted.length).toBe(Number(busiest.reviews))

    const row = page.locator('#people tbody tr', {
      has: page.locator(`td:first-child >> text="${busiest.login}"`)
    })
    await row.locator('button.evidence[data-metric="reviews"]').click()
    expect(await page.isVisible('#evidence')).toBe(true)
    expect(await page.textContent('#evidence-title')).toBe(`${busiest.login}: reviews (${wanted.length})`)
    const links = await page.$$eval('#evidence-list a', anchors =>
      anchors.map(a => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target }))
    )
    expect(links.map(link => link.href)).toEqual(wanted.map(row => row.url))
    for (const link of links) {
      expect(link.rel).toContain('noopener')
      expect(link.target).toBe('_blank')
    }
    await mkdir(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOTS, 'evidence.png') })

    // Following a link asks for exactly that url (aborted above, never sent to GitHub).
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#evidence-list a >> nth=0')])
    await expect.poll(() => githubRequests.length).toBeGreaterThan(0)
    // Chromium may ask again after the abort; every request is that one url.
    expect([...new Set(githubRequests)]).toEqual([wanted[0].url])
    await popup.close()
    await page.click('#evidence-close')
    expect(await page.isVisible('#evidence')).toBe(false)
  })

  it('made no request but for the file itself, and logged no error', async () => {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png'), fullPage: true })
    console.info(`report.html screenshots: ${SCREENSHOTS}`)
    expect(pageRequests).toEqual([reportUrl])
    expect(pageErrors).toEqual([])
  })
})
