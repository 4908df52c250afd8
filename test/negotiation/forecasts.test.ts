/**
 * Tip 6 at the table: partners bargain over bets. A win-win partner tells its forecast as it
 * is; anchor-and-bluff overstates it; a logroller that learns that the other side forecasts
 * differently proposes contingent clauses; and win-lose partners refuse bets they think they
 * lose (they value a package under their own forecast). Forecasts are worked out here from
 * the scenario's triangular distributions, not read off the engine.
 */
import { describe, expect, test } from "vitest";
import { mean, quantile } from "../../src/engine/distributions.js";
import { compileScenario, packageFromRecord } from "../../src/engine/model.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { resolveParams } from "../../src/negotiation/partners/params.js";
import { findStyle } from "../../src/negotiation/partners/registry.js";
import type { AnswerContent, Move, ParticipantConfig, SessionEvent } from "../../src/negotiation/protocol.js";
import { traineeQuestions } from "../../src/report/debrief-history.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { PRIZE_FOR_A, PRIZE_FOR_B, loaded, options, prizeIssue } from "../engine/uncertain.js";
import { acceptedPackage, builtin, runStyles, walk } from "./support.js";

const SOLAR = builtin("solar-park");
const model = compileScenario(SOLAR);
const [EEMVALLEI, POLDERSTROOM, RIJNWAARD] = [0, 1, 2];
const PRICE = 0;

type Triangle = { kind: "triangular"; min: number; mode: number; max: number };

/** A party's forecast of a quantity as the scenario writes it. */
function belief(quantity: number, party: number): Triangle {
  const q = SOLAR.uncertainties![quantity];
  return (q.beliefs?.[SOLAR.parties[party].id] ?? q.distribution) as Triangle;
}

/** The mean and the 5th and 95th percentiles of a triangular distribution, in closed form. */
function forecast({ min: a, mode: c, max: b }: Triangle): { mean: number; low: number; high: number } {
  const q = (p: number) => (p < (c - a) / (b - a) ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c)));
  return { mean: (a + b + c) / 3, low: q(0.05), high: q(0.95) };
}

function expectForecast(answer: AnswerContent, quantity: number, expected: { mean: number; low: number; high: number }): void {
  expect(answer.kind).toBe("expectation");
  if (answer.kind !== "expectation") return;
  expect(answer.quantity).toBe(quantity);
  expect(answer.mean).toBeCloseTo(expected.mean, 9);
  expect(answer.low).toBeCloseTo(expected.low, 9);
  expect(answer.high).toBeCloseTo(expected.high, 9);
}

/** A solar-park table with a human as Eemvallei and the given partners. */
function table(polderstroom: string, rijnwaard = "logroller", seed = "forecasts"): NegotiationDriver {
  const participants: ParticipantConfig[] = [{ style: HUMAN }, { style: polderstroom }, { style: rijnwaard }];
  const driver = new NegotiationDriver(SOLAR, sessionConfig({ scenario: SOLAR, participants, seed }));
  driver.advance();
  return driver;
}

/** The answer the human got to its last question. */
function lastAnswer(driver: NegotiationDriver): Extract<Move, { type: "answer" }> {
  const answers = driver.session.events.flatMap((event) => (event.type === "move" && event.move.type === "answer" && event.move.to === EEMVALLEI ? [event.move] : []));
  expect(answers.length).toBeGreaterThan(0);
  return answers.at(-1)!;
}

