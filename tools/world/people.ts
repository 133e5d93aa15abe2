import type { Scale } from './generate.js'
import type { Random } from './random.js'
import type { WorldUser } from './types.js'

// The cast of a world: who commits, reviews, triages, reports, under which names and emails. Weights
// are relative; `commitsPerYear` is exact so the calibration of the `kata` scale holds for any seed.

export interface CommitEmail {
  email: string
  /** The account GitHub links this email to; null when it links to none. */
  login: string | null
  /** Share of the persona's commits made with this email. */
  share: number
}

export interface Persona {
  /** null for someone who has no GitHub account at all. */
  login: string | null
  name: string
  emails: CommitEmail[]
  /** `Signed-off-by:` email; usually the first commit email, sometimes another one of the same person. */
  signoffEmail: string
  /** Non-merge commits in the 12 months before the default `until`. */
  commitsPerYear: number
  /** Commits per year before the window (the 6 months of history that precede it). */
  commitsPerYearBefore: number
  reviewWeight: number
  triageWeight: number
  commentWeight: number
  issueWeight: number
}

const FIRST = [
  'Ana',
  'Bruno',
  'Chen',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Mei',
  'Nikolai',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoë',
  'Søren',
  'Łukasz',
  'Aarav',
  'Björn',
  'Chiara',
  'Dário'
]
const LAST = [
  'Alves',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Huang',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Li',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Sato',
  'Tanaka',
  'Usman',
  'Varga',
  'Wang',
  'Xu',
  'Yilmaz',
  'Zhang',
  'Nguyễn',
  'Ørsted'
]

const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

export function noreplyEmail(id: number, login: string): string {
  return `${id}+${login}@users.noreply.github.com`
}

interface Role {
  commitsPerYear: number
  before?: number
  review?: number
  triage?: number
  comment?: number
  issue?: number
}

/** Commits per year of the `kata` scale: a few very active maintainers, a long tail of 1-3. */
export function kataRoles(random: Random): Role[] {
  const top = [840, 260, 240, 160, 70, 62, 55, 50, 42, 36]
  const reviewTop = [10, 8, 8, 6, 4, 4, 3, 3, 2, 2]
  const roles: Role[] = top.map((commits, i) => ({
    commitsPerYear: commits,
    before: commits * (i === 3 ? 0.2 : 1),
    review: reviewTop[i],
    triage: i < 4 ? 6 - i : 0.6,
    comment: 4,
    issue: 2
  }))
  for (let i = 0; i < 25; i++)
    roles.push({ commitsPerYear: 10 - Math.floor(i / 4), review: 0.3, triage: 0.05, comment: 0.6, issue: 1 })
  for (let i = 0; i < 60; i++)
    roles.push({
      commitsPerYear: random.int(1, 3),
      before: random.chance(0.5) ? 2 : 0,
      comment: 0.1,
      issue: 0.5
    })
  for (let i = 0; i < 8; i++) roles.push({ commitsPerYear: 0, review: 1.2, comment: 1, issue: 0.5 })
  for (let i = 0; i < 3; i++) roles.push({ commitsPerYear: 0, triage: 2.5, comment: 2, issue: 0.5 })
  for (let i = 0; i < 60; i++) roles.push({ commitsPerYear: 0, comment: 0.3, issue: 1.5 })
  // Former maintainers: active before the window only.
  for (let i = 0; i < 4; i++) roles.push({ commitsPerYear: 0, before: 60, review: 0, comment: 0.1 })
  return roles
}

function smallRoles(): Role[] {
  return [
    { commitsPerYear: 30, review: 6, triage: 4, comment: 3, issue: 1 },
    { commitsPerYear: 12, review: 3, triage: 1, comment: 2, issue: 1 },
    { commitsPerYear: 0, review: 4, comment: 1 },
    { commitsPerYear: 0, triage: 4, comment: 2 },
    { commitsPerYear: 0, comment: 1, issue: 3 },
    { commitsPerYear: 0, before: 20 }
  ]
}

interface CastOptions {
  random: Random
  scale: Scale
  /** Index of a 30-repository team of the `large` scale; the special personas live in team 0. */
  team: number
  userBot: string
  createdAt: () => string
  taken: Set<string>
  nextId: () => number
}

function uniqueLogin(base: string, taken: Set<string>): string {
  let login = base.slice(0, 36)
  for (let n = 2; taken.has(login.toLowerCase()); n++) login = `${base.slice(0, 34)}${n}`
  taken.add(login.toLowerCase())
  return login
}

