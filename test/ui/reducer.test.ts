/**
 * The play reducer without a terminal: every binding of the key table, applied to the state
 * as the app applies it. Scenarios are the built-in ones; the seed is fixed, so games replay.
 * The last test checks that every binding of the table was exercised here.
 */
import { describe, expect, test } from "vitest";
import { importanceOf } from "../../src/negotiation/answers.js";
import { QUESTION_KINDS } from "../../src/negotiation/wording.js";
import { SURPRISE, favouritePackage, gameTranscript, partnerChoices } from "../../src/play/game.js";
import { latestOffers } from "../../src/play/table.js";
import { keysOf } from "../../src/ui/play/input.js";
import { KEY_TABLES } from "../../src/ui/play/keys.js";
import { offerColumnsOverflow } from "../../src/ui/play/layout/offers.js";
import { loadableOffers } from "../../src/ui/play/menus.js";
import { playReducer } from "../../src/ui/play/reducer.js";
import type { NegotiateState, PlayState } from "../../src/ui/play/state.js";
import {
  CTRL_C,
  DOWN,
  END,
  ENTER,
  ESC,
  HOME,
  LEFT,
  PAGE_DOWN,
  PAGE_UP,
  RIGHT,
  SCENARIOS,
  UP,
  asNegotiate,
  briefing,
  lastMoveBy,
  movesBy,
  negotiating,
  press,
  pressOn,
  screenText,
  start,
} from "./support.js";
import { PARTNERSHIP_BINDINGS } from "./partnership-support.js";

const HOSPITAL = "hospital-it-platform";
const RD = "rd-consortium";
const HOUSING = "housing-care";
const SUPPLY = "sustainable-supply";

const exercised = new Set<string>();
/** Marks a binding as tested by the test that calls it. */
const covers = (...ids: string[]) => ids.forEach((id) => exercised.add(id));

/** Offers the builder's package until a partner's standing offer satisfies `wanted`. */
function offerUntil(state: NegotiateState, wanted: (state: NegotiateState) => boolean, limit = 20): NegotiateState {
  let current = state;
  for (let k = 0; k < limit && !wanted(current); k++) current = pressOn(current, "o");
  if (!wanted(current)) throw new Error("the partners never made the offer waited for");
  return current;
}

const partnerStanding = (state: NegotiateState, kind?: string) => {
  const standing = state.game.session.standing;
  return standing !== null && standing.proposer !== state.game.setup.trainee && (kind === undefined || standing.kind === kind);
};

