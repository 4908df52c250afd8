/**
 * Each style's talk and offers: a disclosing partner tells the truth about its real weights
 * when it trusts the asker; anchor-and-bluff inflates its alternative (and is found out when
 * its own offers fall below it); meso makes MESO offers of 2–3 packages about equal for itself.
 */
import { describe, expect, test } from "vitest";
import { issuePriorities } from "../../src/engine/issues.js";
import { favouritePackage } from "../../src/engine/reference-packages.js";
import { contribution, utilityBounds } from "../../src/engine/model.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { FrequencyModel } from "../../src/negotiation/partners/opponent-models.js";
import { resolveParams } from "../../src/negotiation/partners/params.js";
import { PARTNER_STYLES, findStyle } from "../../src/negotiation/partners/registry.js";
import { PARTNER_STYLE_IDS } from "../../src/vocabulary.js";
import type { AnswerContent, Honesty, Importance, ParticipantConfig, Question } from "../../src/negotiation/protocol.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { SINGLE_BUILTIN_IDS, LAB3, builtin, compileScenario, driverFor, humanSession, runStyles } from "./support.js";

const STYLE_IDS = PARTNER_STYLES.map((style) => style.id);
/** The styles that start with more trust (initialTrust 60) and disclose openly. */
const WIN_WIN = ["logroller", "meso", "reciprocator", "conceder"];
const RANK: Record<Importance, number> = { low: 0, medium: 1, high: 2 };

test("the command line's style ids (vocabulary.ts) are the registry's, in its order", () => {
  expect([...PARTNER_STYLE_IDS]).toEqual(STYLE_IDS);
});

interface Answered {
  readonly question: Question;
  readonly answer: AnswerContent;
  readonly honesty: Honesty;
}

/**
 * Seats a scripted partner at `seat` (every other party a human), lets the human whose turn
 * comes first ask it every question of the catalogue, and returns the answers in order.
 */
function interview(scenario: Scenario, seat: number, partner: ParticipantConfig): { answers: Answered[]; asker: number } {
  const participants = scenario.parties.map((_, p): ParticipantConfig => (p === seat ? partner : { style: HUMAN }));
  const driver = driverFor(scenario, participants, "interview");
  driver.advance();
  expect(driver.outcome).toBeNull();
  const asker = driver.session.turn;
  const issues = scenario.issues.map((_, i) => i);
  const questions: Question[] = [
    { kind: "most-important" },
    ...issues.map((issue): Question => ({ kind: "issue-importance", issue })),
    ...issues.map((issue): Question => ({ kind: "preferred-option", issue })),
    { kind: "alternative" },
    { kind: "what-would-work" },
  ];
  const answers: Answered[] = [];
  for (const question of questions) {
    const before = driver.session.events.length;
    driver.play(asker, { type: "ask", to: seat, question });
    // The partner answers at once, right after the question.
    const reply = driver.session.events[before + 1];
    expect(reply?.type === "move" && reply.actor === seat && reply.move.type === "answer").toBe(true);
    if (reply?.type === "move" && reply.move.type === "answer") {
      expect(reply.move.to).toBe(asker);
      expect(reply.move.question).toEqual(question);
      answers.push({ question, answer: reply.move.answer, honesty: reply.move.honesty });
    }
  }
  // Every question to it was answered (its own questions to the humans may still wait).
  expect(driver.session.pendingQuestions.filter((pending) => pending.to === seat)).toEqual([]);
  return { answers, asker };
}

/** Options from the largest contribution to the smallest; equal ones in option order (checked pairwise, not by sorting). */
function expectedRanking(contributions: readonly number[]): number[] {
  const ranking = contributions.map((_, o) => o);
  for (let k = 0; k < ranking.length; k++) {
    for (let m = k + 1; m < ranking.length; m++) {
      const [a, b] = [ranking[k], ranking[m]];
      if (contributions[b] > contributions[a] || (contributions[b] === contributions[a] && b < a)) [ranking[k], ranking[m]] = [b, a];
    }
  }
  return ranking;
}

