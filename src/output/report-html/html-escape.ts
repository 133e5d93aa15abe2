// Every value in report.html comes from GitHub or a config file: names, notes and urls are untrusted text.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text made safe for an element's content and for a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => HTML_ESCAPES[char])
}

/**
 * JSON for a `<script type="application/json">`: `<`, `>` and `&` are written as \u escapes so that no
 * value can close the script element or open a comment; U+2028/2029 so that older parsers read it too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** The url when it is an absolute http(s) url; null otherwise (`javascript:`, relative, garbage). */
export function httpUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/** A link that opens GitHub in a new tab without giving it a handle on this page; plain text when unsafe. */
export function externalLink(url: string, text: string): string {
  const href = httpUrl(url)
  if (href === null) return escapeHtml(text)
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${escapeHtml(text)}</a>`
}
