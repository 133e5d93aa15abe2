import { formatScore } from '../csv.js'
import { escapeHtml } from './html-escape.js'

export interface Bar {
  label: string
  value: number
}

const WIDTH = 520
const LABEL_WIDTH = 170
const VALUE_WIDTH = 60
const ROW_HEIGHT = 26
const BAR_HEIGHT = 16

/**
 * A horizontal bar chart as inline SVG: one row per bar, its label left and its number right of the bar,
 * so the numbers can be read without hovering and the chart needs no script nor library.
 */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const largest = Math.max(1, ...bars.map(bar => bar.value))
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const height = Math.max(1, bars.length) * ROW_HEIGHT + 8
  const rows = bars.map((bar, index) => {
    const y = index * ROW_HEIGHT + 4
    const length = bar.value > 0 ? Math.max(1, Math.round((bar.value / largest) * barSpace)) : 0
    const middle = y + BAR_HEIGHT / 2
    return [
      `<g class="bar">`,
      `<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle">${escapeHtml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}" rx="2"></rect>`,
      `<text class="value" x="${LABEL_WIDTH + length + 6}" y="${middle}" dominant-baseline="middle">${formatScore(bar.value)}</text>`,
      `</g>`
    ].join('')
  })
  const empty = bars.length === 0 ? `<text x="0" y="16">none</text>` : ''
  return [
    `<figure class="chart">`,
    `<figcaption id="${id}">${escapeHtml(title)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    ...rows,
    empty,
    `</svg>`,
    `</figure>`
  ].join('\n')
}