/** Every built-in scenario with every seat. */
const SEATS = SINGLE_BUILTIN_IDS.flatMap((id) => builtin(id).parties.map((_, seat) => [id, seat] as const));

describe("a disclosing partner (logroller) that trusts the asker answers truthfully about its real interests", () => {
  test.each(SEATS)("on %s, seat %i", (id, seat) => {
    const scenario = builtin(id);
    const partner = { style: "logroller", params: { initialTrust: 80 } };
    const { answers } = interview(scenario, seat, partner);
    const model = compileScenario(scenario);
    const n = model.issueCount;
    const priorities = Array.from(issuePriorities(model).subarray(seat * n, seat * n + n));
    const topPriority = Math.max(...priorities);

    expect(answers.every((a) => a.honesty === "truthful")).toBe(true);
    const byKind = (kind: string) => answers.filter((a) => a.answer.kind === kind).map((a) => a.answer);

    // "most-important": its top-priority issue (the issue with the largest share of its stakes).
    const [most] = byKind("most-important") as Extract<AnswerContent, { kind: "most-important" }>[];
    expect(priorities[most.issue]).toBe(topPriority);
    expect(most.issue).toBe(priorities.indexOf(topPriority));

    // "issue-importance": levels ordered like its priorities (a more important issue never gets a lower level).
    const levels = byKind("issue-importance") as Extract<AnswerContent, { kind: "issue-importance" }>[];
    expect(levels.map((level) => level.issue)).toEqual(priorities.map((_, i) => i));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (priorities[i] > priorities[j] + 1e-12) expect(RANK[levels[i].importance], `issues ${i} and ${j}`).toBeGreaterThanOrEqual(RANK[levels[j].importance]);
      }
    }
    expect(levels[most.issue].importance).not.toBe("low");

    // "preferred-option": its favourite option of each issue (largest contribution to its utility), and
    // every option of the issue ranked from its best to its worst (equal ones in option order).
    const preferred = byKind("preferred-option") as Extract<AnswerContent, { kind: "preferred-option" }>[];
    for (let i = 0; i < n; i++) {
      const contributions = Array.from({ length: model.optionCounts[i] }, (_, o) => contribution(model, seat, i, o));
      expect(preferred[i].issue).toBe(i);
      expect(contributions[preferred[i].option]).toBe(Math.max(...contributions));
      expect(preferred[i].ranking).toEqual(expectedRanking(contributions));
      expect(preferred[i].ranking[0]).toBe(preferred[i].option);
    }

    // "alternative": its real BATNA; "what-would-work": a package it would take.
    const [alternative] = byKind("alternative") as Extract<AnswerContent, { kind: "alternative" }>[];
    expect(alternative.points).toBe(scenario.parties[seat].batna);
    const [works] = byKind("what-would-work") as Extract<AnswerContent, { kind: "what-would-work" }>[];
    expect(works.package).toHaveLength(n);
    works.package.forEach((option, i) => expect(option).toBeLessThan(model.optionCounts[i]));
  });

  test("without that trust (below its discloseThreshold of 55) it dodges every question", () => {
    for (const id of SINGLE_BUILTIN_IDS) {
      // Each question raises its trust in the asker by 1: from 20 it stays below 55 for the whole interview.
      const { answers } = interview(builtin(id), 0, { style: "logroller", params: { initialTrust: 20 } });
      expect(answers.every((a) => a.honesty === "vague" && a.answer.kind === "vague")).toBe(true);
    }
  });

  test("asking builds the trust it needs: from 50, it answers truthfully from the fifth question on", () => {
    // Win-win styles start at trust 60 by default; set 50 (the other styles' default) to see trust being built.
    const { answers } = interview(builtin("hospital-it-platform"), 1, { style: "logroller", params: { initialTrust: 50 } });
    // The k-th question lifts its trust in the asker to 50 + k; it discloses from 55.
    expect(answers.map((a) => a.honesty)).toEqual(answers.map((_, k) => (50 + k + 1 >= 55 ? "truthful" : "vague")));
  });

  test("by default the win-win styles start at trust 60 (the others at 50), so they answer truthfully from the first question", () => {
    const scenario = builtin("hospital-it-platform");
    for (const style of PARTNER_STYLES) {
      const config = sessionConfig({ scenario, participants: [{ style: HUMAN }, { style: style.id }], seed: "trust" });
      expect(config.initialTrust[1], style.id).toBe(WIN_WIN.includes(style.id) ? 60 : 50);
    }
    for (const style of WIN_WIN) {
      const { answers } = interview(scenario, 1, { style });
      expect(answers.map((a) => a.honesty), style).toEqual(answers.map(() => "truthful"));
    }
  });

  test("trusting everyone, it volunteers its two most important issues, truthfully, on its second and third turns", () => {
    for (const id of ["hospital-it-platform", "sustainable-supply"]) {
      const scenario = builtin(id);
      const model = compileScenario(scenario);
      const n = model.issueCount;
      const priorities = Array.from(issuePriorities(model).subarray(0, n));
      const byPriority = priorities.map((_, i) => i).sort((a, b) => priorities[b] - priorities[a] || a - b);
      const driver = driverFor(scenario, [{ style: "conceder", params: { initialTrust: 80 } }, { style: HUMAN }], "volunteer");
      driver.advance();
      for (let turn = 0; turn < 4 && !driver.outcome; turn++) driver.play(1, { type: "reject" });
      const disclosures = driver.session.events.flatMap((event) =>
        event.type === "move" && event.actor === 0 && event.move.type === "disclose" ? [{ round: event.round, move: event.move }] : [],
      );
      expect(disclosures.map((d) => [d.round, d.move.issue, d.move.honesty])).toEqual([
        [2, byPriority[0], "truthful"],
        [3, byPriority[1], "truthful"],
      ]);
      // Its top issue holds the largest share of its stakes: never "low".
      expect(disclosures[0].move.importance).not.toBe("low");
      expect(driver.session.trustLog.filter((change) => change.reason === "truthful-disclosure").map((change) => change.truster)).toEqual([1, 1]);
    }
  });

  test("closed styles dodge every question even when they trust the asker", () => {
    for (const style of ["hardliner", "boulware", "take-it-or-leave-it", "linear", "random"]) {
      const { answers } = interview(builtin("hospital-it-platform"), 1, { style, params: { initialTrust: 90 } });
      expect(answers.every((a) => a.honesty === "vague"), style).toBe(true);
    }
  });
});

