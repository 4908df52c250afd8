/**
 * The play app in a fake terminal (ink-testing-library): keys written as a terminal sends
 * them, frames read back, the terminal resized; saving and exiting are spies. What is on
 * each screen is tested on the layout (layout.test.ts); here, that Ink draws it and that
 * the effects (saving, exiting) happen. Every wait is for a condition, with a deadline.
 */
import { render } from "ink-testing-library";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Game } from "../../src/play/game.js";
import { PlayApp } from "../../src/ui/play/PlayApp.js";
import type { ExitRequest, PlayOptions } from "../../src/ui/play/state.js";
import { TERM, plain, playOptions } from "./support.js";
import { partnershipOptions } from "./partnership-support.js";

const HOSPITAL = "hospital-it-platform";
const DEADLINE = { timeout: 10_000, interval: 5 };

const mounted: (() => void)[] = [];
afterEach(() => {
  for (const unmount of mounted.splice(0)) unmount();
});

/** The app in a terminal of the given size (ink-testing-library's stdout has no size of its own). */
function mount(options: PlayOptions, size = { columns: 80, rows: 24 }) {
  const save = vi.fn((_game: Game) => "transcripts/test.json");
  const onExit = vi.fn((_exit: ExitRequest, _unfinishedAt: string | null) => {});
  const app = render(<PlayApp options={options} save={save} onExit={onExit} />);
  let current = { ...size };
  Object.defineProperty(app.stdout, "columns", { configurable: true, get: () => current.columns });
  Object.defineProperty(app.stdout, "rows", { configurable: true, get: () => current.rows });
  // The first frame was laid out before the size was set: a resize lays it out again.
  app.stdout.emit("resize");
  mounted.push(() => app.unmount());
  const frame = () => plain(app.lastFrame());
  return {
    frame,
    save,
    onExit,
    /** Writes what a terminal sends for the keys. */
    press(keys: string): void {
      app.stdin.write(keys);
    },
    /** Writes what a terminal sends for the keys, then waits until the frame shows `expected`. */
    async type(keys: string, expected: string | RegExp): Promise<string> {
      app.stdin.write(keys);
      await vi.waitFor(() => expect(frame()).toMatch(expected), DEADLINE);
      return frame();
    },
    async resize(columns: number, rows: number): Promise<void> {
      current = { columns, rows };
      app.stdout.emit("resize");
      await vi.waitFor(() => expect(Math.max(...frame().split("\n").map((line) => line.length))).toBeGreaterThan(80), DEADLINE);
    },
  };
}

/** Ink subscribes to the input in an effect: the first frame shows once it has. */
async function ready(app: ReturnType<typeof mount>, expected: string | RegExp) {
  await vi.waitFor(() => expect(app.frame()).toMatch(expected), DEADLINE);
}

function expectFrameFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split("\n");
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
  expect(lines.length).toBeLessThan(rows);
}

