/**
 * Text in lines that fit a terminal, measured in display columns (string-width: a wide
 * character takes two, a combining mark none), not in code units. Words (or items such as
 * a package's terms) are never broken, unless one alone is wider than a line.
 */
import cliTruncate from "cli-truncate";
import stringWidth from "string-width";

/**
 * Characters one column wide each, whatever the terminal: printable Latin, punctuation,
 * arrows, maths, box drawing and shapes (no combining marks, no wide or zero-width ones).
 * Text made only of them is measured by its length; string-width, exact but slow, does the rest.
 */
const NARROW = /^[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2190-\u21ff\u2200-\u22ff\u2500-\u25ff]*$/;

export function displayWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** The text cut to `width` columns, with an ellipsis where it was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (displayWidth(text) <= width) return text;
  return NARROW.test(text) ? `${text.slice(0, width - 1).trimEnd()}…` : cliTruncate(text, width, { position: "end" });
}

/** Padded with spaces to `width` columns, on the right (or on the left for `start`). */
export function pad(text: string, width: number, side: "end" | "start" = "end"): string {
  const room = Math.max(0, width - displayWidth(text));
  return side === "end" ? text + " ".repeat(room) : " ".repeat(room) + text;
}

/** Words of `text` in lines of at most `width` columns. */
export function wrap(text: string, width: number, indent = "", firstIndent = indent): string[] {
  const words: string[] = [];
  for (const word of text.split(" ").filter(Boolean)) {
    // "25 %" stays on one line.
    if (word.startsWith("%") && words.length > 0) words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  return pack(words, " ", width, indent, firstIndent);
}

/** Items joined by `separator` into lines of at most `width` columns, never breaking an item that fits a line. */
export function pack(items: readonly string[], separator: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const separatorWidth = displayWidth(separator);
  for (const item of items) {
    const itemWidth = displayWidth(item);
    if (line && lineWidth + separatorWidth + itemWidth <= width) {
      line += separator + item;
      lineWidth += separatorWidth + itemWidth;
      continue;
    }
    if (line) lines.push(line);
    const lead = lines.length === 0 ? firstIndent : indent;
    // An item wider than a line is broken where the line ends: cut, it would be lost.
    const pieces = breakApart(item, Math.max(1, width - displayWidth(lead)));
    for (const piece of pieces.slice(0, -1)) lines.push(lead + piece);
    line = lead + pieces[pieces.length - 1];
    lineWidth = displayWidth(line);
  }
  if (line) lines.push(line);
  return lines;
}

/** The text in pieces of at most `width` columns, split between characters. */
function breakApart(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const pieces: string[] = [];
  let piece = "";
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    if (piece && displayWidth(piece + segment) > width) {
      pieces.push(piece);
      piece = "";
    }
    piece += segment;
  }
  pieces.push(piece);
  return pieces;
}