describe("the picker", () => {
  test("↑↓ move the cursor and wrap around; Enter goes from scenario to party to partner to the name, then the briefing", () => {
    covers("pick.choose", "pick.select");
    const first = start();
    expect(first).toMatchObject({ screen: "pick", step: "scenario", cursor: 0 });
    expect(press(first, UP)).toMatchObject({ cursor: SCENARIOS.length - 1 });
    expect(press(first, DOWN, DOWN)).toMatchObject({ cursor: 2 });
    const toHousing = Array(SCENARIOS.findIndex((candidate) => candidate.id === HOUSING)).fill(DOWN);
    const party = press(first, ...toHousing, ENTER);
    expect(party).toMatchObject({ screen: "pick", step: "party", cursor: 0, scenario: { id: HOUSING } });
    expect(press(party, UP)).toMatchObject({ cursor: 2 });
    const partner = press(party, DOWN, ENTER);
    expect(partner).toMatchObject({ step: "partner", party: 1, cursor: 0 });
    const logroller = partnerChoices().indexOf("logroller");
    const named = press(partner, ...Array(logroller).fill(DOWN), ENTER);
    expect(named).toMatchObject({ step: "name", name: "", partner: "logroller" });
    const game = press(named, ENTER);
    expect(game.screen).toBe("briefing");
    if (game.screen !== "briefing") return;
    expect(game.game.setup).toMatchObject({ trainee: 1, partnerStyle: "logroller", surprise: false });
    expect(game.game.setup.name).toBeUndefined();
  });

  test("the name is typed (q and digits too), Backspace erases, Enter takes it trimmed; Esc goes back to the partner", () => {
    covers("name.type", "name.erase", "name.done", "name.back");
    const named = press(start({ scenarioId: HOSPITAL, partyId: "duinzicht" }), ENTER);
    expect(named).toMatchObject({ step: "name", name: "" });
    const typed = press(named, " Team q1", { input: "", backspace: true }, { input: "", delete: true }, "Q7 ");
    expect(typed).toMatchObject({ step: "name", name: " Team Q7 " });
    const game = press(typed, ENTER);
    if (game.screen !== "briefing") throw new Error("no briefing");
    expect(game.game.setup.name).toBe("Team Q7");
    expect(gameTranscript(game.game, { lang: "en", savedAt: new Date(0) }).name).toBe("Team Q7");
    expect(press(typed, ESC)).toMatchObject({ step: "partner", cursor: 0 });
    expect(press(start({ scenarioId: HOSPITAL, partner: "meso" }), DOWN, ENTER, ESC)).toMatchObject({ step: "party", cursor: 1 });
    const long = press(named, "x".repeat(100));
    expect(long).toMatchObject({ name: "x".repeat(60) });
  });

  test("--name is not asked again; with scenario, party and partner on the command line there is no picker and no name", () => {
    const given = press(start({ scenarioId: HOSPITAL, partyId: "duinzicht", name: "Group B" }), ENTER);
    if (given.screen !== "briefing") throw new Error("no briefing");
    expect(given.game.setup.name).toBe("Group B");
    expect(start({ scenarioId: HOSPITAL, partyId: "duinzicht", partner: "meso" }).screen).toBe("briefing");
  });

  test("Esc goes back a step, with the cursor on what was picked; not from the first step", () => {
    covers("pick.back");
    const partner = press(start(), DOWN, ENTER, DOWN, ENTER);
    const party = press(partner, ESC);
    expect(party).toMatchObject({ step: "party", cursor: 1 });
    expect(press(party, ESC)).toMatchObject({ step: "scenario", cursor: 1 });
    expect(press(start(), ESC)).toEqual(start());
  });

  test("q quits from the picker", () => {
    covers("pick.quit");
    expect(press(start(), "q").exit).toBe("quit");
  });

  test("--partner without --as: the party is asked, then the game starts with that partner", () => {
    const state = start({ scenarioId: HOSPITAL, partner: "meso" });
    expect(state).toMatchObject({ screen: "pick", step: "party" });
    const game = press(state, DOWN, ENTER, ENTER);
    expect(game.screen).toBe("briefing");
    if (game.screen === "briefing") expect(game.game.setup).toMatchObject({ trainee: 1, partnerStyle: "meso" });
  });

  test("--as skips the party; a surprise draws a style from the seed and keeps it hidden", () => {
    const state = start({ scenarioId: HOSPITAL, partyId: "duinzicht" });
    expect(state).toMatchObject({ step: "partner", party: 1 });
    const surprise = press(state, ...Array(partnerChoices().indexOf(SURPRISE)).fill(DOWN), ENTER, ENTER);
    if (surprise.screen !== "briefing") throw new Error("no briefing");
    expect(surprise.game.setup.surprise).toBe(true);
    expect(partnerChoices()).toContain(surprise.game.setup.partnerStyle);
    expect(screenText(press(surprise, END)).join("\n")).not.toContain(surprise.game.setup.partnerStyle);
  });
});