describe("a curious partner (logroller, meso, reciprocator) asks about every issue, its own most important first", () => {
  test.each(SINGLE_BUILTIN_IDS)("on %s: 'most-important' and every forecast in its first turn, then per turn how important one issue is and which option is preferred", (id) => {
    const scenario = builtin(id);
    const model = compileScenario(scenario);
    const n = model.issueCount;
    const priorities = Array.from(issuePriorities(model).subarray(0, n));
    // Its own priorities, highest first (lower index first among equals).
    const order = priorities.map((_, i) => i).sort((a, b) => priorities[b] - priorities[a] || a - b);
    const others = scenario.parties.map((_, p) => p).filter((p) => p !== 0);
    // Enough rounds to ask about every issue and then some.
    const deadlineRounds = n + 4;
    for (const style of ["logroller", "meso", "reciprocator"]) {
      const participants = scenario.parties.map((_, p): ParticipantConfig => (p === 0 ? { style } : { style: HUMAN }));
      const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "inquiry", deadlineRounds }));
      driver.advance();
      // The humans never answer or accept: they reject whatever stands until the deadline (with nothing to
      // reject, as after another human's rejection, they ask for their own favourite package).
      while (!driver.outcome) {
        const human = driver.session.turn;
        const standing = driver.session.standing;
        driver.play(human, standing && standing.proposer !== human ? { type: "reject" } : { type: "offer", package: Array.from(favouritePackage(model, human)) });
      }
      expect(driver.outcome, style).toEqual({ kind: "deadline", round: deadlineRounds });
      const asked = (round: number) =>
        driver.session.events.flatMap((event) =>
          event.type === "move" && event.actor === 0 && event.round === round && event.move.type === "ask" ? [[event.move.to, event.move.question]] : [],
        );
      const toEveryone = (questions: Question[]) => questions.flatMap((question) => others.map((to) => [to, question]));
      const forecasts = (scenario.uncertainties ?? []).map((_, quantity): Question => ({ kind: "expectation", quantity }));
      expect(asked(1), `${style}, round 1`).toEqual(toEveryone([{ kind: "most-important" }, ...forecasts]));
      for (let k = 0; k < n; k++) {
        const issue = order[k];
        expect(asked(k + 2), `${style}, round ${k + 2}`).toEqual(
          toEveryone([
            { kind: "issue-importance", issue },
            { kind: "preferred-option", issue },
          ]),
        );
      }
      for (let round = n + 2; round <= deadlineRounds; round++) expect(asked(round), `${style}, round ${round}`).toEqual([]);
    }
  });
});

