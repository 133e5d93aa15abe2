import type { Logger } from '../options.js'
import { GitHubMissingError } from './errors.js'

/**
 * Pull requests and issues deleted on GitHub between their listing and their reading. They no longer
 * exist there either, so they are left out rather than failing the run; each is named in a warning and
 * counted in the report, so none is dropped quietly.
 */
export class DeletedMeanwhile {
  readonly items: string[] = []
  constructor(private readonly log: Logger) {}

  note(kind: 'pull request' | 'issue', repository: string, number: number): void {
    const name = `${kind} ${repository}#${number}`
    this.items.push(name)
    this.log.warning(deletedWarning(name))
  }
}

/** The error says the `node(id:)` a follow-up page was read from is gone, and nothing else is wrong. */
export const followUpGone = (error: unknown): boolean =>
  error instanceof GitHubMissingError && error.onlyGone(path => path.length === 1 && path[0] === 'node')

/** The warning, in the log and in the report, for an item left out. */
export const deletedWarning = (name: string): string =>
  `${name} was deleted on GitHub during the run: left out`
