/**
 * Every screen of a partnership fits the terminal, from 80×24 to 200×60, in both languages:
 * the briefing, every phase's negotiation (the reveal menu, an agreement to improve on, the
 * help), the screens between phases with their review, and the debrief.
 */
import { describe, expect, test } from "vitest";
import type { PlayState } from "../../src/ui/play/state.js";
import { isReview, partnershipBriefing, playPartnership } from "./partnership-support.js";
import { DOWN, END, ENTER, LANGUAGES, PAGE_DOWN, RIGHT, SIZES, expectFits, press } from "./support.js";

/** The states of a partnership played through, adjusting at every review, with a look around on each screen. */
function partnershipStates(lang: "en" | "nl", size: (typeof SIZES)[number]): PlayState[] {
  const briefing = partnershipBriefing(lang, size);
  const year1 = press(briefing, ENTER, "o", "l", "o", ENTER);
  const around = [press(briefing, PAGE_DOWN), press(briefing, END), press(year1, DOWN, DOWN), press(year1, "p"), press(year1, "?"), press(year1, "?", END)];
  const agreed = press(year1, DOWN, DOWN, "p", "1", RIGHT, "o", "l", "o");
  const played = [...playPartnership(briefing, () => [DOWN, ENTER]), ...playPartnership(agreed, (review) => (review === 0 ? ["1"] : ["3"]))];
  const looks = played.flatMap((state) => (state.screen === "between" || state.screen === "debrief" ? [press(state, PAGE_DOWN), press(state, END)] : []));
  return [...around, agreed, ...played, ...looks, ...played.filter(isReview).map((state) => press(state, DOWN))];
}

describe.each(LANGUAGES)("in %s", (lang) => {
  test.each(SIZES)("every screen of a partnership fits $columns×$rows", (size) => {
    const states = partnershipStates(lang, size);
    expect(new Set(states.map((state) => state.screen))).toEqual(new Set(["briefing", "negotiate", "between", "debrief"]));
    expect(states.some(isReview)).toBe(true);
    for (const state of states) expectFits(state);
  });
});
