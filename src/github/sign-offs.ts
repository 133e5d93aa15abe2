import type { SignOff } from '../records.js'

const SIGNED_OFF_BY = /^[ \t]*Signed-off-by:[ \t]*(.*?)[ \t]*<([^<>\s]+)>[ \t]*$/gim

/** The `Signed-off-by: Name <email>` trailers of a commit message, in order. */
export function parseSignOffs(message: string): SignOff[] {
  return [...message.matchAll(SIGNED_OFF_BY)].map(([, name, email]) => ({ name: name.trim(), email }))
}
