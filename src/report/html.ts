/**
 * One self-contained HTML page: inline styles, inline SVG, no script, no font or image to
 * fetch, so it opens offline, projects and prints the same. The print stylesheet lays it
 * out on A4 landscape and keeps charts and table rows whole.
 */
import type { Language } from "../i18n/language.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: every character that could start markup escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

const STYLE = `
:root { color-scheme: light; }
body { font: 18px/1.45 system-ui, sans-serif; color: #111; background: #fff; margin: 0 auto; padding: 1.5rem 2rem; max-width: 72rem; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #4c78a8; }
h3 { font-size: 1.15rem; margin: 1.3rem 0 .4rem; }
p, li { max-width: 60rem; }
.meta { color: #555; }
figure { margin: .8rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.number, th.number { text-align: right; }
pre { font: .85rem/1.35 ui-monospace, monospace; white-space: pre-wrap; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid; }
  figure, tr, li { break-inside: avoid; }
  .group { break-before: page; }
  .group:first-of-type { break-before: auto; }
}`;

export function htmlPage(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A chart with its description for screen readers and a caption. */
export function figure(id: string, svg: string, description: string): string {
  return `<figure id="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(description)}">${svg}<figcaption>${escapeHtml(description)}</figcaption></figure>`;
}

/** A table: a header row, then the rows; columns whose index is in `numbers` are right-aligned. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], numbers: ReadonlySet<number> = new Set()): string {
  const cell = (tag: "th" | "td", text: string, c: number) => `<${tag}${numbers.has(c) ? ' class="number"' : ""}>${escapeHtml(text)}</${tag}>`;
  return `<table><thead><tr>${header.map((text, c) => cell("th", text, c)).join("")}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((text, c) => cell("td", text, c)).join("")}</tr>`)
    .join("")}</tbody></table>`;
}
