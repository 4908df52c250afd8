/** Small views shared by the play screens. */
import { Box, Text } from "ink";
import { wrap } from "../../report/wrap.js";

export function TrustMeter({ level, label }: { level: number; label: string }) {
  const filled = Math.round(level / 10);
  return (
    <Text>
      {label} <Text color={level < 30 ? "red" : level < 55 ? "yellow" : "green"}>{"█".repeat(filled)}</Text>
      <Text dimColor>{"░".repeat(10 - filled)}</Text> {Math.round(level)}
    </Text>
  );
}

export function Hints({ text }: { text: string }) {
  return (
    <Box marginTop={1}>
      <Text dimColor wrap="wrap">
        {text}
      </Text>
    </Box>
  );
}

export function Menu({ items, cursor }: { items: readonly string[]; cursor: number }) {
  return (
    <Box flexDirection="column">
      {items.map((item, k) => (
        <Text key={k} inverse={k === cursor} wrap="truncate-end">
          {k === cursor ? "› " : "  "}
          {item}
        </Text>
      ))}
    </Box>
  );
}

export interface ScrollLine {
  readonly text: string;
  readonly heading: boolean;
}

/** A window of `rows` lines from `offset` (clamped so the last page stays full). */
export function ScrollView({ lines, rows, offset }: { lines: readonly ScrollLine[]; rows: number; offset: number }) {
  const start = Math.min(offset, Math.max(0, lines.length - rows));
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + rows).map((line, k) => (
        <Text key={start + k} bold={line.heading} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Box>
  );
}

/** Word-wraps a text to a width, so scrolling can count lines; blank lines stay. */
export function wrapText(text: string, width: number): string[] {
  return text.split("\n").flatMap((paragraph) => {
    const lines = wrap(paragraph, width);
    return lines.length > 0 ? lines : [""];
  });
}
