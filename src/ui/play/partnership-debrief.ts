/**
 * The debrief of a partnership game, as the debrief screen shows it. For now: the debrief of
 * its last negotiation (the game's session is the last phase that had one). The full
 * partnership debrief (every phase, the reviews, what the ambition and the hidden terms
 * brought) replaces this function; the screen needs only its sections.
 */
import { type TextSection } from "../../report/debrief-text.js";
import { computeDebrief, debriefSections } from "../../report/debrief.js";
import { makeTranscript } from "../../negotiation/transcript.js";
import type { PartnershipGame } from "../../play/partnership.js";
import type { Language } from "../../scenario/schema.js";

export function partnershipDebriefSections(game: PartnershipGame, lang: Language, width: number): TextSection[] {
  const { session, setup } = game;
  const transcript = makeTranscript(session, { trainee: setup.trainee, surprise: setup.surprise, lang, complete: session.ended, savedAt: new Date(0) });
  return debriefSections(computeDebrief(transcript, session), setup.scenario, lang, width);
}
