/**
 * A trainee's game in a real terminal (tmux), from the picker to the debrief, with key
 * presses: at every round the screen is checked (the round in the header, every issue's
 * row, the keys in the footer, nothing wider than the terminal), then the debrief is paged
 * through and checked line by line against the `debrief` command's own text.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { questionKinds } from "../../src/negotiation/wording.js";
import { DEBRIEF_KEYS } from "../../src/ui/play/keys.js";
import { DEFAULT_SCENARIO_ID, builtinScenarioIds, resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import type { Language, Scenario } from "../../src/scenario/schema.js";
import { localise } from "../../src/scenario/localise.js";
import { CLI, sendKeys, startSession, waitForExit, waitForScreen } from "./tmux.js";

export interface TerminalGame {
  readonly columns: number;
  readonly rows: number;
  readonly lang: Language;
  /** The scenario's place in the picker, and the scenario itself. */
  readonly pickerIndex: number;
  readonly scenario: Scenario;
}

const ROUNDS = 4;

const scenarioFile = (id: string): Scenario => loadScenarioFile(resolveScenarioPath(id)).scenario;

/** The picker lists the built-in scenarios in id order, the default first. */
const PICKER_ORDER = builtinScenarioIds().sort((a, b) => Number(b === DEFAULT_SCENARIO_ID) - Number(a === DEFAULT_SCENARIO_ID));
const pickerGame = (id: string, lang: Language) => ({ lang, pickerIndex: PICKER_ORDER.indexOf(id), scenario: scenarioFile(id) });

/**
 * Games each terminal size plays: a two- and a three-party scenario in both languages, and the
 * scenario with uncertain quantities (its forecasts, its range row) in Dutch.
 */
export const TERMINAL_GAMES: readonly [string, Omit<TerminalGame, "columns" | "rows">][] = [
  ...(["en", "nl"] as const).flatMap((lang): [string, Omit<TerminalGame, "columns" | "rows">][] => [
    [`hospital-it-platform (two parties), ${lang}`, pickerGame("hospital-it-platform", lang)],
    [`rd-consortium (three parties), ${lang}`, pickerGame("rd-consortium", lang)],
  ]),
  ["solar-park (uncertain quantities), nl", pickerGame("solar-park", "nl")],
];
/** The picker lists the styles in the registry's order: the fifth is the logroller. */
const LOGROLLER = 4;

/** Words as a reader sees them: letters only, so that plot characters and punctuation do not count. */
function words(text: string): Set<string> {
  return new Set(text.match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []);
}