describe("the briefing", () => {
  test("scrolls by lines, pages and to the ends, within its length", () => {
    covers("briefing.scroll");
    const state = briefing(RD, 0, "logroller");
    const scroll = (s: PlayState) => (s.screen === "briefing" ? s.scroll : -1);
    expect(scroll(press(state, DOWN))).toBe(1);
    expect(scroll(press(state, UP))).toBe(0);
    const end = scroll(press(state, END));
    expect(end).toBeGreaterThan(10);
    expect(scroll(press(state, END, DOWN))).toBe(end);
    expect(scroll(press(state, PAGE_DOWN))).toBeGreaterThan(10);
    expect(scroll(press(state, END, PAGE_UP))).toBeLessThan(end);
    expect(scroll(press(state, END, HOME))).toBe(0);
  });

  test("Enter starts the negotiation with the builder on the trainee's favourite options; q quits", () => {
    covers("briefing.start", "briefing.quit");
    const state = asNegotiate(press(briefing(HOSPITAL, 0, "logroller"), ENTER));
    expect(state.selection).toEqual(favouritePackage(state.game.model, 0));
    expect(state.issueCursor).toBe(0);
    expect(press(briefing(HOSPITAL, 0, "logroller"), "q").exit).toBe("quit");
  });
});

describe("the package builder", () => {
  test("↑↓ select an issue and wrap; ←→ change its option and wrap, the other issues untouched", () => {
    covers("negotiate.issue", "negotiate.option");
    const state = negotiating(HOSPITAL, 0, "logroller");
    const issues = state.game.model.issueCount;
    expect(pressOn(state, UP).issueCursor).toBe(issues - 1);
    expect(pressOn(state, DOWN, DOWN).issueCursor).toBe(2);
    const options = state.game.model.optionCounts[1];
    const moved = pressOn(state, DOWN, RIGHT);
    expect(moved.selection[1]).toBe((state.selection[1] + 1) % options);
    expect(moved.selection.filter((_, i) => i !== 1)).toEqual(state.selection.filter((_, i) => i !== 1));
    expect(pressOn(state, DOWN, LEFT).selection[1]).toBe((state.selection[1] + options - 1) % options);
  });
});

