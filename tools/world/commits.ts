import { between, iso, pickPersona, pickRepository, type Forge } from './forge.js'
import type { Persona } from './people.js'
import { commitSubject } from './text.js'
import { DAY } from './time.js'
import type { WorldCommit, WorldCommitAuthor } from './types.js'

// Default-branch history: exact commit counts per persona and period, a few co-authors (AI agents
// among them), sign-offs, merge commits.

const YEAR = 365 * DAY
const COAUTHOR_SHARE = 40 / 2100

const COPILOT: WorldCommitAuthor = {
  name: 'Copilot',
  email: '198982749+Copilot@users.noreply.github.com',
  login: null
}
const CURSOR: WorldCommitAuthor = { name: 'Cursor', email: 'cursoragent@cursor.com', login: null }

export function commitAuthor(forge: Forge, persona: Persona): WorldCommitAuthor {
  const { email, login } = persona.emails[forge.random.weighted(persona.emails.map(e => e.share))]
  return { name: persona.name, email, login }
}

function coAuthor(forge: Forge, personas: Persona[], author: Persona): WorldCommitAuthor {
  const roll = forge.random.next()
  if (roll < 0.25) return COPILOT
  if (roll < 0.35) return CURSOR
  const other = pickPersona(forge.random, personas, 'commitsPerYear')
  return other === author ? COPILOT : commitAuthor(forge, other)
}

export function makeCommit(
  forge: Forge,
  at: number,
  authors: WorldCommitAuthor[],
  options: { signoff?: { name: string; email: string }; parents?: number; subject?: string } = {}
): WorldCommit {
  const { random } = forge
  const trailers = authors.slice(1).map(a => `Co-authored-by: ${a.name} <${a.email}>`)
  if (options.signoff) trailers.push(`Signed-off-by: ${options.signoff.name} <${options.signoff.email}>`)
  const subject = options.subject ?? commitSubject(random)
  const message = trailers.length
    ? `${subject}\n\nSome explanation of why.\n\n${trailers.join('\n')}`
    : subject
  return {
    oid: random.hex(40),
    committedDate: iso(at),
    authoredDate: iso(at - random.int(0, 3 * 24 * 3600) * 1000),
    message,
    parents: options.parents ?? 1,
    authors
  }
}

export function personaCommit(forge: Forge, personas: Persona[], persona: Persona, at: number): WorldCommit {
  const author = commitAuthor(forge, persona)
  const authors = [author]
  if (forge.random.chance(COAUTHOR_SHARE)) authors.push(coAuthor(forge, personas, persona))
  const signoff = forge.random.chance(0.92) ? { name: persona.name, email: persona.signoffEmail } : undefined
  return makeCommit(forge, at, authors, { signoff })
}

/** Commits of one team: `commitsPerYear` exactly inside the default window, the rest around it. */
export function generateCommits(forge: Forge, personas: Persona[], team: number): void {
  const { random, start, since, until, now } = forge
  const periods = [
    {
      from: start,
      to: since,
      rate: (p: Persona) => p.commitsPerYearBefore * forge.activity * ((since - start) / YEAR)
    },
    { from: since + 1000, to: until, rate: (p: Persona) => p.commitsPerYear * forge.activity },
    {
      from: until + 1000,
      to: now,
      rate: (p: Persona) => p.commitsPerYear * forge.activity * ((now - until) / YEAR)
    }
  ]
  for (const persona of personas) {
    for (const { from, to, rate } of periods) {
      for (let n = Math.round(rate(persona)); n > 0 && to > from; n--) {
        const repository = pickRepository(forge, team)
        repository.commits.push(personaCommit(forge, personas, persona, between(random, from, to)))
      }
    }
  }
  const maintainers = personas.filter(p => p.login && p.reviewWeight >= 3)
  for (const repository of forge.repositories.filter(r => r.team === team && r.defaultBranch)) {
    // Some repositories merge with merge commits: those never count.
    for (let n = Math.ceil(repository.commits.length / 40); n > 0; n--) {
      const merger = maintainers.length
        ? random.pick(maintainers)
        : pickPersona(random, personas, 'commitsPerYear')
      const subject = `Merge pull request #${random.int(100, 9999)} from ${merger.login}/topic`
      const commit = makeCommit(forge, between(random, start, now), [commitAuthor(forge, merger)], {
        parents: 2,
        subject
      })
      repository.commits.push(commit)
    }
  }
}
