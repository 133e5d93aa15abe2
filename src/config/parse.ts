import { LineCounter, parseDocument } from 'yaml'
import { configError, formatPath, type ConfigProblem } from './problems.js'
import { configSchema, type Config, type Rule } from './schema.js'
import { schemaProblems } from './schema-problems.js'
import { semanticProblems } from './semantic-problems.js'
import { lineOf } from './yaml-lines.js'

/**
 * The config written in `text`, with every default filled in. Throws one UsageError listing every
 * problem as `fileName:line: key.path: message`. An empty file is all defaults.
 */
export function parseConfig(text: string, fileName: string): Config {
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true })
  if (document.errors.length > 0) {
    // An unclosed bracket is found at the end of the text; say the last line, not the one after it.
    const lastLine = Math.max(1, text.trimEnd().split('\n').length)
    throw configError(
      fileName,
      document.errors.map(error => ({
        line: Math.min(error.linePos?.[0].line ?? 1, lastLine),
        text: `YAML syntax error: ${error.message.split(/ at line \d+|\n/)[0]}`
      }))
    )
  }
  let input: unknown
  try {
    input = document.toJS() ?? {}
  } catch (error) {
    throw configError(fileName, [{ line: 1, text: `YAML error: ${(error as Error).message}` }])
  }
  const parsed = configSchema.safeParse(input)
  const problems: ConfigProblem[] = [
    ...(parsed.success ? [] : schemaProblems(parsed.error.issues, input)),
    ...semanticProblems(input)
  ]
  if (problems.length > 0 || !parsed.success) {
    throw configError(
      fileName,
      problems.map(problem => ({
        line: lineOf(document, lines, problem.path),
        text: problem.path.length > 0 ? `${formatPath(problem.path)}: ${problem.message}` : problem.message
      }))
    )
  }
  return {
    ...parsed.data,
    criteria: inWrittenOrder(parsed.data.criteria, input),
    emails: lowerCased(parsed.data.emails)
  }
}

/** zod rebuilds objects in the schema's key order; a rule's minimums must read as written (`qualified_by`). */
function inWrittenOrder(criteria: Rule[], input: unknown): Rule[] {
  const written = (input as { criteria?: unknown }).criteria
  if (!Array.isArray(written)) return criteria
  return criteria.map((rule, index) => {
    const keys = Object.keys(written[index] as object) as Array<keyof Rule>
    return Object.fromEntries(keys.map(key => [key, rule[key]])) as Rule
  })
}

/** Emails are matched case-insensitively; the parse has already refused keys that differ only in case. */
function lowerCased(emails: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(emails).map(([email, login]) => [email.toLowerCase(), login]))
}
