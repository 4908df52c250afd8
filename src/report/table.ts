/** Plain-text tables for the terminal: aligned columns two spaces apart, the first row the header. */
import { displayWidth, pad } from "./wrap.js";

export type Align = "left" | "right";

const GAP = "  ";

/** The rows as lines of aligned columns; `align` says how each column is aligned. */
export function tableLines(rows: readonly (readonly string[])[], align: (column: number) => Align): string[] {
  const widths = rows[0].map((_, c) => rows.reduce((widest, row) => Math.max(widest, displayWidth(row[c])), 0));
  return rows.map((row) =>
    row.map((cell, c) => pad(cell, widths[c], align(c) === "left" ? "end" : "start")).join(GAP).trimEnd(),
  );
}

/**
 * The rows as a table at most `width` columns wide where it can be: a wider table is split
 * into tables of consecutive columns, each repeating the first `keys` columns (rank and
 * name, say) and separated by a blank line, rather than left for the terminal to wrap.
 * Fewer key columns are repeated when they would take more than half the width.
 */
export function fittedTableLines(
  rows: readonly (readonly string[])[],
  align: (column: number) => Align,
  width: number,
  keys: number,
): string[] {
  const columnWidth = (c: number) => rows.reduce((widest, row) => Math.max(widest, displayWidth(row[c])), 0) + GAP.length;
  const widthOfFirst = (count: number) => Array.from({ length: count }, (_, c) => columnWidth(c)).reduce((sum, w) => sum + w, 0);
  if (widthOfFirst(rows[0].length) <= width + GAP.length) return tableLines(rows, align);
  while (keys > 1 && widthOfFirst(keys) > width / 2) keys--;
  const keyWidth = widthOfFirst(keys);
  const groups: number[][] = [];
  let used = Infinity;
  for (let c = keys; c < rows[0].length; c++) {
    // A column wider than the whole width still gets a table of its own.
    if (used + columnWidth(c) > width + GAP.length) {
      groups.push([]);
      used = keyWidth;
    }
    groups[groups.length - 1].push(c);
    used += columnWidth(c);
  }
  if (groups.length === 0) groups.push([]);
  const keyColumns = Array.from({ length: keys }, (_, c) => c);
  return groups.flatMap((group, g) => {
    const picked = [...keyColumns, ...group];
    const lines = tableLines(
      rows.map((row) => picked.map((c) => row[c])),
      (c) => align(picked[c]),
    );
    return g === 0 ? lines : ["", ...lines];
  });
}
