/** Text in lines that fit a terminal: words (or items such as a package's terms) are never broken. */

/** Words of `text` in lines of at most `width` columns; a word longer than a line keeps a line of its own. */
export function wrap(text: string, width: number, indent = "", firstIndent = indent): string[] {
  const words: string[] = [];
  for (const word of text.split(" ").filter(Boolean)) {
    // "25 %" stays on one line.
    if (word.startsWith("%") && words.length > 0) words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  return pack(words, " ", width, indent, firstIndent);
}

/** Items joined by `separator` into lines of at most `width` columns, never breaking an item. */
export function pack(items: readonly string[], separator: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line && line.length + separator.length + item.length > width) {
      lines.push(line);
      line = indent + item;
    } else line = line ? `${line}${separator}${item}` : firstIndent + item;
  }
  if (line) lines.push(line);
  return lines;
}