describe("moves", () => {
  test("o offers the builder's package and the partner answers in the same key", () => {
    covers("negotiate.offer");
    const state = negotiating(HOSPITAL, 0, "logroller");
    const after = pressOn(state, "o");
    expect(lastMoveBy(after, 0)).toEqual({ type: "offer", package: [...state.selection] });
    expect(movesBy(after, 1).length).toBeGreaterThan(movesBy(state, 1).length);
    expect(after.game.session.round).toBe(2);
  });

  test("t proposes only the selected issue's option", () => {
    covers("negotiate.term");
    const state = pressOn(negotiating(HOSPITAL, 0, "boulware"), DOWN, DOWN, "t");
    const term = movesBy(state, 0).find((move) => move.type === "partial-offer");
    expect(term).toEqual({ type: "partial-offer", issue: 2, option: state.selection[2] });
  });

  test("m fills the MESO tray (no duplicates, at most three), s sends it, x empties it", () => {
    covers("negotiate.meso-add", "negotiate.meso-send", "negotiate.meso-clear");
    const state = negotiating(HOSPITAL, 0, "logroller");
    const one = pressOn(state, "m");
    expect(one.mesoTray).toHaveLength(1);
    expect(one.notice?.key).toBe("play.notice.mesoAdded");
    expect(pressOn(one, "m").notice?.key).toBe("play.notice.mesoDuplicate");
    // s applies only with two or more packages in the tray.
    expect(pressOn(one, "s").game).toBe(one.game);
    const three = pressOn(one, RIGHT, "m", RIGHT, "m");
    expect(three.mesoTray).toHaveLength(3);
    expect(pressOn(three, RIGHT, "m").notice?.key).toBe("play.notice.mesoFull");
    const sent = pressOn(three, "s");
    expect(sent.mesoTray).toEqual([]);
    expect(lastMoveBy(sent, 0)).toEqual({ type: "meso", packages: three.mesoTray.map((pkg) => [...pkg]) });
    expect(pressOn(three, "x").mesoTray).toEqual([]);
  });

  test("a accepts the partner's offer: with two parties that is the deal, and the debrief follows", () => {
    covers("negotiate.accept");
    const state = offerUntil(negotiating(HOSPITAL, 0, "conceder"), (s) => partnerStanding(s, "package"));
    const after = press(state, "a");
    expect(after.screen).toBe("debrief");
    if (after.screen === "debrief") expect(after.game.session.outcome?.kind).toBe("agreement");
  });

  test("a on a MESO offer asks which package; a number accepts it", () => {
    covers("menu.number");
    const state = offerUntil(negotiating(SUPPLY, 0, "meso"), (s) => partnerStanding(s, "meso"));
    const asking = pressOn(state, "a");
    expect(asking.mode).toEqual({ kind: "accept-meso", cursor: 0 });
    expect(pressOn(asking, "9").mode.kind).toBe("accept-meso");
    const accepted = press(asking, "2");
    expect(accepted.screen).toBe("debrief");
    expect(lastMoveBy(accepted, 0)).toEqual({ type: "accept", choice: 1 });
  });

  test("with three parties an accept waits for the others, and the table says who still must", () => {
    const size = { columns: 200, rows: 60 };
    const state = offerUntil(negotiating(RD, 0, "logroller", {}, size), (s) => partnerStanding(s, "package"));
    expect(screenText(state).join("\n")).toMatch(/On the table: the offer by .*still to accept: you and /);
    const proposer = state.game.session.standing!.proposer;
    const after = pressOn(state, "a");
    expect(movesBy(after, 0).at(-1)).toEqual({ type: "accept" });
    const name = state.game.setup.scenario.parties[proposer].name as { en: string };
    expect(screenText(after).join("\n")).toContain(`You accept the offer by ${name.en}; still to accept: `);
  });

  test("l loads the only offer on the table into the builder", () => {
    covers("negotiate.load");
    const state = offerUntil(negotiating(HOSPITAL, 0, "boulware"), (s) => partnerStanding(s, "package"));
    const loaded = pressOn(state, "l");
    expect(loaded.selection).toEqual([...state.game.session.standing!.packages[0]]);
    expect(loaded.notice?.key).toBe("play.notice.loaded");
  });

  test("with several offers l asks which, and Enter loads the chosen one", () => {
    covers("menu.select", "menu.choose");
    const state = offerUntil(negotiating(RD, 0, "boulware"), (s) => loadableOffers(s).length >= 2);
    const menu = pressOn(state, "l");
    expect(menu.mode).toEqual({ kind: "load", cursor: 0 });
    const second = pressOn(menu, DOWN, ENTER);
    expect(second.selection).toEqual([...loadableOffers(state)[1].package]);
    expect(second.mode.kind).toBe("main");
  });

  test("r rejects the standing offer, naming the selected issue", () => {
    covers("negotiate.reject");
    const state = offerUntil(negotiating(HOSPITAL, 0, "boulware"), (s) => partnerStanding(s));
    const after = pressOn(state, DOWN, "r");
    expect(movesBy(after, 0)).toContainEqual({ type: "reject", blockingIssue: 1 });
  });

  test("w asks first: n goes back, y walks away and the debrief follows", () => {
    covers("negotiate.walk", "confirm.yes", "confirm.no");
    const state = negotiating(HOSPITAL, 0, "logroller");
    const asking = pressOn(state, "w");
    expect(asking.mode.kind).toBe("confirm-walk");
    expect(screenText(asking).join("\n")).toContain("Walk away for good?");
    expect(pressOn(asking, "n").mode.kind).toBe("main");
    expect(pressOn(asking, ESC).mode.kind).toBe("main");
    const walked = press(asking, "y");
    expect(walked.screen).toBe("debrief");
    if (walked.screen === "debrief") expect(walked.game.session.outcome).toMatchObject({ kind: "walk-away", by: 0 });
  });
});