export async function playInTerminal(game: TerminalGame, session: string): Promise<void> {
  const { columns, rows, lang, scenario } = game;
  const t = translator(lang);
  const workdir = mkdtempSync(join(tmpdir(), "mutual-gains-e2e-"));
  try {
    // CI=true: the play UI must still draw every frame in a terminal (Ink alone would not).
    startSession(session, columns, rows, workdir, `env CI=true NO_COLOR=1 TERM=xterm-256color LANG=C.UTF-8 node ${CLI} play --seed 7 --rounds ${ROUNDS} --lang ${lang}`, { keep: true });
    const title = localise(scenario.title, lang);
    await waitForScreen(session, t("play.pick.scenario"));
    sendKeys(session, ...Array(game.pickerIndex).fill("Down"));
    await waitForScreen(session, `› ${t("play.pick.scenarioItem", { title, parties: scenario.parties.length })}`);
    sendKeys(session, "Enter");
    await waitForScreen(session, t("play.pick.party"));
    sendKeys(session, "Enter");
    await waitForScreen(session, t("play.pick.partner", { partners: scenario.parties.length - 1 }));
    sendKeys(session, ...Array(LOGROLLER).fill("Down"));
    await waitForScreen(session, "› logroller");
    sendKeys(session, "Enter");
    // The name, typed as a trainee does: a slip erased with Backspace (tmux sends DEL, as terminals do).
    await waitForScreen(session, t("play.pick.name"));
    sendKeys(session, "-l", "Team 7x");
    sendKeys(session, "BSpace");
    await waitForScreen(session, t("play.pick.nameField", { name: "Team 7" }));
    sendKeys(session, "Enter");
    // The briefing's title may wrap: its footer says the briefing is on screen.
    await waitForScreen(session, `Enter ${t("play.key.start.hint")}`);
    sendKeys(session, "Enter");

    // Under the debrief: where the transcript went (the path may be on a line of its own).
    const saved = t("play.saved", { path: "" }).trim();
    let round = 1;
    for (;;) {
      const header = t("play.header.round", { round, rounds: ROUNDS, left: ROUNDS - round });
      const screen = await waitForScreen(session, (text) => text.split("\n")[0].includes(header) || text.includes(saved), { settledMs: 150 });
      if (screen.includes(saved)) break;
      expectNegotiationScreen(screen, game);
      if (round === 1) {
        // Ask a question; with three parties the trainee chooses whom.
        sendKeys(session, "k", "1");
        if (scenario.parties.length > 2) {
          await waitForScreen(session, t("play.ask.whom"));
          sendKeys(session, "Down", "Enter");
        }
        const askTitle = t("play.ask.title", { count: questionKinds(scenario).length });
        await waitForScreen(session, (text) => !text.includes(askTitle) && !text.includes(t("play.ask.whom")));
      }
      sendKeys(session, "o");
      round++;
      expect(round, "the game outlasted its deadline").toBeLessThanOrEqual(ROUNDS + 1);
    }

    // The debrief, page by page, until its last line shows.
    const shown = await debriefPages(session, columns, rows, saved);
    sendKeys(session, "q");
    const { status } = await waitForExit(session);
    expect(status).toBe(0);

    const [file] = readdirSync(join(workdir, "transcripts"));
    const transcript = JSON.parse(readFileSync(join(workdir, "transcripts", file), "utf8"));
    expect(transcript).toMatchObject({ complete: true, lang, trainee: 0, name: "Team 7" });
    // Every word on the debrief screens is a word of the debrief itself: none was cut.
    const printed = spawnSync(process.execPath, [CLI, "debrief", join(workdir, "transcripts", file)], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(printed.status, printed.stderr).toBe(0);
    const known = words(`${printed.stdout} ${t("play.saved", { path: `transcripts/${file}` })} ${t("play.scroll.position", { first: 1, last: 2, total: 3 })} ${footerWords(lang)}`);
    const unknown = [...words(shown.join("\n"))].filter((word) => !known.has(word));
    expect(unknown, `words on the debrief screen that the debrief does not have:\n${shown.join("\n")}`).toEqual([]);
  } finally {
    spawnSync("tmux", ["kill-session", "-t", session]);
    rmSync(workdir, { recursive: true, force: true });
  }
}

/**
 * The debrief screen page by page (PgDn) until its last line shows, each page within the
 * terminal and no line cut; `ready` is a text every page of it shows. Returns every line shown.
 */
export async function debriefPages(session: string, columns: number, rows: number, ready: string): Promise<string[]> {
  const shown: string[] = [];
  for (let page = 0; page < 80; page++) {
    const screen = await waitForScreen(session, ready, { settledMs: 150 });
    const lines = screen.replace(/\n+$/, "").split("\n");
    for (const line of lines) {
      expect([...line].length, `wider than ${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
      expect(line.trimEnd().endsWith("…"), `a cut word: ${line}`).toBe(false);
    }
    expect(lines.length).toBeLessThanOrEqual(rows);
    shown.push(...lines);
    const position = /(\d+)–(\d+) (?:of|van) (\d+)/.exec(lines.at(-1) ?? "");
    if (!position || position[2] === position[3]) return shown;
    sendKeys(session, "NPage");
    await waitForScreen(session, (text) => !text.includes(position[0]));
  }
  throw new Error(`the debrief of ${session} did not end within 80 pages`);
}

/** The debrief screen's footer: its keys' labels and words. */
function footerWords(lang: Language): string {
  const t = translator(lang);
  return DEBRIEF_KEYS.map((binding) => `${binding.label} ${t(binding.hint)}`).join(" ");
}

/** At every round: the round in the first line, every issue's row, the keys in the footer, nothing too wide. */
function expectNegotiationScreen(screen: string, game: TerminalGame): void {
  const t = translator(game.lang);
  const lines = screen.replace(/\n+$/, "").split("\n");
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(game.columns);
  expect(lines.length).toBeLessThan(game.rows);
  for (const issue of game.scenario.issues) {
    // A label may be cut to fit its column, never to nothing.
    const label = localise(issue.label, game.lang);
    expect(screen, `the row of ${label}`).toContain(label.slice(0, 8));
  }
  // Where the future is uncertain, the table's last row is the range of 90 % of outcomes.
  if (game.scenario.uncertainties) expect(screen).toContain(t("play.table.range"));
  const footer = lines.slice(-2).join(" ");
  expect(footer).toContain(`? ${t("play.key.help.hint")}`);
  expect(footer).toContain(`q ${t("play.key.quit.hint")}`);
}
