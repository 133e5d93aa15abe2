import { expect } from 'vitest'
import { parseConfig } from '../../src/config/load.js'
import { UsageError } from '../../src/options.js'

export const FILE = '.github/electorate.yml'

/** The `file:line: path: message` lines of the one UsageError that parsing `yaml` throws. */
export function errorsOf(yaml: string): string[] {
  try {
    parseConfig(yaml, FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    const [heading, ...lines] = (error as Error).message.split('\n')
    expect(heading).toMatch(/^The config file has (an error|\d+ errors):$/)
    return lines.map(line => line.trim())
  }
  throw new Error('expected the config to be refused')
}