describe("answers to 'what do you expect of …?'", () => {
  test.each(["logroller", "conceder", "meso", "reciprocator"])("an open win-win partner (%s) tells its own forecast", (style) => {
    const driver = table(style);
    for (const quantity of [0, 1]) {
      driver.session.move(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "expectation", quantity } });
      // The driver lets a scripted partner answer at once; here the test asks the partner itself.
      const partner = (driver as unknown as { partners: { answer: (from: number, q: unknown) => { move: Move } }[] }).partners[POLDERSTROOM];
      const { move } = partner.answer(EEMVALLEI, { kind: "expectation", quantity });
      expect(move.type).toBe("answer");
      if (move.type !== "answer") return;
      expect(move.honesty).toBe("truthful");
      expectForecast(move.answer, quantity, forecast(belief(quantity, POLDERSTROOM)));
    }
  });

  test("asked through the driver, the logroller answers with its own forecast, not the trainee's or the common one", () => {
    const driver = table("logroller");
    driver.play(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "expectation", quantity: PRICE } });
    const answer = lastAnswer(driver);
    expect(answer.honesty).toBe("truthful");
    expectForecast(answer.answer, PRICE, forecast(belief(PRICE, POLDERSTROOM)));
    // Polderstroom expects a low price: about 42, against Eemvallei's 85.
    expect(forecast(belief(PRICE, POLDERSTROOM)).mean).toBeCloseTo(127 / 3, 9);
  });

  test("rijnwaard, without a price forecast of its own, tells the common one", () => {
    const driver = table("logroller", "logroller");
    driver.play(EEMVALLEI, { type: "ask", to: RIJNWAARD, question: { kind: "expectation", quantity: PRICE } });
    expectForecast(lastAnswer(driver).answer, PRICE, forecast(SOLAR.uncertainties![PRICE].distribution as Triangle));
  });

  /** Polderstroom's answer to "what do you expect of the price?" when it plays `style`: its forecast moved up by half its range. */
  function expectOverstatedPrice(style: string) {
    const driver = table(style);
    driver.play(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "expectation", quantity: PRICE } });
    const answer = lastAnswer(driver);
    expect(answer.honesty).toBe("misleading");
    const own = forecast(belief(PRICE, POLDERSTROOM));
    const up = 0.5 * (own.high - own.low);
    expectForecast(answer.answer, PRICE, { mean: own.mean + up, low: own.low + up, high: own.high + up });
    expect(answer.answer.kind === "expectation" && answer.answer.mean).toBeGreaterThan(own.mean + 5);
  }

  test("anchor-and-bluff overstates its forecast by half its range", () => expectOverstatedPrice("anchor-and-bluff"));

  test.each(["hardliner", "boulware", "take-it-or-leave-it"])("a closed win-lose partner (%s) dodges questions on its interests but overstates its forecast", (style) => {
    expectOverstatedPrice(style);
    const next = table(style);
    next.play(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "most-important" } });
    expect(lastAnswer(next)).toMatchObject({ honesty: "vague", answer: { kind: "vague" } });
  });
});

