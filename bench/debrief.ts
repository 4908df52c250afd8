/**
 * Debrief benchmark: the debrief of a played game on every built-in scenario, seat and a
 * few partner styles, as the play UI computes it once when a game ends: the facts
 * (computeDebrief, with the counterfactual replay after a walk-away), then the text
 * sections and the JSON.
 */
import { performance } from "node:perf_hooks";
import { analyzeScenario } from "../src/engine/analysis.js";
import { compileScenario } from "../src/engine/model.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../src/negotiation/driver.js";
import { makeTranscript } from "../src/negotiation/transcript.js";
import { computeDebrief, debriefSections, debriefToJson } from "../src/report/debrief.js";
import type { Scenario } from "../src/scenario/schema.js";
import type { BenchOutput } from "./negotiation.js";
import { formatMs, median, table } from "./timing.js";

const STYLES = ["logroller", "conceder", "boulware", "anchor-and-bluff"];
const TARGET_MS = 100;

/** The trainee asks first, then offers the Nash package every turn, or walks away in round 2. */
function playedGame(scenario: Scenario, trainee: number, style: string, walkAway: boolean) {
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model, { top: 0 });
  const nash = Array.from(analysis.frontier.package(analysis.nash!));
  const participants = scenario.parties.map((_, p) => ({ style: p === trainee ? HUMAN : style }));
  const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "bench" }, model), model);
  driver.advance();
  driver.play(trainee, { type: "ask", to: (trainee + 1) % scenario.parties.length, question: { kind: "most-important" } });
  while (!driver.session.ended) driver.play(trainee, walkAway && driver.session.round >= 2 ? { type: "walk-away" } : { type: "offer", package: nash });
  const session = driver.session;
  return { session, transcript: makeTranscript(session, { trainee, surprise: false, lang: "en", complete: true, savedAt: new Date(0) }) };
}

export function debriefSection(out: BenchOutput, builtins: Scenario[]): void {
  out.say("## 8. The debrief of a game on the built-in scenarios");
  out.say();
  const rows: string[][] = [];
  let slowest = 0;
  for (const scenario of builtins) {
    const compute: number[] = [];
    const render: number[] = [];
    for (let trainee = 0; trainee < scenario.parties.length; trainee++) {
      for (const style of STYLES) {
        for (const walkAway of [false, true]) {
          const { session, transcript } = playedGame(scenario, trainee, style, walkAway);
          const t0 = performance.now();
          const debrief = computeDebrief(transcript, session);
          const t1 = performance.now();
          debriefSections(debrief, scenario, "nl", 78);
          debriefToJson(debrief, scenario, "en");
          const t2 = performance.now();
          compute.push(t1 - t0);
          render.push(t2 - t1);
          slowest = Math.max(slowest, t2 - t0);
        }
      }
    }
    rows.push([scenario.id, String(compute.length), formatMs(median(compute)), formatMs(Math.max(...compute)), formatMs(median(render)), formatMs(Math.max(...render))]);
  }
  out.say(table(["scenario", "games", "facts median", "facts max", "text + JSON median", "text + JSON max"], rows));
  out.say();
  out.say(
    `Every seat against ${STYLES.join(", ")}, once offering the Nash package to the end and once walking away in round 2 (the facts then include the replayed counterfactual). The first game's figures include the cold start of the message catalogues. Slowest whole debrief ${formatMs(slowest)} — target < ${formatMs(TARGET_MS)}: ${out.verdict(`debrief of a built-in game < ${formatMs(TARGET_MS)}`, formatMs(slowest), slowest < TARGET_MS)}`,
  );
  out.say();
}
