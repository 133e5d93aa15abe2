import { UsageError } from './options.js'

// What GitHub refuses in an artifact name, as @actions/artifact checks it before an upload (its
// validateArtifactName, which the package does not export): NTFS cannot hold these in a file name.
const REFUSED_IN_NAMES = new Map([
  ['"', 'a double quote'],
  [':', 'a colon'],
  ['<', 'a less-than sign'],
  ['>', 'a greater-than sign'],
  ['|', 'a vertical bar'],
  ['*', 'an asterisk'],
  ['?', 'a question mark'],
  ['\r', 'a carriage return'],
  ['\n', 'a line feed'],
  ['\\', 'a backslash'],
  ['/', 'a forward slash']
])

/**
 * The artifact's name, checked with the other inputs: a name GitHub would refuse must end the run before
 * the gathering, not after it.
 */
export function artifactName(value: string): string {
  const name = value || 'electorate'
  for (const [character, described] of REFUSED_IN_NAMES)
    if (name.includes(character))
      throw new UsageError(
        `artifact-name: ${JSON.stringify(name)} holds ${described}, which GitHub refuses in an artifact name ` +
          `(none of " : < > | * ? \\ / or a line break)`
      )
  return name
}

/** GitHub keeps an artifact 1 to 90 days in a public repository and up to 400 in a private one. */
const LONGEST_RETENTION_DAYS = 400

/**
 * Days to keep the artifact; undefined for the repository's setting. Above that setting GitHub itself
 * refuses the upload, naming the limit: only GitHub knows it.
 */
export function retentionDays(value: string): number | undefined {
  if (value === '') return undefined
  const days = Number(value)
  if (!Number.isInteger(days) || days < 1 || days > LONGEST_RETENTION_DAYS)
    throw new UsageError(
      `retention-days: expected a whole number from 1 to ${LONGEST_RETENTION_DAYS}, got ${JSON.stringify(value)}`
    )
  return days
}
