/**
 * Play UI latency: from a key press to the updated frame, on a 10^10-outcome scenario.
 *
 * The real app (PlayApp) is rendered by Ink into ink-testing-library's fake terminal; keys
 * are written to its stdin as a terminal sends them, and the time runs until the frame on
 * its stdout has changed (polled with setImmediate). That covers Ink's input parsing, the
 * reducer (for an offer or a question: the scripted partner's answer too), React and
 * Ink's layout and output.
 */
import { performance } from "node:perf_hooks";
import { render } from "ink-testing-library";
import { createElement } from "react";
import type { Scenario } from "../src/scenario/schema.js";
import { PlayApp } from "../src/ui/play/PlayApp.js";
import type { PlayOptions } from "../src/ui/play/state.js";
import { generateScenario } from "./generate.js";
import type { BenchOutput } from "./negotiation.js";
import { formatMs, median, table } from "./timing.js";

const TARGET_MS = 50;
const COLUMNS = 100;
const ROWS = 30;
/** Long enough that offers do not run into the deadline while sampling. */
const ROUNDS = 60;
const PARTNERS = ["logroller", "meso", "boulware"];

const KEY = { right: "\u001B[C", down: "\u001B[B", enter: "\r", escape: "\u001B" } as const;

type Kind = "builder" | "offer" | "menu" | "question";

const KINDS: readonly { kind: Kind; label: string }[] = [
  { kind: "builder", label: "→ (builder: next option)" },
  { kind: "offer", label: "o (offer + the partner's move)" },
  { kind: "menu", label: "k (question menu)" },
  { kind: "question", label: "1 (question + the partner's answer)" },
];

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

/** One game in the fake terminal, on the negotiation screen. */
class Game {
  private readonly app: ReturnType<typeof render>;

  constructor(options: PlayOptions) {
    const props = { options, save: () => "transcript.json", onExit: () => {} };
    this.app = render(createElement(PlayApp, props));
    // ink-testing-library's stdout reports 100 columns and no rows: set the size, then tell
    // the app its terminal was resized, which lays it out for that size.
    Object.defineProperty(this.app.stdout, "columns", { configurable: true, get: () => COLUMNS });
    Object.defineProperty(this.app.stdout, "rows", { configurable: true, get: () => ROWS });
    this.app.stdout.emit("resize");
  }

  get frame(): string {
    return this.app.lastFrame() ?? "";
  }

  /** Still negotiating (not on the debrief)? */
  get live(): boolean {
    return this.frame.includes("Round ");
  }

  /** Writes a key and waits for the frame to change; returns the milliseconds it took. */
  async press(key: string, timeoutMs = 10_000): Promise<number> {
    const before = this.frame;
    const t0 = performance.now();
    this.app.stdin.write(key);
    while (this.frame === before) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`no new frame within ${timeoutMs} ms after ${JSON.stringify(key)}`);
      await nextTurn();
    }
    return performance.now() - t0;
  }

  unmount(): void {
    this.app.unmount();
  }
}

async function startGame(scenario: Scenario, partner: string, seed: string): Promise<Game> {
  const game = new Game({
    scenarios: [{ id: scenario.id, scenario }],
    lang: "en",
    seed,
    scenarioId: scenario.id,
    partyId: scenario.parties[0].id,
    partner,
    rounds: ROUNDS,
  });
  // Ink subscribes to the input in an effect: let it run, then leave the briefing.
  await nextTurn();
  await game.press(KEY.enter);
  if (!game.live) throw new Error("the negotiation screen did not show");
  return game;
}

/** Plays turns of →, ↓, k, 1, o against each partner until every kind has `perKind` samples. */
async function sample(scenario: Scenario, perKind: number): Promise<{ samples: Map<Kind, number[]>; games: number }> {
  const samples = new Map<Kind, number[]>(KINDS.map(({ kind }) => [kind, []]));
  let played = 0;
  const add = (kind: Kind, ms: number) => samples.get(kind)!.push(ms);
  const perPartner = Math.ceil(perKind / PARTNERS.length);
  for (const partner of PARTNERS) {
    let games = 0;
    let game = await startGame(scenario, partner, `ui-${games}`);
    for (let turn = 0; turn < perPartner; turn++) {
      if (!game.live) {
        game.unmount();
        game = await startGame(scenario, partner, `ui-${++games}`);
      }
      // Change the package a little every turn, so the offers move.
      add("builder", await game.press(KEY.right));
      await game.press(KEY.down);
      add("menu", await game.press("k"));
      add("question", await game.press("1"));
      add("offer", await game.press("o"));
    }
    game.unmount();
    played += games + 1;
  }
  return { samples, games: played };
}

export async function uiLatencySection(out: BenchOutput, quick: boolean): Promise<void> {
  out.say("## 6. Play UI: key press to updated frame (2 parties, 10 issues × 10 options, opposed: 10^10 outcomes)");
  out.say();
  const scenario = generateScenario({ parties: 2, issues: 10, options: 10, family: "opposed" });
  // Warm-up: a few turns of a separate game, untimed (the JIT, React's and Ink's first renders).
  await sample(scenario, PARTNERS.length * 3);
  const perKind = quick ? 30 : 150;
  const { samples, games } = await sample(scenario, perKind);
  const rows = KINDS.map(({ kind, label }) => {
    const values = samples.get(kind)!;
    const p95 = percentile(values, 0.95);
    return [
      label,
      String(values.length),
      formatMs(median(values)),
      formatMs(p95),
      formatMs(Math.max(...values)),
      `p95 < ${TARGET_MS} ms: ${out.verdict(`play UI ${label.split(" (")[0]} key to frame p95 < ${TARGET_MS} ms at 10^10 outcomes`, formatMs(p95), p95 < TARGET_MS)}`,
    ];
  });
  out.say(table(["key", "presses", "median", "p95", "max", "target"], rows));
  out.say();
  out.say(
    `PlayApp rendered by Ink into ink-testing-library's terminal (${COLUMNS}×${ROWS}); the time from stdin.write to a changed frame. ` +
      `Partners: ${PARTNERS.join(", ")} (the trainee plays party 0, deadline ${ROUNDS} rounds; ${games} games, a game that ends is replaced). ` +
      "An offer's time includes the partner's move; a question's, the partner's answer. The first game of each partner " +
      "builds its bid ladder inside an offer's time; a warm-up of a few turns per partner comes first.",
  );
  out.say();
}