describe("forecast questions are told apart by their quantity", () => {
  test("an answer about the overrun does not answer a question about the price", () => {
    const driver = table("logroller");
    driver.play(EEMVALLEI, { type: "offer", package: [1, 1, 0, 2] });
    // The logroller asked Eemvallei about both quantities on its first turn.
    const asked = driver.session.pendingQuestions.filter((q) => q.to === EEMVALLEI && q.from === POLDERSTROOM && q.question.kind === "expectation");
    expect(asked.map((q) => q.question)).toEqual([
      { kind: "expectation", quantity: 0 },
      { kind: "expectation", quantity: 1 },
    ]);
    const own = (quantity: number) => ({ kind: "expectation" as const, quantity, ...forecast(belief(quantity, EEMVALLEI)) });
    // Answering the overrun question leaves the price question pending, and the other way round.
    driver.play(EEMVALLEI, { type: "answer", to: POLDERSTROOM, question: { kind: "expectation", quantity: 1 }, answer: own(1), honesty: "truthful" });
    const left = driver.session.pendingQuestions.filter((q) => q.to === EEMVALLEI && q.from === POLDERSTROOM && q.question.kind === "expectation");
    expect(left.map((q) => q.question)).toEqual([{ kind: "expectation", quantity: 0 }]);
  });

  test("an answer to a quantity nobody asked about is refused", () => {
    const scenario = SOLAR;
    const config = sessionConfig({ scenario, participants: [{ style: HUMAN }, { style: HUMAN }, { style: HUMAN }], seed: "q" });
    const driver = new NegotiationDriver(scenario, config);
    driver.play(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "expectation", quantity: PRICE } });
    driver.play(EEMVALLEI, { type: "offer", package: [0, 0, 0, 0] });
    const overrun = { kind: "expectation" as const, quantity: 1, ...forecast(belief(1, POLDERSTROOM)) };
    expect(() =>
      driver.play(POLDERSTROOM, { type: "answer", to: EEMVALLEI, question: { kind: "expectation", quantity: 1 }, answer: overrun, honesty: "truthful" }),
    ).toThrow(/answered a question nobody asked/);
  });

  test("the debrief pairs each forecast question with the answer about that quantity, whatever the order of the answers", () => {
    const config = sessionConfig({ scenario: SOLAR, participants: [{ style: HUMAN }, { style: HUMAN }, { style: HUMAN }], seed: "pairs" });
    const driver = new NegotiationDriver(SOLAR, config);
    driver.play(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "expectation", quantity: 1 } });
    driver.play(EEMVALLEI, { type: "ask", to: POLDERSTROOM, question: { kind: "expectation", quantity: 0 } });
    driver.play(EEMVALLEI, { type: "offer", package: [0, 0, 0, 0] });
    for (const quantity of [0, 1]) {
      const answer = { kind: "expectation" as const, quantity, ...forecast(belief(quantity, POLDERSTROOM)) };
      driver.play(POLDERSTROOM, { type: "answer", to: EEMVALLEI, question: { kind: "expectation", quantity }, answer, honesty: "truthful" });
    }
    const records = traineeQuestions(driver.session.events, EEMVALLEI);
    expect(records.map((record) => record.question)).toEqual([
      { kind: "expectation", quantity: 1 },
      { kind: "expectation", quantity: 0 },
    ]);
    for (const record of records) {
      expect(record.answer).not.toBeNull();
      expect(record.answer!.content).toMatchObject({ kind: "expectation", quantity: (record.question as { quantity: number }).quantity });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A logroller that learns of a forecast gap proposes bets.

/** Offers (MESO packages counted singly) by a party in a transcript. */
function offersBy(events: readonly SessionEvent[], party: number): number[][] {
  return events.flatMap((event) => {
    if (event.type !== "move" || event.actor !== party) return [];
    if (event.move.type === "offer") return [event.move.package];
    if (event.move.type === "meso") return event.move.packages;
    return [];
  });
}

const isContingent = (pkg: readonly number[]) => pkg.some((o, i) => model.uncertain!.contingent[model.issueOffsets[i] + o] === 1);

/**
 * The human (party 0) answers every question put to it as `honesty` says (its own forecast
 * when truthful) and otherwise offers `favourite`, round after round.
 */
function playAgainst(scenario: Scenario, honesty: "truthful" | "vague", styles: string[], favourite: number[], seed: string): SessionEvent[] {
  const participants: ParticipantConfig[] = [{ style: HUMAN }, ...styles.map((style) => ({ style }))];
  const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed }));
  const own = (quantity: number) => {
    const d = driver.session.model.uncertain!.beliefs[0][quantity];
    return { mean: mean(d), low: quantile(d, 0.05), high: quantile(d, 0.95) };
  };
  driver.advance();
  while (!driver.session.ended) {
    for (const pending of [...driver.session.pendingQuestions.filter((q) => q.to === 0)]) {
      const question = pending.question;
      const answer: AnswerContent = honesty === "vague" || question.kind !== "expectation" ? { kind: "vague" } : { kind: "expectation", quantity: question.quantity, ...own(question.quantity) };
      driver.play(0, { type: "answer", to: pending.from, question, answer, honesty: answer.kind === "vague" ? "vague" : "truthful" });
    }
    driver.play(0, { type: "offer", package: favourite });
  }
  return driver.session.events;
}

/**
 * A (the human) believes x lies on [60, 100], B (the partner) on [0, 100]. The bet "A wins
 * if x ≥ 50, else B wins" is worth 50 to B, as much as halving the prize: B has no reason of
 * its own to propose it. To A it is worth 100. B learns that only from A's forecast.
 */