describe("anchor-and-bluff", () => {
  test.each(SEATS)("its 'alternative' answer exceeds its real BATNA and is marked misleading, on %s, seat %i", (id, seat) => {
    const scenario = builtin(id);
    const { answers } = interview(scenario, seat, { style: "anchor-and-bluff" });
    const [alternative] = answers.filter((a) => a.question.kind === "alternative");
    expect(alternative.honesty).toBe("misleading");
    expect(alternative.answer.kind).toBe("alternative");
    if (alternative.answer.kind === "alternative") expect(alternative.answer.points).toBeGreaterThan(scenario.parties[seat].batna);
    // It names its favourites truthfully (with its true ranking of the options) and misleads on its priorities.
    for (const a of answers) expect(a.honesty).toBe(a.question.kind === "preferred-option" ? "truthful" : "misleading");
    const model = compileScenario(scenario);
    for (const a of answers) {
      if (a.answer.kind !== "preferred-option") continue;
      const issue = a.answer.issue;
      const contributions = Array.from({ length: model.optionCounts[issue] }, (_, o) => contribution(model, seat, issue, o));
      expect(a.answer.ranking).toEqual(expectedRanking(contributions));
      expect(a.answer.option).toBe(a.answer.ranking[0]);
    }
  });

  test("the same holds for every 'alternative' answer it gives in play", () => {
    let seen = 0;
    for (const id of SINGLE_BUILTIN_IDS) {
      const scenario = builtin(id);
      const run = runStyles(scenario, ["anchor-and-bluff"], "bluff"); // it asks the others the same question
      for (const event of run.session.events) {
        if (event.type !== "move" || event.move.type !== "answer" || event.move.question.kind !== "alternative") continue;
        seen++;
        expect(event.move.honesty).toBe("misleading");
        if (event.move.answer.kind === "alternative") expect(event.move.answer.points).toBeGreaterThan(scenario.parties[event.actor].batna);
        else expect.unreachable("an answer to 'alternative' names points");
      }
    }
    expect(seen).toBeGreaterThanOrEqual(8);
  });

  test("its bluff is found out when its own offers fall below the alternative it claimed", () => {
    for (const id of ["hospital-it-platform", "sustainable-supply"]) {
      const scenario = builtin(id);
      const driver = driverFor(scenario, [{ style: "anchor-and-bluff" }, { style: HUMAN }], "found-out");
      driver.advance();
      driver.play(1, { type: "ask", to: 0, question: { kind: "alternative" } });
      const answer = driver.session.events.at(-1)!;
      const claimed = answer.type === "move" && answer.move.type === "answer" && answer.move.answer.kind === "alternative" ? answer.move.answer.points : NaN;
      while (!driver.outcome) driver.play(1, { type: "reject" });
      const session = driver.session;
      const offers = session.events.flatMap((event) => (event.type === "move" && event.actor === 0 && event.move.type === "offer" ? [event] : []));
      const firstBelow = offers.find((event) => event.move.type === "offer" && session.utility(0, event.move.package) < claimed - 1);
      expect(firstBelow, `${id}: its offers never fell below the claimed ${claimed}`).toBeDefined();
      const found = session.trustLog.filter((change) => change.reason === "misleading-found-out");
      expect(found).toEqual([{ round: firstBelow!.round, truster: 1, trustee: 0, reason: "misleading-found-out", delta: -15, level: expect.any(Number) }]);
    }
  });
});

