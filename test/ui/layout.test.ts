/**
 * Every screen fits the terminal, from 80×24 to 200×60, in both languages, in every
 * built-in scenario and seat: games are played with keys from the briefing to the
 * debrief, and every state on the way is laid out and checked.
 */
import { describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { localise } from "../../src/scenario/localise.js";
import { gameTranscript } from "../../src/play/game.js";
import { computeDebrief, debriefSections } from "../../src/report/debrief.js";
import { lineText } from "../../src/ui/play/layout/lines.js";
import { screenLines } from "../../src/ui/play/layout/screens.js";
import type { NegotiateState, PlayState, TerminalSize } from "../../src/ui/play/state.js";
import { DOWN, ENTER, END, ESC, LANGUAGES, PAGE_DOWN, PAGE_UP, RIGHT, SINGLE_SCENARIOS, SIZES, briefing, expectFits, press, screenText, start } from "./support.js";

/** A trainee's turn: look around, ask, tell, build and offer; a few turns into the game, a MESO offer. */
const TURN = [DOWN, RIGHT, "k", "1", ENTER, ESC, "d", "2", ESC, "n", "1", ESC, "?", PAGE_DOWN, ESC, PAGE_UP, "o"];

const squash = (text: string) => text.replace(/\s+/g, " ");

function expectNegotiationScreen(state: NegotiateState): void {
  expectFits(state);
  const t = translator(state.options.lang);
  const text = screenText(state);
  const { session, setup } = state.game;
  if (state.mode.kind === "help") return;
  const rounds = session.config.deadlineRounds;
  const round = Math.min(session.round, rounds);
  // The header with the round, on the first line.
  expect(text[0]).toContain(t("play.header.round", { round, rounds, left: rounds - round }));
  // Every issue's row.
  const scenario = setup.scenario;
  const rows = text.slice(1, 4 + scenario.issues.length).join("\n");
  for (const issue of scenario.issues) {
    const label = localise(issue.label, state.options.lang);
    expect(rows.includes(label) || rows.includes(label.slice(0, 8)), `${label} missing:\n${text.join("\n")}`).toBe(true);
  }
  // The selected issue's option in full, under the table.
  if (state.mode.kind === "main") {
    const option = localise(scenario.issues[state.issueCursor].options[state.selection[state.issueCursor]].label, state.options.lang);
    expect(squash(text.join(" ")), `the option "${option}" is not shown in full`).toContain(squash(option));
  }
}

function playThrough(scenarioId: string, party: number, partner: string, lang: "en" | "nl", size: TerminalSize): PlayState[] {
  const states: PlayState[] = [];
  let state: PlayState = briefing(scenarioId, party, partner, { lang }, size);
  states.push(state, press(state, PAGE_DOWN), press(state, END));
  state = press(state, ENTER);
  for (let turn = 0; turn < 40 && state.screen === "negotiate"; turn++) {
    for (const key of turn === 3 ? ["m", RIGHT, "m", "s"] : TURN) {
      if (state.screen !== "negotiate") break;
      state = press(state, key);
      states.push(state);
    }
  }
  if (state.screen === "debrief") states.push(state, press(state, PAGE_DOWN), press(state, END));
  return states;
}

describe.each(SIZES)("a terminal of $columns×$rows", (size) => {
  test.each(LANGUAGES)("the picker fits, in %s", (lang) => {
    let state = start({ lang }, size);
    for (const keys of [[], [DOWN], [ENTER], [ENTER, ENTER], [ENTER, ENTER, DOWN, DOWN, DOWN, DOWN, DOWN]]) expectFits(press(state, ...keys));
    state = press(state, ENTER, ENTER);
    expect(screenText(state).join("\n")).toContain(translator(lang)("play.pick.surprise"));
  });

  // A partnership's screens are checked in partnership-layout.test.ts.
  for (const { id, scenario } of SINGLE_SCENARIOS) {
    describe(id, () => {
      test.each(LANGUAGES.flatMap((lang) => scenario.parties.map((_, party) => [lang, party] as const)))(
        "in %s, as party %i: every screen of a game fits, with the round, every issue and the keys",
        (lang, party) => {
          const states = playThrough(id, party, party % 2 === 0 ? "logroller" : "meso", lang, size);
          expect(states.some((state) => state.screen === "negotiate")).toBe(true);
          for (const state of states) {
            if (state.screen === "negotiate") expectNegotiationScreen(state);
            else expectFits(state);
            // The footer: the keys that apply now, last.
            const last = screenText(state).at(-1) ?? "";
            expect(last.length, `no footer on ${state.screen}`).toBeGreaterThan(0);
          }
        },
      );
    });
  }
});

describe("the debrief screen", () => {
  test.each(SIZES.flatMap((size) => LANGUAGES.map((lang) => [size, lang] as const)))(
    "%o in %s: every line of the report, none cut, at the width it is drawn in",
    (size, lang) => {
      for (const { id, scenario } of SINGLE_SCENARIOS) {
        let state = press(briefing(id, 0, "conceder", { lang }, size), ENTER, "o", "o", "w", "y");
        if (state.screen !== "debrief") throw new Error("the game did not end");
        const width = size.columns - 2;
        const report = debriefSections(computeDebrief(gameTranscript(state.game, { lang, savedAt: new Date(0) }), state.game.session), scenario, lang, width);
        const expected = report.flatMap((section) => [section.title, ...section.lines]).filter((line) => line.trim());
        const shown: string[] = [];
        for (let k = 0; k < 100; k++) {
          expectFits(state);
          const text = screenText(state);
          for (const line of text.slice(0, -1)) expect(line.endsWith("…"), `a cut line: ${line}`).toBe(false);
          shown.push(...text.slice(0, -1));
          const next: PlayState = press(state, PAGE_DOWN);
          if (next.screen !== "debrief" || next.scroll === (state.screen === "debrief" ? state.scroll : -1)) break;
          state = next;
        }
        for (const line of expected) expect(shown, `the debrief line "${line}" never showed`).toContain(line);
        expect(screenLines(state).length).toBeLessThanOrEqual(size.rows - 1);
        expect(lineText(screenLines(state).at(-1)!)).toContain(translator(lang)("play.key.scroll.hint"));
      }
    },
  );
});