const GAP = loaded({
  id: "gap-lab",
  title: "A forecast gap",
  story: "Built by a test.",
  deadlineRounds: 8,
  uncertainties: [{ id: "x", label: "x", distribution: { kind: "uniform", min: 0, max: 100 }, beliefs: { A: { kind: "uniform", min: 60, max: 100 } } }],
  issues: [
    prizeIssue(50),
    { id: "terms", label: "terms", options: options(3) },
  ],
  parties: [
    { id: "A", name: "A", briefing: "A", weights: { prize: 1, terms: 1 }, values: { prize: PRIZE_FOR_A, terms: { o0: 0, o1: 50, o2: 100 } }, batna: 20 },
    { id: "B", name: "B", briefing: "B", weights: { prize: 1, terms: 1 }, values: { prize: PRIZE_FOR_B, terms: { o0: 100, o1: 50, o2: 0 } }, batna: 20 },
  ],
});

describe("a win-win partner that learns a forecast gap proposes contingent clauses", () => {
  const gapModel = compileScenario(GAP);
  const bets = (offers: number[][]) => offers.filter((pkg) => pkg[0] === 3).length;

  test("the bet is worth as much as halves to B, and more to A", () => {
    const value = (p: number, o: number) => gapModel.contributions[(gapModel.issueOffsets[0] + o) * 2 + p];
    expect(value(1, 3)).toBeCloseTo(value(1, 2), 9);
    expect(value(0, 3)).toBeCloseTo(50, 9);
    expect(value(0, 2)).toBeCloseTo(25, 9);
  });

  // (The reciprocator learns too, but concedes only as A does; A here never moves, so neither does it.)
  test.each(["logroller", "meso"])("%s proposes the bet after A's forecast, and not after A dodges", (style) => {
    const told = offersBy(playAgainst(GAP, "truthful", [style], [0, 2], "gap"), 1);
    const dodged = offersBy(playAgainst(GAP, "vague", [style], [0, 2], "gap"), 1);
    expect(told.length).toBeGreaterThan(0);
    expect(dodged.length).toBeGreaterThan(0);
    expect(bets(told), `told ${JSON.stringify(told)}`).toBeGreaterThan(0);
    expect(bets(told) / told.length, `told ${JSON.stringify(told)}, dodged ${JSON.stringify(dodged)}`).toBeGreaterThan(bets(dodged) / dodged.length);
  });

  test("on the solar park, Rijnwaard (a logroller with the common price forecast) offers the price clause more often once Eemvallei has told its forecast", () => {
    const favourite = Array.from(packageFromRecord(model, { "revenue-split": "eemvallei-more", "cost-overrun": "municipality", lease: "low", "local-ownership": "fund" }));
    const priceClause = model.optionIds[0].indexOf("price-clause");
    const share = (offers: number[][]) => offers.filter((pkg) => pkg[0] === priceClause).length / offers.length;
    const told = offersBy(playAgainst(SOLAR, "truthful", ["logroller", "logroller"], favourite, "gap"), RIJNWAARD);
    const dodged = offersBy(playAgainst(SOLAR, "vague", ["logroller", "logroller"], favourite, "gap"), RIJNWAARD);
    expect(share(told), `told ${JSON.stringify(told)}, dodged ${JSON.stringify(dodged)}`).toBeGreaterThan(share(dodged));
    expect(told.some(isContingent)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Win-lose partners refuse bets they think they lose.

/**
 * A (the human) and B, one issue on a prize and one on terms. Both expect x high (on [60, 100]),
 * so the bet "A wins if x ≥ 50, else B wins" is one B expects to lose; under the common forecast
 * (x on [0, 100]) it would be an even bet.
 *   B: prize a-wins 0, b-wins 100, halves 50; terms o0 100, o1 0; weights ½, ½; BATNA 30.
 *   [bet, o0] is worth 0 + 50 = 50 to B under its forecast (75 under the common one); [halves, o0] 75.
 */
const BET = loaded({
  id: "bet-lab",
  title: "A losing bet",
  story: "Built by a test.",
  deadlineRounds: 1,
  uncertainties: [
    {
      id: "x",
      label: "x",
      distribution: { kind: "uniform", min: 0, max: 100 },
      beliefs: { A: { kind: "uniform", min: 60, max: 100 }, B: { kind: "uniform", min: 60, max: 100 } },
    },
  ],
  issues: [
    prizeIssue(50),
    { id: "terms", label: "terms", options: options(2) },
  ],
  parties: [
    { id: "A", name: "A", briefing: "A", weights: { prize: 1, terms: 1 }, values: { prize: PRIZE_FOR_A, terms: { o0: 0, o1: 100 } }, batna: 10 },
    { id: "B", name: "B", briefing: "B", weights: { prize: 1, terms: 1 }, values: { prize: PRIZE_FOR_B, terms: { o0: 100, o1: 0 } }, batna: 30 },
  ],
});
const [BET_OPTION, HALVES] = [3, 2];

describe("win-lose partners refuse bets they think they lose", () => {
  const betModel = compileScenario(BET);

  test("the bet is worth 50 to B under its own forecast, 75 under the common one", () => {
    expect(betModel.contributions[(betModel.issueOffsets[0] + BET_OPTION) * 2 + 1]).toBeCloseTo(0, 9);
    const common = compileScenario({ ...BET, uncertainties: BET.uncertainties!.map(({ beliefs: _, ...rest }) => rest) });
    expect(common.contributions[(common.issueOffsets[0] + BET_OPTION) * 2 + 1]).toBeCloseTo(25, 9);
  });

  // A floor of 60: above what B expects of the bet, below the even split.
  const partner = (style: string): ParticipantConfig => ({ style, params: { reservation: 60 } });
  test.each(["hardliner", "boulware", "anchor-and-bluff"])("%s on its last turn takes the even split but not the bet", (style) => {
    const floor = (() => {
      const driver = new NegotiationDriver(BET, sessionConfig({ scenario: BET, participants: [{ style: HUMAN }, partner(style)], seed: "bet" }));
      const params = resolveParams(driver.session, 1, findStyle(style)!, { reservation: 60 });
      return Math.max(params.reservation, betModel.batnas[1]);
    })();
    // The floor lies between what B expects of the bet and what the common forecast would make of it.
    expect(floor).toBeLessThan(75);
    expect(floor).toBeGreaterThan(50);
    const offer = (pkg: number[]) => {
      const driver = new NegotiationDriver(BET, sessionConfig({ scenario: BET, participants: [{ style: HUMAN }, partner(style)], seed: "bet" }));
      driver.play(0, { type: "offer", package: pkg });
      return driver.session;
    };
    const even = offer([HALVES, 0]);
    expect(even.outcome).toEqual({ kind: "agreement", package: [HALVES, 0], round: 1 });
    const bet = offer([BET_OPTION, 0]);
    expect(bet.outcome?.kind).not.toBe("agreement");
  });

  test("on the solar park, a win-lose partner accepts a package with a clause only at or above its target, under its own forecast", () => {
    let seen = 0;
    for (const style of ["hardliner", "boulware", "anchor-and-bluff"]) {
      for (const others of [
        ["logroller", "logroller"],
        ["conceder", "meso"],
        ["logroller", "conceder"],
      ]) {
        for (const position of [0, 1, 2]) {
          const styles = [...others];
          styles.splice(position, 0, style);
          const run = runStyles(SOLAR, styles, "bets");
          walk(run.scenario, run.config, run.session.events, (session, event) => {
            if (event.type !== "move" || event.move.type !== "accept" || event.actor !== position) return;
            const pkg = acceptedPackage(session, event.move);
            if (!pkg || !isContingent(pkg)) return;
            seen++;
            const params = resolveParams(session, position, findStyle(style)!);
            const floor = Math.min(Math.max(params.reservation, session.model.batnas[position]), params.aspiration);
            const target = floor + (params.aspiration - floor) * (1 - Math.pow(session.time, 1 / params.concession));
            const last = session.round === run.config.deadlineRounds;
            const utility = session.utility(position, pkg);
            expect(utility, `${styles.join("/")}: ${style} accepted ${pkg}`).toBeGreaterThanOrEqual((last ? floor : target) - 1e-9);
            // Its utility is the expectation under its own forecast.
            expect(utility).toBe(run.session.utility(position, pkg));
          });
        }
      }
    }
    expect(seen, "some win-lose partner accepted a package with a clause").toBeGreaterThan(0);
  });
});
