/** The conversation pane's lines: the conversation (src/play/conversation.ts) wrapped to the pane, styled by speaker. */
import type { TalkEntry } from "../../../play/conversation.js";
import type { StyleToken } from "../../theme.js";
import { type Line, paragraph } from "./lines.js";

const SPEAKER_STYLES: Record<TalkEntry["speaker"], StyleToken | undefined> = { you: "you", partner: undefined, news: "news", side: "dim" };

/** The entries wrapped to `width`, each under its round number, continuation lines indented. */
export function talkLines(entries: readonly TalkEntry[], width: number): Line[] {
  return entries.flatMap((entry) => {
    const lead = `[${entry.round}] `;
    return paragraph(entry.text, width, SPEAKER_STYLES[entry.speaker], " ".repeat(Math.min(lead.length, 6)), lead);
  });
}
