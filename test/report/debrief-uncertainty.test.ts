/**
 * Tip 6 in the debrief, on solar-park games played through the play module: a deal of fixed
 * terms where forecasts differed is coached "improve" with the value of the clause it missed;
 * a game that asks for forecasts and agrees contingent clauses is "good"; the truth is drawn
 * once per game from its seed; what the deal turned out to be worth follows from the truth; and
 * the texts (English and Dutch) and the JSON carry the forecasts and the truth.
 */
import seedrandom from "seedrandom";
import { describe, expect, test } from "vitest";
import { clauseValues } from "../../src/engine/contingent.js";
import { draw } from "../../src/engine/distributions.js";
import { packageFromRecord, packageUtility } from "../../src/engine/model.js";
import { drawTruth, realisedUtility } from "../../src/engine/risk.js";
import type { Move, PackageArray } from "../../src/negotiation/protocol.js";
import type { SessionView } from "../../src/negotiation/session.js";
import { type Game, gameSetup, gameTranscript, playMove, startGame } from "../../src/play/game.js";
import { canAccept } from "../../src/play/table.js";
import { type Debrief, computeDebrief, debriefSections, debriefToJson } from "../../src/report/debrief.js";
import type { Language } from "../../src/scenario/schema.js";
import { builtin } from "../negotiation/support.js";

const SOLAR = builtin("solar-park");
const EEMVALLEI = 0;

interface Plan {
  /** Ask every partner for its forecast of every quantity on the first turn. */
  readonly askForecasts: boolean;
  /** The package offered each turn. */
  readonly offer: PackageArray;
  /** Whether to accept a standing package. */
  readonly accept: (session: SessionView, pkg: PackageArray) => boolean;
}

interface Played {
  readonly game: Game;
  readonly debrief: Debrief;
}

function play(plan: Plan, seed: string, partner = "logroller", trainee = EEMVALLEI): Played {
  let game = startGame(gameSetup({ scenario: SOLAR, trainee, partner, seed }));
  let first = true;
  const quantities = SOLAR.uncertainties!.length;
  while (!game.session.ended) {
    const session = game.session;
    const pending = session.pendingQuestions.find((q) => q.to === trainee);
    if (pending) {
      game = playMove(game, { type: "answer", to: pending.from, question: pending.question, answer: { kind: "vague" }, honesty: "vague" });
      continue;
    }
    if (first) {
      first = false;
      if (plan.askForecasts) {
        for (let to = 0; to < SOLAR.parties.length; to++) {
          if (to === trainee) continue;
          for (let quantity = 0; quantity < quantities; quantity++) game = playMove(game, { type: "ask", to, question: { kind: "expectation", quantity } });
        }
      }
      continue;
    }
    const standing = session.standing;
    if (standing && standing.kind !== "partial" && canAccept(session, trainee)) {
      const choice = standing.chosen ?? 0;
      const pkg = [...standing.packages[choice]];
      if (plan.accept(session, pkg)) {
        const move: Move = standing.kind === "meso" && standing.chosen === undefined ? { type: "accept", choice } : { type: "accept" };
        game = playMove(game, move);
        continue;
      }
    }
    game = playMove(game, { type: "offer", package: plan.offer });
  }
  return { game, debrief: computeDebrief(gameTranscript(game, { lang: "en", savedAt: new Date(0) }), game.session) };
}

const model = () => startGame(gameSetup({ scenario: SOLAR, trainee: EEMVALLEI, partner: "logroller", seed: "m" })).model;
const contingentIn = (session: SessionView, pkg: readonly number[]) =>
  pkg.some((o, i) => session.model.uncertain!.contingent[session.model.issueOffsets[i] + o] === 1);
const beatsBatna = (session: SessionView, pkg: readonly number[]) => session.utility(EEMVALLEI, pkg) > session.model.batnas[EEMVALLEI];

/** A fixed-terms deal good for everyone: equal split, shared overrun, medium lease, a fund. */
const FIXED = Array.from(packageFromRecord(model(), { "revenue-split": "equal", "cost-overrun": "shared", lease: "medium", "local-ownership": "fund" }));
/** The same with both clauses. */
const BETS = Array.from(packageFromRecord(model(), { "revenue-split": "price-clause", "cost-overrun": "overrun-clause", lease: "medium", "local-ownership": "fund" }));

const FIXED_PLAN: Plan = { askForecasts: false, offer: FIXED, accept: (session, pkg) => !contingentIn(session, pkg) && beatsBatna(session, pkg) };
const BETS_PLAN: Plan = {
  askForecasts: true,
  offer: BETS,
  // A standing offer with both clauses.
  accept: (session, pkg) => pkg[0] === BETS[0] && pkg[1] === BETS[1] && beatsBatna(session, pkg),
};

