import { Box } from "ink";
import { Hints, type ScrollLine, ScrollView } from "./components.js";
import type { PlayState } from "./state.js";
import { PLAY_TEXT } from "./text.js";

export type DebriefLine = ScrollLine;

/** The debrief, scrolled: `lines` are the debrief's sections flattened, headings marked. */
export function DebriefScreen({ state, lines, rows, savedTo }: { state: PlayState; lines: readonly DebriefLine[]; rows: number; savedTo?: string }) {
  const t = PLAY_TEXT[state.options.lang];
  return (
    <Box flexDirection="column" paddingX={1}>
      <ScrollView lines={lines} rows={Math.max(5, rows - 3)} offset={state.debriefScroll} />
      <Hints text={`${t.debriefHint}${savedTo ? ` · ${t.savedTo(savedTo)}` : ""}`} />
    </Box>
  );
}
