/**
 * A screen is a list of lines, each a list of styled segments, laid out by pure functions
 * for a given width and height: the Ink view only draws them. Every line is at most the
 * width it is drawn in (display columns), and a screen never has more lines than fit.
 */
import { displayWidth, pad, truncate, wrap } from "../../../report/wrap.js";
import type { StyleToken } from "../../theme.js";

export interface Segment {
  readonly text: string;
  readonly style?: StyleToken;
}

export type Line = readonly Segment[];

export function line(text: string, style?: StyleToken): Line {
  return [style ? { text, style } : { text }];
}

/** Columns a screen's text may use: the terminal's width less a margin of one column each side. */
export function contentWidth(size: { readonly columns: number }): number {
  return Math.max(20, size.columns - 2);
}

/** Lines a screen may use: one fewer than the terminal has, so that drawing never scrolls it. */
export function contentHeight(size: { readonly rows: number }): number {
  return Math.max(3, size.rows - 1);
}

export const BLANK: Line = [{ text: "" }];

export function lineWidth(segments: Line): number {
  let width = 0;
  for (const segment of segments) width += displayWidth(segment.text);
  return width;
}

export function lineText(segments: Line): string {
  return segments.map((segment) => segment.text).join("");
}

/** The line cut to `width` columns (an ellipsis where it was cut). */
export function fit(segments: Line, width: number): Line {
  if (lineWidth(segments) <= width) return segments;
  const kept: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    const room = width - used;
    if (room <= 0) break;
    const text = truncate(segment.text, room);
    kept.push({ ...segment, text });
    used += displayWidth(text);
    if (text !== segment.text) break;
  }
  return kept;
}

/** A text wrapped to `width`, every line in one style; `indent` starts the lines after the first. */
export function paragraph(text: string, width: number, style?: StyleToken, indent = "", firstIndent = ""): Line[] {
  return wrap(text, width, indent, firstIndent).map((wrapped) => line(wrapped, style));
}

/** Several paragraphs (a text with line breaks); blank lines stay. */
export function paragraphs(text: string, width: number, style?: StyleToken): Line[] {
  return text.split("\n").flatMap((part) => (part.trim() ? paragraph(part, width, style) : [BLANK]));
}

export { displayWidth, pad, truncate };