describe("the app in a terminal", () => {
  test("from the picker to the negotiation with keys a terminal sends, every frame within 80×24", async () => {
    const app = mount(playOptions());
    await ready(app, "Pick a scenario");
    expectFrameFits(await app.type(TERM.enter, "Which organisation do you play?"), 80, 24);
    await app.type(TERM.down, "› Duinzicht Hospital");
    expectFrameFits(await app.type(TERM.enter, "Who is across the table?"), 80, 24);
    expectFrameFits(await app.type(TERM.enter, "Your name, or your group's"), 80, 24);
    await app.type("Team q", "› Team q▏");
    await app.type(TERM.backspace, "› Team ▏");
    const brief = await app.type(TERM.enter, "Briefing: Duinzicht Hospital");
    expectFrameFits(brief, 80, 24);
    const table = await app.type(TERM.enter, /Round 1\/8/);
    expectFrameFits(table, 80, 24);
    expect(table).toContain("Your package");
    expect(table).toMatch(/↑↓ issue · ←→ option · o offer/);
  });

  test("keys typed fast arrive in one chunk and act as typed one by one", async () => {
    const app = mount(playOptions({ scenarioId: HOSPITAL, partyId: "rivierland", partner: "logroller" }));
    await ready(app, "Briefing: Rivierland");
    await app.type(TERM.enter, /Round 1\/8/);
    // k then 1: the question menu and its first question, in one read.
    const asked = await app.type("k1", /You ask Duinzicht Hospital: “What matters most to you\?”/);
    expect(asked).toMatch(/Duinzicht Hospital answers: “/);
  });

  test("an Enter typed fast with other keys is still an Enter", async () => {
    const app = mount(playOptions());
    await ready(app, "Pick a scenario");
    // Enter, Enter in one read: the scenario, then the organisation.
    await app.type("\r\r", "Who is across the table?");
  });

  test("a resize lays the screen out again for the new size", async () => {
    const app = mount(playOptions({ scenarioId: HOSPITAL, partyId: "rivierland", partner: "logroller" }));
    await ready(app, "Briefing: Rivierland");
    await app.type(TERM.enter, /Round 1\/8/);
    await app.resize(160, 50);
    expectFrameFits(app.frame(), 160, 50);
    expect(app.frame()).toContain("Round 1/8");
  });

  test("q and y save the unfinished game, marked abandoned, and exit", async () => {
    const app = mount(playOptions({ scenarioId: HOSPITAL, partyId: "rivierland", partner: "logroller" }));
    await ready(app, "Briefing: Rivierland");
    await app.type(TERM.enter, /Round 1\/8/);
    await app.type("o", /Round 2\/8/);
    await app.type("q", "Quit now?");
    app.press("y");
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith("quit", "transcripts/test.json"), DEADLINE);
    expect(app.save).toHaveBeenCalledTimes(1);
    expect(app.save.mock.calls[0][0].session.outcome).toMatchObject({ kind: "abandoned" });
  });

  test("Ctrl-C saves and asks for an interrupted exit; on the picker there is nothing to save", async () => {
    const app = mount(playOptions({ scenarioId: HOSPITAL, partyId: "rivierland", partner: "logroller" }));
    await ready(app, "Briefing: Rivierland");
    await app.type(TERM.enter, /Round 1\/8/);
    app.press(TERM.ctrlC);
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith("interrupt", "transcripts/test.json"), DEADLINE);

    const picker = mount(playOptions());
    await ready(picker, "Pick a scenario");
    picker.press(TERM.ctrlC);
    await vi.waitFor(() => expect(picker.onExit).toHaveBeenCalledWith("interrupt", null), DEADLINE);
    expect(picker.save).not.toHaveBeenCalled();
  });

  test("the end of the game saves it once, complete, and the debrief says where", async () => {
    const app = mount(playOptions({ scenarioId: HOSPITAL, partyId: "rivierland", partner: "logroller", lang: "nl" }));
    await ready(app, "briefing: Rivierland");
    await app.type(TERM.enter, /Ronde 1\/8/);
    await app.type("w", "Definitief opstappen?");
    const debrief = await app.type("j", "Spelverslag bewaard in transcripts/test.json");
    expect(debrief).toContain("Uitkomst");
    expect(app.save).toHaveBeenCalledTimes(1);
    expect(app.save.mock.calls[0][0].session.outcome).toMatchObject({ kind: "walk-away", by: 0 });
    app.press("q");
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith("quit", null), DEADLINE);
    expect(app.save).toHaveBeenCalledTimes(1);
  });
});

describe.each([
  { lang: "en" as const, round: "Round", ended: "Shared ambition: how it ended", next: "Next: Year 1", agreed: "agreement reached", review: "What do you do with the agreement?", keep: "Keep it as it is" },
  { lang: "nl" as const, round: "Ronde", ended: "Gedeelde ambitie: hoe het afliep", next: "Hierna: Year 1", agreed: "akkoord bereikt", review: "Wat doe je met het akkoord?", keep: "Houden zoals het is" },
])("a partnership in $lang, between phases", (words) => {
  test("the screen between phases shows how the phase ended and what comes next; the review shows the choices; leaving saves once", async () => {
    const app = mount(partnershipOptions(words.lang));
    await ready(app, /Small partnership/);
    await app.type(TERM.enter, new RegExp(`${words.round} 1/3`));
    await app.type("o", new RegExp(`${words.round} 2/3`));
    await app.type("l", /Beta/);
    const between = await app.type("o", words.ended);
    expectFrameFits(between, 80, 24);
    expect(between).toContain(words.next);
    expect(between).not.toContain(`${words.round} 2/3`);
    await app.type(TERM.enter, new RegExp(`${words.round} 1/8 · Year 1`));
    await app.type("o", new RegExp(`${words.round} 2/8`));
    await app.type("l", /Beta/);
    await app.type("o", words.agreed);
    const review = await app.type("h", words.review);
    expectFrameFits(review, 80, 24);
    expect(review).toContain("Gamma joins.");
    expect(review).toContain(`› 1. ${words.keep}`);
    expect(app.save).not.toHaveBeenCalled();
    app.press("3");
    await vi.waitFor(() => expect(app.save).toHaveBeenCalledTimes(1), DEADLINE);
    expect(app.save.mock.calls[0][0].partnership?.waiting).toEqual({ kind: "ended", reason: "trainee-left" });
  });
});
