/**
 * Negotiation benchmarks: the time of one partner move on a 10^10-outcome scenario, and
 * of whole 50-round negotiations on the built-in scenarios, per family of styles.
 */
import { performance } from "node:perf_hooks";
import { compileScenario } from "../src/engine/model.js";
import { NegotiationDriver, sessionConfig } from "../src/negotiation/driver.js";
import { ScriptedPartner } from "../src/negotiation/partners/partner.js";
import type { Scenario } from "../src/scenario/schema.js";
import { generateScenario } from "./generate.js";
import { formatMs, median, table } from "./timing.js";

export interface BenchOutput {
  say(text?: string): void;
  verdict(target: string, figure: string, pass: boolean): string;
}

const TIME_BASED = ["boulware", "conceder", "linear", "hardliner"];
const MODEL_BASED = ["logroller", "meso", "reciprocator"];
const ALL_STYLES = [...TIME_BASED, ...MODEL_BASED, "anchor-and-bluff", "take-it-or-leave-it", "random"];

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

/** Times every talk() and act() of every scripted partner, by wrapping the prototype for the duration. */
function timeMoves(run: () => void): number[] {
  const prototype = ScriptedPartner.prototype;
  const { talk, act } = prototype;
  const samples: number[] = [];
  let turnStart = 0;
  prototype.talk = function (this: ScriptedPartner) {
    turnStart = performance.now();
    return talk.call(this);
  };
  prototype.act = function (this: ScriptedPartner) {
    const result = act.call(this);
    samples.push(performance.now() - turnStart);
    return result;
  };
  try {
    run();
  } finally {
    prototype.talk = talk;
    prototype.act = act;
  }
  return samples;
}

function negotiate(scenario: Scenario, model: ReturnType<typeof compileScenario>, a: string, b: string, seed: string, rounds: number) {
  const config = sessionConfig({ scenario, participants: [{ style: a }, { style: b }], seed, deadlineRounds: rounds }, model);
  const driver = new NegotiationDriver(scenario, config, model);
  driver.run();
  return driver;
}

export function negotiationSection(out: BenchOutput, builtins: Scenario[], quick: boolean): void {
  out.say("## 4. Partner moves on a 10^10-outcome scenario (2 parties, 10 issues × 10 options, opposed)");
  out.say();
  const big = generateScenario({ parties: 2, issues: 10, options: 10, family: "opposed" });
  const bigModel = compileScenario(big);
  const rows: string[][] = [];
  const everyMove: number[] = [];
  for (const style of ALL_STYLES) {
    // The first negotiation builds the shared ladders: included, as a trainee's first move would be.
    const samples = timeMoves(() => {
      for (let seed = 0; seed < (quick ? 3 : 10); seed++) negotiate(big, bigModel, style, "linear", String(seed), 50);
    });
    everyMove.push(...samples);
    rows.push([style, String(samples.length), formatMs(median(samples)), formatMs(percentile(samples, 0.99)), formatMs(Math.max(...samples))]);
  }
  const p99 = percentile(everyMove, 0.99);
  out.say(table(["style (against linear)", "moves", "median", "p99", "max"], rows));
  out.say();
  out.say(`All styles together: p99 ${formatMs(p99)} — target < 1 ms: ${out.verdict("partner move p99 < 1 ms at 10^10 outcomes", formatMs(p99), p99 < 1)}`);
  out.say();

  out.say("## 5. Whole 50-round negotiations on the built-in scenarios (2 parties)");
  out.say();
  const families = [
    { name: "time-based", styles: TIME_BASED, targetMs: 0.05 },
    { name: "model-based", styles: MODEL_BASED, targetMs: 0.5 },
  ];
  const negotiationRows: string[][] = [];
  for (const scenario of builtins.filter((s) => s.parties.length === 2)) {
    const model = compileScenario(scenario);
    for (const family of families) {
      const samples: number[] = [];
      const rounds: number[] = [];
      const repeat = quick ? 20 : 200;
      for (const a of family.styles) {
        for (const b of family.styles) {
          negotiate(scenario, model, a, b, "warm-up", 50);
          for (let k = 0; k < repeat; k++) {
            const t0 = performance.now();
            const driver = negotiate(scenario, model, a, b, String(k), 50);
            samples.push(performance.now() - t0);
            rounds.push(driver.outcome!.round);
          }
        }
      }
      const value = median(samples);
      negotiationRows.push([
        scenario.id,
        family.name,
        String(samples.length),
        median(rounds).toFixed(0),
        formatMs(value),
        `< ${formatMs(family.targetMs)}: ${out.verdict(`${family.name} 50-round negotiation on ${scenario.id} < ${formatMs(family.targetMs)} median`, formatMs(value), value < family.targetMs)}`,
      ]);
    }
  }
  out.say(table(["scenario", "styles", "negotiations", "median rounds", "median time", "target"], negotiationRows));
  out.say();
  out.say("Every pairing of the family's styles, both seats, a 50-round deadline; a negotiation ends early on agreement or walk-away.");
  out.say();
}