describe("talking", () => {
  test("k opens the questions; a question without an issue goes to the partner at once", () => {
    covers("negotiate.ask");
    const state = pressOn(negotiating(HOSPITAL, 0, "logroller"), "k");
    expect(state.mode).toEqual({ kind: "ask", cursor: 0 });
    const asked = pressOn(state, "1");
    expect(movesBy(asked, 0)[0]).toEqual({ type: "ask", to: 1, question: { kind: "most-important" } });
    // The partner answered at once.
    expect(movesBy(asked, 1).some((move) => move.type === "answer" && move.to === 0)).toBe(true);
  });

  test("a question about an issue asks which issue; Esc goes back a step, then to the table", () => {
    covers("menu.back");
    const state = pressOn(negotiating(HOSPITAL, 0, "logroller"), DOWN, "k", "2");
    expect(state.mode).toEqual({ kind: "ask-subject", question: "issue-importance", cursor: 1 });
    expect(pressOn(state, ESC).mode).toEqual({ kind: "ask", cursor: QUESTION_KINDS.indexOf("issue-importance") });
    expect(pressOn(state, ESC, ESC).mode.kind).toBe("main");
    const asked = pressOn(state, DOWN, ENTER);
    expect(movesBy(asked, 0)[0]).toEqual({ type: "ask", to: 1, question: { kind: "issue-importance", issue: 2 } });
  });

  test("with three parties the trainee chooses whom to ask, starting on whom the rule picks", () => {
    const state = pressOn(negotiating(RD, 0, "logroller"), "k", "1");
    expect(state.mode).toMatchObject({ kind: "ask-whom", question: "most-important", subject: null });
    expect(screenText(state).join("\n")).toContain("Whom do you ask?");
    const second = pressOn(state, "2");
    expect(movesBy(second, 0).at(-1)).toEqual({ type: "ask", to: 2, question: { kind: "most-important" } });
    const back = pressOn(state, ESC);
    expect(back.mode).toEqual({ kind: "ask", cursor: 0 });
  });

  test("d tells how important the selected issue is, truthful when it matches the trainee's priorities", () => {
    covers("negotiate.disclose");
    const state = pressOn(negotiating(HOSPITAL, 0, "logroller"), DOWN, "d");
    expect(state.mode.kind).toBe("disclose");
    const truth = importanceOf(state.game.model, 0, 1);
    const index = ["low", "medium", "high"].indexOf(truth) + 1;
    const told = pressOn(state, String(index));
    expect(movesBy(told, 0)[0]).toEqual({ type: "disclose", issue: 1, importance: truth, honesty: "truthful" });
  });

  test("n answers the partner's question, as honestly as chosen", () => {
    covers("negotiate.answer");
    let state = negotiating(HOSPITAL, 1, "logroller");
    expect(state.game.session.pendingQuestions.some((question) => question.to === 1)).toBe(true);
    state = pressOn(state, "n");
    expect(state.mode.kind).toBe("answer");
    const answered = pressOn(state, "1");
    expect(movesBy(answered, 1)[0]).toMatchObject({ type: "answer", to: 0, honesty: "truthful" });
    // Without a question, n does nothing.
    expect(pressOn(answered, "n").mode.kind).toBe("main");
  });

  test("PgUp and PgDn scroll the conversation back and forth, within its length", () => {
    covers("negotiate.talk");
    let state = negotiating(RD, 0, "logroller");
    for (let k = 0; k < 3; k++) state = pressOn(state, "o");
    const back = pressOn(state, PAGE_UP);
    expect(back.talkScroll).toBeGreaterThan(0);
    expect(pressOn(back, PAGE_DOWN).talkScroll).toBe(0);
    let far = back;
    for (let k = 0; k < 50; k++) far = pressOn(far, PAGE_UP);
    expect(pressOn(far, PAGE_UP).talkScroll).toBe(far.talkScroll);
    expect(screenText(far).join("\n")).toContain("[1]");
  });

  test("e shows what the other parties said to each other, and hides it again", () => {
    covers("negotiate.expand");
    const state = pressOn(negotiating(RD, 0, "logroller", {}, { columns: 200, rows: 60 }), "o");
    expect(screenText(state).join("\n")).toContain("talk among themselves");
    expect(screenText(pressOn(state, "e")).join("\n")).not.toContain("talk among themselves");
    const expanded = pressOn(state, "e");
    expect(expanded.talkExpanded).toBe(true);
    expect(pressOn(expanded, "e").talkExpanded).toBe(false);
    // Two parties: nothing to expand, the key does nothing.
    const two = negotiating(HOSPITAL, 0, "logroller");
    expect(pressOn(two, "e")).toEqual(two);
  });
});