const tip6 = (debrief: Debrief) => debrief.coaching[5];
const keys = (debrief: Debrief) => [...tip6(debrief).text, ...tip6(debrief).evidence].map((ref) => ref.key);

describe("a deal of fixed terms where forecasts differed", () => {
  const played = play(FIXED_PLAN, "fixed");
  const { debrief, game } = played;

  test("the game ends in a deal without any clause", () => {
    expect(game.session.outcome?.kind).toBe("agreement");
    const deal = (game.session.outcome as { package: number[] }).package;
    expect(contingentIn(game.session, deal)).toBe(false);
  });

  test("tip 6 says improve, and names each missed clause with its value", () => {
    expect(tip6(debrief).verdict).toBe("improve");
    expect(keys(debrief)).toContain("debrief.coaching.clauseMissed");
    const values = clauseValues(game.model);
    const missed = tip6(debrief).evidence.filter((ref) => ref.key === "debrief.uncertainty.clauseMissed");
    // Both clauses were worth having (the forecasts differ on both quantities).
    expect(missed).toHaveLength(values.filter((v) => v.value >= 1).length);
    for (const ref of missed) {
      const issue = (ref.params!.issue as { issue: number }).issue;
      expect(ref.params!.value).toBe(values.find((v) => v.issue === issue)!.value);
    }
    expect(debrief.uncertainty!.forecastQuestions).toBe(0);
  });

  test("the missed clause's value reads in the text", () => {
    const text = flat(played, "en");
    const price = clauseValues(game.model).find((v) => game.model.issueIds[v.issue] === "revenue-split")!;
    expect(text).toContain(`would have added ${price.value.toFixed(1)} points of joint expected gain`);
    expect(text).toContain("Depending on the price");
  });
});

describe("a game that asks for forecasts and agrees contingent clauses", () => {
  const played = play(BETS_PLAN, "bets");
  const { debrief, game } = played;

  test("the game ends in a deal with a clause, after forecast questions", () => {
    expect(game.session.outcome?.kind).toBe("agreement");
    const deal = (game.session.outcome as { package: number[] }).package;
    expect(deal.slice(0, 2)).toEqual(BETS.slice(0, 2));
    expect(debrief.uncertainty!.forecastQuestions).toBe(2 * SOLAR.uncertainties!.length);
  });

  test("tip 6 says good", () => {
    expect(tip6(debrief).verdict).toBe("good");
    expect(keys(debrief)).toContain("debrief.coaching.uncertainGood");
    expect(keys(debrief)).toContain("debrief.uncertainty.clauseUsed");
    expect(keys(debrief)).not.toContain("debrief.uncertainty.clauseMissed");
  });
});

describe("the truth, drawn once per game", () => {
  const a = play(FIXED_PLAN, "truth-a");
  const again = play(FIXED_PLAN, "truth-a");
  const b = play(FIXED_PLAN, "truth-b");
  const truthOf = (p: Played) => p.debrief.uncertainty!.quantities.map((q) => q.truth);

  test("is the same for the same seed and differs across seeds", () => {
    expect(truthOf(again)).toEqual(truthOf(a));
    expect(truthOf(b)).not.toEqual(truthOf(a));
  });

  test("is drawn from the common forecast by seedrandom(`${seed}/truth`), one number per quantity in order", () => {
    const random = seedrandom("truth-a/truth");
    const expected = SOLAR.uncertainties!.map((q) => draw(q.distribution as never, random()));
    expect(truthOf(a)).toEqual(expected);
    expect(Array.from(drawTruth(a.game.model, seedrandom("truth-a/truth")))).toEqual(expected);
  });

  test("lies within the common forecast's range across many seeds", () => {
    for (let n = 0; n < 50; n++) {
      const truth = drawTruth(a.game.model, seedrandom(`seed-${n}/truth`));
      SOLAR.uncertainties!.forEach((q, k) => {
        const d = q.distribution as { min: number; max: number };
        expect(truth[k]).toBeGreaterThanOrEqual(d.min);
        expect(truth[k]).toBeLessThanOrEqual(d.max);
      });
    }
  });

  test("the deal's realised utility is its utility at the drawn truth, and its expectation is the deal's utility", () => {
    for (const played of [a, b]) {
      const deal = (played.game.session.outcome as { package: number[] }).package;
      const truth = Float64Array.from(truthOf(played));
      played.game.model.partyIds.forEach((_, p) => {
        expect(played.debrief.uncertainty!.realised![p]).toBe(realisedUtility(played.game.model, p, deal, truth));
      });
      expect(played.debrief.uncertainty!.risk!.mean).toBe(packageUtility(played.game.model, EEMVALLEI, deal));
    }
  });

  test("realised utility by hand: Eemvallei's shares of the price and the overrun it pays", () => {
    const deal = (a.game.session.outcome as { package: number[] }).package;
    const [price, overrun] = truthOf(a);
    const record = Object.fromEntries(SOLAR.issues.map((issue, i) => [issue.id, issue.options[deal[i]]]));
    const party = SOLAR.parties[EEMVALLEI];
    const weight = (id: string) => party.weights[id] / Object.values(party.weights).reduce((s, w) => s + w, 0);
    let expected = weight("revenue-split") * record["revenue-split"].shares!.eemvallei * price;
    for (const id of ["cost-overrun", "lease", "local-ownership"]) expected += weight(id) * (party.values[id][record[id].id] as number);
    const cost = party.autonomyCosts?.["cost-overrun"]?.[record["cost-overrun"].id];
    const costs: Record<string, (o: number) => number> = { "overrun * 0.3": (o) => o * 0.3, "overrun * 0.15": (o) => o * 0.15 };
    if (cost !== undefined) expected -= typeof cost === "number" ? cost : costs[cost](overrun);
    expect(a.debrief.uncertainty!.realised![EEMVALLEI]).toBeCloseTo(expected, 9);
  });
});

