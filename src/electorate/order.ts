/** The order of logins (and emails) in every output: case-insensitive, byte order breaking ties. */
export function caseInsensitiveOrder(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x !== y) return x < y ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
