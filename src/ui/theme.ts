/**
 * The play UI's look in one place: a token per kind of text, and the trust levels at which
 * the meter changes colour. With NO_COLOR (or when Ink is told FORCE_COLOR=0) every style
 * falls away and the screens still read: the cursor is a "›", offers that differ a "≠".
 */
export const STYLES = {
  plain: {},
  heading: { bold: true },
  selected: { inverse: true },
  dim: { dimColor: true },
  you: { color: "cyan" },
  news: { color: "magenta" },
  notice: { color: "yellow" },
  prompt: { color: "yellow", bold: true },
  differs: { color: "yellow" },
  standing: { color: "green", bold: true },
  trustLow: { color: "red" },
  trustMid: { color: "yellow" },
  trustHigh: { color: "green" },
} as const satisfies Record<string, { color?: string; bold?: boolean; inverse?: boolean; dimColor?: boolean }>;

export type StyleToken = keyof typeof STYLES;

/** Trust below LOW is red, below MID yellow, else green: about where partners walk away and where they open up. */
export const TRUST_LEVELS = { low: 30, mid: 55 } as const;

export function trustStyle(level: number): StyleToken {
  return level < TRUST_LEVELS.low ? "trustLow" : level < TRUST_LEVELS.mid ? "trustMid" : "trustHigh";
}

/** Cells of the trust meter (one per ten points). */
export const TRUST_METER_CELLS = 10;
