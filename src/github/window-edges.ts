/** The gathering window: `since` counts, `until` does not. GitHub's own date filters include both. */
export interface Window {
  since: Date
  until: Date
}

export function inWindow(at: string | null | undefined, window: Window): boolean {
  if (!at) return false
  const t = Date.parse(at)
  return t >= window.since.getTime() && t < window.until.getTime()
}