/** Adds the personas (and the users they need) of one team to `users`. */
export function castTeam(options: CastOptions, users: WorldUser[]): Persona[] {
  const { random, taken } = options
  const personas: Persona[] = []
  const addUser = (login: string, name: string, email = '', type: WorldUser['type'] = 'User') => {
    users.push({ login, type, name, email, createdAt: options.createdAt() })
  }
  const person = (
    login: string | null,
    name: string,
    email: string,
    role: Role,
    extra: CommitEmail[] = []
  ) => {
    const emails: CommitEmail[] = [
      { email, login, share: 1 - extra.reduce((a, e) => a + e.share, 0) },
      ...extra
    ]
    const persona: Persona = {
      login,
      name,
      emails,
      signoffEmail: email,
      commitsPerYear: role.commitsPerYear,
      commitsPerYearBefore: role.before ?? role.commitsPerYear * 0.8,
      reviewWeight: role.review ?? 0,
      triageWeight: role.triage ?? 0,
      commentWeight: role.comment ?? 0,
      issueWeight: role.issue ?? 0
    }
    // GitHub links a noreply email to its account; about 3% of commits use one.
    if (login) {
      emails[0].share -= 0.03
      emails.push({ email: noreplyEmail(options.nextId(), login), login, share: 0.03 })
    }
    personas.push(persona)
    return persona
  }

  const roles = options.scale === 'small' ? smallRoles() : kataRoles(random)
  const smallNames = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']
  roles.forEach((role, i) => {
    const first = FIRST[(i * 7 + options.team * 3) % FIRST.length]
    const last = LAST[(i * 5 + options.team + Math.floor(i / FIRST.length)) % LAST.length]
    const name = options.scale === 'small' ? smallNames[i] : `${first} ${last}`
    let base =
      options.scale === 'small' ? name : ascii(random.chance(0.5) ? `${first}-${last}` : `${first[0]}${last}`)
    base = random.chance(0.15)
      ? base.replace(/(^|-)([a-z])/g, (_, d, c) => d + c.toUpperCase())
      : base.toLowerCase()
    const login = uniqueLogin(base, taken)
    const profileName = random.chance(0.9) ? name : ''
    const publicEmail = random.chance(0.05) || i === 0 ? `${login.toLowerCase()}@public.example` : ''
    addUser(login, profileName, publicEmail)
    const domain = random.pick(['example.com', 'corp.example', 'lab.example', 'mail.example'])
    const p = person(login, name, `${login.toLowerCase()}@${domain}`, role)
    // Some sign off with another address of their own, same name.
    if (random.chance(0.1)) p.signoffEmail = `${login.toLowerCase()}@signoff.example`
  })
  if (options.team !== 0) return personas

  const special = (login: string, name: string, role: Role, email: string, extra: CommitEmail[] = []) => {
    taken.add(login.toLowerCase())
    addUser(login, name)
    return person(login, name, email, role, extra)
  }
  const big = options.scale !== 'small'
  special(
    'jose-muller',
    'José Müller',
    { commitsPerYear: big ? 35 : 8, review: 2, comment: 1 },
    'jose@muller.example',
    [{ email: 'jose@old-laptop.example', login: null, share: 0.2 }]
  )
  // The same person's second account: `aliases: { jose-muller: [jmuller-work] }` merges them.
  special(
    'jmuller-work',
    'José Müller',
    { commitsPerYear: big ? 3 : 1, review: 1.5, comment: 0.5 },
    'jose.muller@work.example'
  )
  special('pat-obrien', "O'Brien, Pat", { commitsPerYear: big ? 20 : 4, review: 0.5 }, 'pat@obrien.example')
  // Pat commits from a home address GitHub cannot link: `emails:` maps it.
  personas[personas.length - 1].emails = [{ email: 'pat@obrien-home.example', login: null, share: 1 }]
  special('formula-fan', '=HYPERLINK("http://x")', { commitsPerYear: 2 }, 'formula@fan.example')
  special('lex-smith', 'Alex "Lex" Smith', { commitsPerYear: big ? 10 : 3, issue: 1 }, 'lex@smith.example')
  special('ZhangWei', '张伟', { commitsPerYear: big ? 6 : 2, comment: 0.5 }, 'zhang.wei@lab.example')
  special(
    options.userBot,
    'Project Bot',
    { commitsPerYear: big ? 20 : 5, triage: 2, comment: 1 },
    'bot@project.example'
  )
  person(null, 'Drive-by Dev', 'driveby@example.net', { commitsPerYear: 2 })
  person(null, 'root', 'root@localhost.localdomain', { commitsPerYear: big ? 3 : 1 })
  if (big) person(null, 'Jane Doe', 'jane@personal.example', { commitsPerYear: 4 })
  // Their items sit exactly on the window's edges (see edges.ts).
  for (const login of ['edge-since', 'edge-until']) {
    taken.add(login)
    addUser(login, login)
  }
  for (const bot of ['github-actions', 'copilot-pull-request-reviewer', 'Copilot', 'dependabot']) {
    taken.add(bot.toLowerCase())
    addUser(bot, '', '', 'Bot')
  }
  return personas
}

/** Identities a test config can use: what `aliases`, `emails` and `exclude.bots` should say for this world. */
export function identityHints(organization: string) {
  return {
    aliases: { 'jose-muller': ['jmuller-work'] },
    /** Emails GitHub links to no account whose owner is known. */
    emails: { 'pat@obrien-home.example': 'pat-obrien', 'jose@old-laptop.example': 'jose-muller' },
    /** Emails of people without any account: they stay unlinked whatever the config says. */
    unlinkedEmails: ['driveby@example.net', 'root@localhost.localdomain', 'jane@personal.example'],
    userBots: [userBotLogin(organization)]
  }
}

export const userBotLogin = (organization: string): string =>
  organization === 'kata-containers' ? 'katacontainersbot' : `${organization.replace(/-/g, '')}bot`
