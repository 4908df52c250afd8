/**
 * The English message catalogue, the reference: nl.ts has exactly the same keys and
 * placeholders (a test checks it). Messages are ICU MessageFormat; the number formats
 * (points, whole, signed, signedWhole, percent) are described in ../translate.ts.
 * Keys are grouped by where the text is shown.
 */
export const EN = {
  // ── play: the picker, the briefing, the negotiation and debrief screens ─────────────────
  "play.pick.scenario": "Pick a scenario",
} satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