describe("meso", () => {
  test("makes MESO offers of 2–3 distinct packages within a few points of each other for itself, on every built-in scenario", () => {
    const mesoOffers: Record<string, number> = {};
    let largestSpread = 0;
    for (const id of SINGLE_BUILTIN_IDS) {
      const scenario = builtin(id);
      mesoOffers[id] = 0;
      for (const other of STYLE_IDS) {
        for (const pair of [
          ["meso", other],
          [other, "meso"],
        ]) {
          const seeds = pair.some((style) => !findStyle(style)!.deterministic) ? ["m0", "m1", "m2"] : ["m0"];
          for (const seed of seeds) {
            const run = runStyles(scenario, pair, seed);
            for (const event of run.session.events) {
              if (event.type !== "move" || run.config.participants[event.actor].style !== "meso") continue;
              expect(["ask", "answer", "disclose", "offer", "meso", "accept", "walk-away"]).toContain(event.move.type);
              if (event.move.type !== "meso") continue;
              mesoOffers[id]++;
              const packages = event.move.packages;
              expect(packages.length).toBeGreaterThanOrEqual(2);
              expect(packages.length).toBeLessThanOrEqual(3);
              expect(new Set(packages.map((pkg) => pkg.join())).size).toBe(packages.length);
              const own = packages.map((pkg) => run.session.utility(event.actor, pkg));
              // Within 5 % of the first package's utility plus one point (MesoBidding's "equivalent for itself").
              for (const u of own) expect(Math.abs(u - own[0])).toBeLessThanOrEqual(0.05 * Math.abs(own[0]) + 1 + 1e-9);
              largestSpread = Math.max(largestSpread, Math.max(...own) - Math.min(...own));
              const bounds = utilityBounds(run.session.model);
              expect(Math.max(...own) - Math.min(...own)).toBeLessThanOrEqual(0.1 * (bounds[2 * event.actor + 1] - bounds[2 * event.actor]));
            }
          }
        }
      }
    }
    for (const id of SINGLE_BUILTIN_IDS) expect(mesoOffers[id], id).toBeGreaterThanOrEqual(1);
    expect(largestSpread).toBeLessThanOrEqual(6);
  });

  // With three parties the second acceptor of a MESO offer accepts without a choice (the first acceptor's
  // choice binds; ScriptedPartner.act() sends { type: "accept" } then). The learning model remembers the
  // choice made and learns the chosen package from that acceptance too, exactly as if the choice were restated.
  test("a learning partner learns the chosen package from every acceptance of a MESO offer", () => {
    const estimate = (restated: boolean) => {
      const session = humanSession(LAB3);
      session.move(0, { type: "meso", packages: [[0, 0, 0], [1, 1, 1], [2, 2, 2]] });
      session.move(1, { type: "accept", choice: 2 });
      session.move(2, restated ? { type: "accept", choice: 2 } : { type: "accept" });
      expect(session.outcome).toEqual({ kind: "agreement", package: [2, 2, 2], round: 1 });
      const model = new FrequencyModel();
      const context = { session, self: 0, params: resolveParams(session, 0, findStyle("meso")!), random: () => 0.5 };
      model.update(context);
      return Array.from(model.estimate(context));
    };
    expect(estimate(false)).toEqual(estimate(true));
  });

  test("whoever accepts a MESO offer picks the package best for itself", () => {
    let accepted = 0;
    for (const id of SINGLE_BUILTIN_IDS) {
      for (const other of STYLE_IDS) {
        const run = runStyles(builtin(id), ["meso", other], "pick");
        const events = run.session.events;
        events.forEach((event, k) => {
          if (event.type !== "move" || event.move.type !== "accept" || event.move.choice === undefined) return;
          const offer = events.slice(0, k).reverse().find((e) => e.type === "move" && (e.move.type === "meso" || e.move.type === "offer"));
          if (offer?.type !== "move" || offer.move.type !== "meso") return;
          accepted++;
          const own = offer.move.packages.map((pkg) => run.session.utility(event.actor, pkg));
          expect(own[event.move.choice]).toBe(Math.max(...own));
        });
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(1);
  });
});
