/** UTF-16 code unit order: the same on every machine, unlike localeCompare. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The order of logins (and emails) in every output: case-insensitive, byte order breaking ties. */
export function caseInsensitiveOrder(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x !== y) return x < y ? -1 : 1
  return byCodeUnits(a, b)
}
