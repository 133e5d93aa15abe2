import { withoutAddresses } from '../email-privacy.js'
import type { Electorate } from '../electorate/types.js'

// Warnings are free text written by gathering and resolution; some name commit identities by email.
/** Gathering's warnings then the electorate's, with emails hidden when the output must carry none. */
export function reportWarnings(
  electorate: Electorate,
  gatherWarnings: readonly string[],
  includeEmails: boolean
): string[] {
  const warnings = [...gatherWarnings, ...electorate.warnings]
  return includeEmails ? warnings : warnings.map(withoutAddresses)
}
