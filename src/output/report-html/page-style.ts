/** The page's whole stylesheet: inline, so the file opens from an artifact zip with no network. */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da;
  --qualified: #1a7f37; --not-qualified: #9a6700; --excluded: #cf222e; --bar: #0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 24px; color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
a { color: var(--accent); }
.window { color: var(--muted); margin: 0 0 16px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 8px; margin: 0; }
.facts div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.facts dt { color: var(--muted); font-size: 12px; }
.facts dd { margin: 0; font-size: 18px; font-weight: 600; overflow-wrap: anywhere; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.chart svg { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: var(--ink); }
.chart rect { fill: var(--bar); }
.warnings li { color: var(--not-qualified); }
.controls { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin: 8px 0; }
.controls input { min-width: 240px; }
.controls input, .controls select { font: inherit; padding: 4px 6px; }
#shown-count { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f6f8fa; white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible, td button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.number, th[data-type="number"] { text-align: right; font-variant-numeric: tabular-nums; }
td button.evidence { all: unset; cursor: pointer; color: var(--accent); text-decoration: underline; }
tbody tr:hover { background: #f6f8fa; }
.status { font-weight: 600; white-space: nowrap; }
#people td:first-child { white-space: nowrap; }
.status.qualified { color: var(--qualified); }
.status.not-qualified { color: var(--not-qualified); }
.status.excluded { color: var(--excluded); }
dialog { max-width: min(720px, 92vw); max-height: 80vh; border: 1px solid var(--line); border-radius: 8px; padding: 16px; }
dialog::backdrop { background: rgba(31, 35, 40, 0.4); }
dialog h2 { margin-top: 0; }
dialog ol { padding-left: 28px; }
dialog time { color: var(--muted); margin-left: 8px; font-size: 12px; }
.files code { font-size: 12px; overflow-wrap: anywhere; }
footer { margin-top: 32px; color: var(--muted); }
`