describe("the offers table", () => {
  test("[ and ] scroll the offer columns when they do not all fit, and only then", () => {
    covers("negotiate.columns");
    const narrow = offerUntil(negotiating(HOUSING, 1, "meso", {}, { columns: 60, rows: 24 }), (s) => offerColumnsOverflow(s));
    const right = pressOn(narrow, "]");
    expect(right.columnOffset).toBe(1);
    expect(pressOn(right, "[").columnOffset).toBe(0);
    const wide = negotiating(HOSPITAL, 0, "logroller", {}, { columns: 200, rows: 60 });
    expect(pressOn(pressOn(wide, "o"), "]").columnOffset).toBe(0);
  });

  test("every other party's latest offer is a column; a MESO offer is one column per package", () => {
    const state = offerUntil(negotiating(SUPPLY, 0, "meso", {}, { columns: 200, rows: 60 }), (s) => partnerStanding(s, "meso"));
    const offers = latestOffers(state.game.session).filter((offer) => offer.party !== 0);
    expect(offers[0].packages.length).toBeGreaterThanOrEqual(2);
    expect(screenText(state).join("\n")).toContain(`MESO 1/${offers[0].packages.length}`);
  });
});

describe("help and quitting", () => {
  test("? opens the help, which scrolls and closes with Esc", () => {
    covers("negotiate.help", "help.scroll", "help.close");
    const state = pressOn(negotiating(HOSPITAL, 0, "logroller"), "?");
    expect(state.mode).toEqual({ kind: "help", scroll: 0 });
    expect(screenText(state).join("\n")).toContain("How to play");
    const scrolled = pressOn(state, PAGE_DOWN);
    expect(scrolled.mode).toMatchObject({ kind: "help" });
    expect(scrolled.mode.kind === "help" && scrolled.mode.scroll).toBeGreaterThan(0);
    expect(pressOn(scrolled, ESC).mode.kind).toBe("main");
  });

  test("q asks first: n goes back, y requests the exit (the app saves)", () => {
    covers("negotiate.quit");
    const asking = pressOn(negotiating(HOSPITAL, 0, "logroller"), "q");
    expect(asking.mode.kind).toBe("confirm-quit");
    expect(pressOn(asking, "n").mode.kind).toBe("main");
    expect(press(asking, "y").exit).toBe("quit");
  });

  test("in Dutch j confirms", () => {
    const asking = pressOn(negotiating(HOSPITAL, 0, "logroller", { lang: "nl" }), "q");
    expect(screenText(asking).join("\n")).toContain("j/n");
    expect(press(asking, "j").exit).toBe("quit");
  });

  test("Ctrl-C requests an interrupt from every screen", () => {
    covers("interrupt");
    expect(press(start(), CTRL_C).exit).toBe("interrupt");
    expect(press(briefing(HOSPITAL, 0, "logroller"), CTRL_C).exit).toBe("interrupt");
    expect(press(pressOn(negotiating(HOSPITAL, 0, "logroller"), "k"), CTRL_C).exit).toBe("interrupt");
  });
});

