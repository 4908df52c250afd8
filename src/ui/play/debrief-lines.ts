/** The debrief of a finished (or abandoned) game as lines for the debrief screen and plain output. */
import { makeTranscript } from "../../negotiation/transcript.js";
import type { Session } from "../../negotiation/session.js";
import { computeDebrief, debriefSections } from "../../report/debrief.js";
import type { Language } from "../../scenario/schema.js";
import type { DebriefLine } from "./DebriefScreen.js";
import type { Game } from "./state.js";

export function debriefLines(game: Game, session: Session, width: number, lang: Language): DebriefLine[] {
  const transcript = makeTranscript(session, {
    trainee: game.trainee,
    surprise: game.surprise,
    lang,
    complete: session.ended,
    savedAt: new Date(),
  });
  const debrief = computeDebrief(transcript, session);
  return debriefSections(debrief, game.scenario, lang, width).flatMap((section) => [
    { text: section.title, heading: true },
    ...section.lines.map((text) => ({ text, heading: false })),
    { text: " ", heading: false },
  ]);
}
