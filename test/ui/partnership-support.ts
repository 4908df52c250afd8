/** The fixture partnership (test/partnership/fixture.ts) as the play UI's only scenario, and a way to play it through with keys. */
import { canAccept } from "../../src/play/table.js";
import type { Language } from "../../src/scenario/schema.js";
import type { BetweenState, PlayOptions, PlayState, ScenarioChoice, TerminalSize } from "../../src/ui/play/state.js";
import { smallPartnership } from "../partnership/fixture.js";
import { ENTER, SIZE_80x24, type KeyLike, press, start } from "./support.js";

/** The bindings of partnerships, exercised by partnership-reducer.test.ts rather than reducer.test.ts. */
export const PARTNERSHIP_BINDINGS: readonly string[] = [
  "negotiate.keep",
  "negotiate.reveal",
  "between.scroll",
  "between.continue",
  "between.quit",
  "review.choose",
  "review.select",
  "review.number",
  "review.scroll",
  "review.quit",
];

export const PARTNERSHIP: ScenarioChoice = { id: "small-partnership", scenario: smallPartnership() };

/** The partnership options: Alpha (a founder, holding the hidden shared facility) against logrollers. */
export function partnershipOptions(lang: Language = "en", overrides: Partial<PlayOptions> = {}): PlayOptions {
  return { scenarios: [PARTNERSHIP], lang, seed: "7", scenarioId: PARTNERSHIP.id, partyId: "a", partner: "logroller", name: "Team", ...overrides };
}

/** On the briefing of the fixture partnership. */
export function partnershipBriefing(lang: Language = "en", size: TerminalSize = SIZE_80x24): PlayState {
  return start(partnershipOptions(lang), size);
}

export const isReview = (state: PlayState): state is BetweenState => state.screen === "between" && state.game.partnership?.waiting.kind === "review";

/**
 * Plays on with keys to the debrief, every state kept: Enter on the briefing and between
 * phases, `decide` at each review, and at the table accept what can be, keep an agreement,
 * or else offer the builder's package.
 */
export function playPartnership(first: PlayState, decide: (review: number) => KeyLike[]): PlayState[] {
  const states = [first];
  let state = first;
  let reviews = 0;
  for (let step = 0; step < 300 && state.screen !== "debrief"; step++) {
    let keys: KeyLike[] = [ENTER];
    if (isReview(state)) keys = decide(reviews++);
    else if (state.screen === "negotiate") {
      const { session, setup } = state.game;
      if (session.agreed) keys = ["h"];
      else if (canAccept(session, setup.trainee)) keys = session.standing?.kind === "meso" ? ["a", "1"] : ["a"];
      else keys = ["o"];
    }
    state = press(state, ...keys);
    states.push(state);
  }
  return states;
}
