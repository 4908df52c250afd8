/** Draws a screen's lines (layout/*.ts) with the theme's styles: the only Ink view of the play UI. */
import { Box, Text } from "ink";
import { STYLES } from "../theme.js";
import type { Line } from "./layout/lines.js";

export function Screen({ lines }: { lines: readonly Line[] }) {
  return (
    <Box flexDirection="column" paddingX={1}>
      {lines.map((line, k) => (
        // Every line already fits the width; truncation only guards against a terminal narrower than reported.
        <Text key={k} wrap="truncate-end">
          {line.map((segment, s) => (
            <Text key={s} {...(segment.style ? STYLES[segment.style] : {})}>
              {segment.text}
            </Text>
          ))}
          {line.length === 0 || line.every((segment) => segment.text === "") ? " " : ""}
        </Text>
      ))}
    </Box>
  );
}