function text(played: Played, lang: Language, width = 100): string {
  return debriefSections(played.debrief, SOLAR, lang, width)
    .flatMap((section) => [section.title, ...section.lines])
    .join("\n");
}

const flat = (played: Played, lang: Language) => text(played, lang).replace(/\s+/g, " ");

describe("the debrief's words", () => {
  const played = play(FIXED_PLAN, "words");
  const review = played.debrief.uncertainty!;
  const whole = (x: number) => String(Math.round(x));

  test.each(["en", "nl"] as Language[])("the %s text reveals every forecast and the truth", (lang) => {
    const words = flat(played, lang);
    const labels = SOLAR.uncertainties!.map((q) => (typeof q.label === "string" ? q.label : (q.label[lang] ?? q.label.en)));
    for (const [k, entry] of review.quantities.entries()) {
      expect(words).toContain(labels[k]);
      for (const forecast of entry.forecasts) expect(words).toContain(whole(forecast.mean));
      expect(words).toContain(whole(entry.truth));
    }
    expect(words).toMatch(lang === "en" ? /In this game it turned out at/ : /In dit spel kwam het uit op/);
    expect(words).toMatch(lang === "en" ? /As things turned out, the deal gave you/ : /Zoals het uitpakte, leverde het akkoord je/);
    expect(words).toMatch(lang === "en" ? /in 90% of the futures you foresaw/ : /in 90% van de toekomsten die je voorzag/);
  });

  test("debriefToJson has an uncertainty section with forecasts by party, the truth, realised values, the risk and the clauses", () => {
    const json = debriefToJson(played.debrief, SOLAR, "en") as unknown as { uncertainty: Record<string, any> };
    const u = json.uncertainty;
    expect(u).not.toBeNull();
    expect(u.quantities.map((q: { id: string }) => q.id)).toEqual(["price", "overrun"]);
    for (const [k, q] of u.quantities.entries()) {
      expect(q.truth).toBe(review.quantities[k].truth);
      expect(Object.keys(q.forecasts)).toEqual(SOLAR.parties.map((p) => p.id));
      for (const p of SOLAR.parties.map((party) => party.id)) expect(Object.keys(q.forecasts[p]).sort()).toEqual(["mean", "p05", "p95"]);
    }
    expect(Object.keys(u.realised)).toEqual(SOLAR.parties.map((p) => p.id));
    expect(Object.keys(u.risk)).toEqual(["eemvallei"]);
    expect(Object.keys(u.risk.eemvallei).sort()).toEqual(["belowBatna", "mean", "p05", "p95"]);
    expect(u.clauses.map((c: { clause: string }) => c.clause)).toEqual(["price-clause", "overrun-clause"]);
    expect(u.clauses.every((c: { used: boolean }) => c.used === false)).toBe(true);
    expect(u.forecastQuestions).toBe(0);
    // Plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(u))).toEqual(u);
  });

  test("a certain scenario's debrief has no uncertainty section", () => {
    const hospital = builtin("hospital-it-platform");
    let game = startGame(gameSetup({ scenario: hospital, trainee: 0, partner: "hardliner", seed: "certain", rounds: 1 }));
    while (!game.session.ended) {
      const pending = game.session.pendingQuestions.find((q) => q.to === 0);
      game = playMove(game, pending ? { type: "answer", to: pending.from, question: pending.question, answer: { kind: "vague" }, honesty: "vague" } : { type: "walk-away" });
    }
    const debrief = computeDebrief(gameTranscript(game, { lang: "en", savedAt: new Date(0) }), game.session);
    expect(debrief.uncertainty).toBeNull();
    expect((debriefToJson(debrief, hospital, "en") as { uncertainty: unknown }).uncertainty).toBeNull();
    expect(debrief.coaching[5].text.map((ref) => ref.key)).not.toContain("debrief.coaching.clauseMissed");
  });
});
