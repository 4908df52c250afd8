/**
 * A partnership played with keys, without a terminal (tips 3, 4 and 7): the fixture
 * partnership from the shared ambition through the first stage (a hidden term revealed, an
 * agreement kept after the post-settlement look), a review and a renegotiation, to the
 * debrief; and the picker, which offers only the parties there from the start.
 */
import { describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { lineText } from "../../src/ui/play/layout/lines.js";
import { footerLines } from "../../src/ui/play/layout/footer.js";
import { partnershipGameDebrief } from "../../src/play/partnership-debrief.js";
import { partnershipDebriefSections } from "../../src/report/partnership-debrief-text.js";
import type { PlayState } from "../../src/ui/play/state.js";
import { isPartnership } from "../../src/play/partnership.js";
import { playReducer } from "../../src/ui/play/reducer.js";
import { scrollLimit } from "../../src/ui/play/layout/screens.js";
import { PARTNERSHIP, PARTNERSHIP_BINDINGS, isReview, partnershipBriefing, playPartnership } from "./partnership-support.js";
import { DOWN, END, ENTER, ESC, HOME, LEFT, PAGE_DOWN, PAGE_UP, RIGHT, UP, asNegotiate, press, pressOn, screenText, start } from "./support.js";

const exercised = new Set<string>();
/** Marks a binding as tested by the test that calls it. */
const covers = (...ids: string[]) => ids.forEach((id) => exercised.add(id));

const text = (state: PlayState) => screenText(state).join("\n");
const footer = (state: PlayState) => footerLines(state, state.size.columns - 2, translator(state.options.lang)).map(lineText).join(" · ");

describe("the picker in a partnership", () => {
  test("offers only the founding parties: Gamma joins later and cannot be played", () => {
    const party = press(start({ scenarios: [PARTNERSHIP] }), ENTER);
    expect(party).toMatchObject({ screen: "pick", step: "party", cursor: 0 });
    expect(text(party)).toContain("Beta");
    expect(text(party)).not.toContain("Gamma");
    expect(press(party, UP)).toMatchObject({ cursor: 1 });
    const partner = press(party, DOWN, ENTER);
    expect(partner).toMatchObject({ step: "partner", party: 1 });
    expect(press(partner, ESC)).toMatchObject({ step: "party", cursor: 1 });
    // Named on the command line, a party that joins later is asked for again.
    expect(start({ scenarios: [PARTNERSHIP], scenarioId: PARTNERSHIP.id, partyId: "c", partner: "logroller" })).toMatchObject({ screen: "pick", step: "party" });
  });
});

describe("a partnership played with keys", () => {
  test("from the ambition through a review to the end", () => {
    covers("between.continue", "negotiate.reveal", "negotiate.keep", "review.choose", "review.select", "review.number");
    const briefing = partnershipBriefing();
    expect(briefing.screen).toBe("briefing");
    expect(text(briefing).replace(/\s+/g, " ")).toContain("This is a partnership over 3 stages, which opens with agreeing on a shared ambition.");

    // The ambition phase: one issue, the candidate ambitions, each statement in full under the table.
    const ambition = asNegotiate(press(briefing, ENTER));
    expect(screenText(ambition)[0]).toContain("Shared ambition");
    expect(text(ambition)).toContain("Alpha's clients first.");
    expect(text(pressOn(ambition, RIGHT))).toContain("Beta's clients first.");

    // Our offer, then Beta's loaded and offered back: the ambition is agreed and the phase ends.
    const afterAmbition = press(ambition, "o", "l", "o");
    expect(afterAmbition).toMatchObject({ screen: "between", ended: 0 });
    expect(text(afterAmbition)).toContain("You agreed on a shared ambition: Beta first.");
    expect(text(afterAmbition)).toContain("Next: Year 1");
    expect(footer(afterAmbition)).toContain("Enter continue");

    // Year 1: the shared facility is Alpha's hidden issue; Beta's hidden staff exchange is not on the table.
    const year1 = asNegotiate(press(afterAmbition, ENTER));
    expect(screenText(year1)[0]).toContain("Year 1");
    expect(text(year1)).toContain("Shared facility ◆");
    expect(footer(year1)).toContain("p put on the table");
    const staff = pressOn(year1, DOWN);
    const options = [staff, pressOn(staff, RIGHT), pressOn(staff, RIGHT, RIGHT), pressOn(staff, LEFT)].map((state) => state.selection[1]);
    expect(options).toEqual([1, 0, 1, 0]);
    const facility = pressOn(staff, DOWN);
    expect(text(facility).replace(/\s+/g, " ")).toContain("Only you know this issue: until you put it on the table (p) it stays at No.");
    expect(pressOn(facility, RIGHT).selection[2]).toBe(0);

    // Putting it on the table: a menu of the terms Alpha holds.
    const menu = pressOn(facility, "p");
    expect(menu.mode).toEqual({ kind: "reveal", cursor: 0 });
    expect(text(menu)).toContain("1. Shared facility (the whole issue)");
    const revealed = pressOn(menu, "1");
    expect(revealed.game.session.revealed).toEqual([false, true]);
    expect(revealed.notice).toMatchObject({ key: "play.notice.revealed" });
    expect(text(revealed)).not.toContain("◆");
    expect(footer(revealed)).not.toContain("put on the table");
    expect(pressOn(revealed, RIGHT).selection[2]).toBe(1);

    // Beta's offer loaded and offered back: agreed, with rounds left to improve on it.
    const agreed = pressOn(revealed, RIGHT, "o", "l", "o");
    expect(agreed.game.session.agreed).not.toBeNull();
    expect(screenText(agreed)[0]).toContain("Year 1 — agreement reached: improve it?");
    expect(text(agreed).replace(/\s+/g, " ")).toContain("● Agreement reached: 25.0 points for you (BATNA 25.0).");
    expect(footer(agreed)).toContain("h keep agreement");
    expect(footer(agreed)).not.toContain("walk away");
    expect(footer(agreed)).not.toContain("t term");
    expect(pressOn(agreed, "w")).toMatchObject({ mode: { kind: "main" } });

    // Keeping it ends the stage: the review of Year 2, where Gamma joins.
    const review = press(agreed, "h");
    expect(isReview(review)).toBe(true);
    if (!isReview(review)) throw new Error("expected the review screen");
    expect(review.game.partnership?.waiting).toEqual({ kind: "review", stage: 1 });
    const reviewText = text(review).replace(/\s+/g, " ");
    expect(reviewText).toContain("Year 1: how it ended");
    expect(reviewText).toContain("Agreement: 25.0 points for you (your BATNA: 25.0).");
    expect(reviewText).toContain("• Gamma joins.");
    expect(reviewText).toContain("Under the new conditions the agreement in force is worth 22.2 points to you; your BATNA is now 25.0 points.");
    expect(reviewText).toContain("1. Keep it as it is");
    expect(press(review, DOWN)).toMatchObject({ cursor: 1 });
    expect(press(review, UP)).toMatchObject({ cursor: 2 });

    // Adjusting it: the renegotiation of Year 2, with Gamma at the table.
    const renegotiation = asNegotiate(press(review, DOWN, ENTER));
    expect(screenText(renegotiation)[0]).toContain("Year 2 — renegotiation");
    expect(renegotiation.notice).toEqual({ key: "play.notice.renegotiation" });
    expect(renegotiation.game.session.partyCount).toBe(3);
    expect(text(renegotiation)).toContain("Regional reach");

    // On to the end, keeping the agreement at every later review.
    const states = playPartnership(renegotiation, () => ["1"]);
    const last = states.at(-1)!;
    expect(last.screen).toBe("debrief");
    if (last.screen !== "debrief" || !isPartnership(last.game)) throw new Error("expected the debrief of a partnership");
    expect(last.game.partnership.waiting).toMatchObject({ kind: "ended" });
    expect(states.some((state) => state.screen === "between")).toBe(true);
    const sections = partnershipDebriefSections(partnershipGameDebrief(last.game, "en"), "en", 78);
    // The debrief screen shows the partnership's own debrief: its summary first, then every stage's score.
    expect(screenText(last)[0]).toBe(sections[0].title);
    expect(sections.map((section) => section.title)).toContain("Score per stage and in total");
  });

  test("leaving at the review ends the partnership on the debrief", () => {
    const states = playPartnership(partnershipBriefing(), () => ["3"]);
    const last = states.at(-1)!;
    expect(last.screen).toBe("debrief");
    expect(last.screen === "debrief" && last.game.partnership?.waiting).toEqual({ kind: "ended", reason: "trainee-left" });
    expect(states.filter(isReview)).toHaveLength(1);
  });

  test("q between phases quits at once", () => {
    covers("between.quit", "review.quit");
    const between = press(partnershipBriefing(), ENTER, "o", "l", "o");
    expect(between.screen).toBe("between");
    expect(press(between, "q")).toMatchObject({ exit: "quit" });
    const review = playPartnership(partnershipBriefing(), () => []).find(isReview)!;
    expect(press(review, "q")).toMatchObject({ exit: "quit" });
  });
});

describe("scrolling between phases", () => {
  test("↑↓ PgUp PgDn Home End scroll the text between phases; PgUp PgDn Home End the review's, ↑↓ choosing", () => {
    covers("between.scroll", "review.scroll");
    const small = { columns: 40, rows: 8 };
    const between = playReducer(press(partnershipBriefing(), ENTER, "o", "l", "o"), { type: "resize", size: small });
    expect(scrollLimit(between)).toBeGreaterThan(0);
    expect(press(between, END)).toMatchObject({ scroll: scrollLimit(between) });
    expect(press(between, DOWN)).toMatchObject({ scroll: 1 });
    expect(press(between, END, HOME)).toMatchObject({ scroll: 0 });
    const review = playReducer(playPartnership(partnershipBriefing(), () => []).find(isReview)!, { type: "resize", size: small });
    expect(scrollLimit(review)).toBeGreaterThan(0);
    expect(press(review, END)).toMatchObject({ scroll: scrollLimit(review), cursor: 0 });
    expect(press(review, PAGE_DOWN, PAGE_UP)).toMatchObject({ scroll: 0 });
  });
});

// Runs last (tests of a file run in order): every binding of a partnership has a test above.
test("every binding of a partnership is exercised by a test above", () => {
  expect(PARTNERSHIP_BINDINGS.filter((id) => !exercised.has(id))).toEqual([]);
});
