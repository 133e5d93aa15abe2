import type { AccessFindings } from '../../stewardship/access.js'
import { escapeHtml } from './html-escape.js'

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = columns.map(column => `<th scope="col">${escapeHtml(column)}</th>`).join('')
  const body = rows.map(row => `<tr>${row.map(cell => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
  return [
    `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>`,
    ...body,
    `</tbody></table></div>`
  ].join('\n')
}

/** The same findings as the summary's Access section: idle key holders and thinly held repositories. */
export function accessSection(access: AccessFindings): string {
  const idle = access.idleKeyHolders
  const thin = access.thinlyHeld
  return [
    `<section class="access" aria-labelledby="access-title">`,
    `<h2 id="access-title">Access</h2>`,
    `<p>${access.rows.length} roles held (access.csv lists each). Owners hold admin on every repository of their organization.</p>`,
    `<h3>Owner, admin or maintain, and no activity in the window (${idle.length})</h3>`,
    table(
      ['login', 'role', 'scope', 'permission'],
      idle.map(r => [r.login, r.role, r.scope, r.permission])
    ),
    `<h3>Repositories with fewer than two active people holding admin or maintain (${thin.length})</h3>`,
    table(
      ['repository', 'active holders'],
      thin.map(r => [r.repository, r.activeHolders.join(', ')])
    ),
    `</section>`
  ].join('\n')
}