describe("the debrief", () => {
  test("scrolls within its length; q quits", () => {
    covers("debrief.scroll", "debrief.quit");
    const done = press(negotiating(HOSPITAL, 0, "logroller"), "w", "y");
    if (done.screen !== "debrief") throw new Error("no debrief");
    const end = press(done, END);
    expect(end.screen === "debrief" && end.scroll).toBeGreaterThan(0);
    expect(press(end, HOME)).toMatchObject({ scroll: 0 });
    expect(press(done, "q").exit).toBe("quit");
    expect(playReducer(done, { type: "saved", path: "transcripts/x.json" })).toMatchObject({ savedTo: "transcripts/x.json" });
    expect(screenText(playReducer(done, { type: "saved", path: "transcripts/x.json" })).join("\n")).toContain("Transcript saved to transcripts/x.json");
  });
});

describe("a pure reducer", () => {
  test("a state is never changed: the same key on the same state gives the same game, twice", () => {
    const state = negotiating(HOUSING, 1, "reciprocator");
    const events = JSON.stringify(state.game.session.events);
    const once = pressOn(state, "o", "k", "1", "1", "o");
    const twice = pressOn(state, "o", "k", "1", "1", "o");
    expect(JSON.stringify(state.game.session.events)).toBe(events);
    expect(JSON.stringify(twice.game.session.events)).toBe(JSON.stringify(once.game.session.events));
    // Playing on from an older state rebuilds the partners and still gives the same game.
    const older = pressOn(state, "o");
    const branch = pressOn(older, "k", "1", "1", "o");
    expect(JSON.stringify(branch.game.session.events)).toBe(JSON.stringify(once.game.session.events));
  });

  test("a key that does not apply now does nothing: a without an offer to accept", () => {
    const state = negotiating(HOSPITAL, 0, "logroller");
    expect(state.game.session.standing).toBeNull();
    expect(pressOn(state, "a")).toEqual(state);
    expect(screenText(state).join("\n")).not.toContain("a accept");
  });

  test("a move the protocol refuses changes nothing and says why in the trainee's language", () => {
    const state = negotiating(HOSPITAL, 0, "logroller", { lang: "nl" });
    // A tray the builder could not have filled: packages without an option for every issue.
    const refused = pressOn({ ...state, mesoTray: [[0], [1]] }, "s");
    expect(refused.game).toBe(state.game);
    expect(refused.notice).toEqual({ key: "protocol.package-size", params: {} });
    expect(screenText(refused).join("\n")).toContain("Een pakket heeft voor elk onderwerp een optie nodig.");
  });

  test("a resize is part of the state, and every screen is laid out for it", () => {
    const state = negotiating(HOSPITAL, 0, "logroller");
    const resized = playReducer(state, { type: "resize", size: { columns: 120, rows: 50 } });
    expect(resized.size).toEqual({ columns: 120, rows: 50 });
    expect(Math.max(...screenText(resized).map((line) => line.length))).toBeGreaterThan(80);
  });
});

// Runs last (tests of a file run in order): every binding of the key table has a test above.
test("every binding of the key table is exercised by a test above", () => {
  const all = KEY_TABLES.flatMap((table) => table.bindings.map((binding) => binding.id));
  // A partnership's bindings are exercised in partnership-reducer.test.ts.
  expect(all.filter((id) => !exercised.has(id) && !PARTNERSHIP_BINDINGS.includes(id))).toEqual([]);
});

describe("keys typed fast", () => {
  test("a run of characters is one key press each, control characters as the keys they are", () => {
    expect(keysOf("o\r\t\u001Bk\u0003")).toEqual([
      { input: "o" },
      { input: "", return: true },
      { input: "", tab: true },
      { input: "", escape: true },
      { input: "k" },
      { input: "c", ctrl: true },
    ]);
  });
});
