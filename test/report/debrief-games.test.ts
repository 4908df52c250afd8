/**
 * The debrief judged as a trainer would judge it, on whole games played through the play
 * module (startGame / playMove, as the play UI and `play --moves` do) against seeded
 * partners: games with one planted mistake must name it, well-played control games in
 * every built-in scenario and seat must get no false accusation, and each false alarm of
 * the debrief before the n-party review is checked on a built-in scenario.
 *
 * A trainee plays by a plan: ask first (every partner "what matters most?", the first
 * "what would make this work?"), share (its top priority, truthful answers), then each turn
 * offer a package (by default the Nash package of the current model) and accept a standing
 * offer when the plan says so. A planted mistake changes one thing of the well-played plan.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { moveVocabulary, readMovesFile, toProtocolMove } from "../../src/cli/moves-file.js";
import { type ScenarioAnalysis, analyzeScenario, jointGain } from "../../src/engine/analysis.js";
import { agreeablePoints } from "../../src/engine/bargaining.js";
import { betterPackage, classifyIssuesJointly } from "../../src/engine/deal-review.js";
import { type CompiledScenario, compileScenario, contribution, packageUtilities } from "../../src/engine/model.js";
import { UTILITY_EPSILON } from "../../src/engine/tolerance.js";
import { answerMove, disclosureMove, importanceOf, issuesByPriority } from "../../src/negotiation/answers.js";
import type { PackageArray } from "../../src/negotiation/protocol.js";
import type { SessionView } from "../../src/negotiation/session.js";
import { readTranscript } from "../../src/negotiation/transcript.js";
import { type Game, gameSetup, gameTranscript, playMove, startGame } from "../../src/play/game.js";
import { canAccept } from "../../src/play/table.js";
import { MOST_OF_JOINT_GAIN } from "../../src/report/debrief-coaching.js";
import { type Debrief, type Tip, coachingText, computeDebrief, debriefSections, debriefToJson } from "../../src/report/debrief.js";
import { displayWidth } from "../../src/report/wrap.js";
import type { Language, Scenario } from "../../src/scenario/schema.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { SINGLE_BUILTIN_IDS, builtin } from "../negotiation/support.js";

interface Plan {
  readonly ask?: boolean;
  readonly share?: boolean;
  /** The package offered each turn; the Nash package of the current model when not given. */
  readonly offer?: (session: SessionView, nash: PackageArray) => PackageArray;
  /** Whether to accept the standing offer (its package best for the trainee); by default a good one (see `goodOffer`). */
  readonly accept?: (session: SessionView, pkg: PackageArray, analysis: ScenarioAnalysis, nash: PackageArray) => boolean;
  /** Offer single terms (the Nash package's, issue by issue) instead of packages. */
  readonly haggle?: boolean;
  readonly walkAwayInRound?: number;
}

interface Played {
  readonly scenario: Scenario;
  readonly trainee: number;
  readonly game: Game;
  readonly debrief: Debrief;
}

const analyses = new WeakMap<CompiledScenario, ScenarioAnalysis>();
function analysisOf(model: CompiledScenario): ScenarioAnalysis {
  let known = analyses.get(model);
  if (!known) analyses.set(model, (known = analyzeScenario(model, { top: 0 })));
  return known;
}

/** A frontier package above every BATNA, creating most of the joint gain, and at least the Nash package's value for the trainee. */
function goodOffer(session: SessionView, pkg: PackageArray, analysis: ScenarioAnalysis, nash: PackageArray): boolean {
  const { model } = session;
  const trainee = session.config.participants.findIndex((participant) => participant.style === "human");
  const u = packageUtilities(model, pkg);
  const agreeable = Array.from(u).every((value, p) => value > model.batnas[p] + UTILITY_EPSILON);
  return (
    agreeable &&
    betterPackage(analysis.frontier, pkg) === null &&
    jointGain(model, u) >= MOST_OF_JOINT_GAIN * analysis.maxJointGain! &&
    u[trainee] >= packageUtilities(model, nash)[trainee] - UTILITY_EPSILON
  );
}

function playGame(scenario: Scenario, trainee: number, style: string, plan: Plan, seed = "debrief-games"): Played {
  let game = startGame(gameSetup({ scenario, trainee, partner: style, seed }));
  const partners = scenario.parties.map((_, p) => p).filter((p) => p !== trainee);
  let opening = true;
  let term = 0;
  while (!game.session.ended) {
    const session = game.session;
    const analysis = analysisOf(session.model);
    const nash = Array.from(analysis.frontier.package(analysis.nash!));
    const offer = plan.offer ? plan.offer(session, nash) : nash;
    const answer = plan.share ? answerMove(session, trainee, "truthful", () => offer) : null;
    if (answer) {
      game = playMove(game, answer);
      continue;
    }
    if (opening) {
      opening = false;
      if (plan.ask) {
        for (const to of partners) game = playMove(game, { type: "ask", to, question: { kind: "most-important" } });
        game = playMove(game, { type: "ask", to: partners[0], question: { kind: "what-would-work" } });
      }
      if (plan.share) {
        const top = issuesByPriority(session.model, trainee)[0];
        game = playMove(game, disclosureMove(session.model, trainee, top, importanceOf(session.model, trainee, top)));
      }
      continue;
    }
    if (plan.walkAwayInRound !== undefined && session.round >= plan.walkAwayInRound) {
      game = playMove(game, { type: "walk-away" });
      continue;
    }
    const standing = session.standing;
    if (standing && standing.kind !== "partial" && canAccept(session, trainee)) {
      const choices = standing.chosen === undefined ? standing.packages.map((_, k) => k) : [standing.chosen];
      const value = (k: number) => session.utility(trainee, standing.packages[k]);
      const best = choices.reduce((a, b) => (value(b) > value(a) ? b : a));
      if ((plan.accept ?? goodOffer)(session, [...standing.packages[best]], analysis, nash)) {
        game = playMove(game, standing.kind === "meso" ? { type: "accept", choice: best } : { type: "accept" });
        continue;
      }
    }
    if (plan.haggle) {
      const issue = term++ % session.model.issueCount;
      game = playMove(game, { type: "partial-offer", issue, option: nash[issue] });
      continue;
    }
    game = playMove(game, { type: "offer", package: offer });
  }
  return { scenario, trainee, game, debrief: computeDebrief(gameTranscript(game, { lang: "en", savedAt: new Date(0) }), game.session) };
}

type Mistake = "compatibleLost" | "haggling" | "noQuestions" | "belowBatna" | "valueLeft" | "walkAway";

/** The mistakes a debrief names, read off its verdicts and coaching messages. */
function namedMistakes(debrief: Debrief): Set<Mistake> {
  const named = new Set<Mistake>();
  const says = (tip: Tip) => debrief.coaching[tip - 1].text.map((ref) => ref.key);
  if (debrief.coaching[1].verdict === "improve" && says(2).includes("debrief.coaching.noQuestions")) named.add("noQuestions");
  if (says(4).includes("debrief.coaching.haggled")) named.add("haggling");
  if (debrief.issues.some((review) => review.verdict === "lost") || says(4).includes("debrief.coaching.lostCompatible")) named.add("compatibleLost");
  if (says(1).includes("debrief.coaching.belowYourBatna") && debrief.coaching[5].verdict === "improve") named.add("belowBatna");
  if (debrief.position.efficient === false && (debrief.valueLeftOnTable ?? 0) > 0 && debrief.missed?.against === "deal") named.add("valueLeft");
  if (says(1).includes("debrief.coaching.noDealDespite") && debrief.outcome.kind === "walk-away" && debrief.outcome.by === debrief.trainee) named.add("walkAway");
  return named;
}

function text(played: Played, lang: Language = "en", width = 80): string {
  return debriefSections(played.debrief, played.scenario, lang, width)
    .flatMap((section) => [section.title, ...section.lines])
    .join("\n");
}

/** The text with every run of white space one space: sentences as written, whatever the wrapping. */
function flat(played: Played, lang: Language = "en"): string {
  return text(played, lang).replace(/\s+/g, " ");
}

function tipText(played: Played, tip: Tip, lang: Language = "en") {
  const item = played.debrief.coaching[tip - 1];
  return { ...item, ...coachingText(item, played.scenario, lang) };
}

const never = () => false;

/** Each mistake as a change of the well-played plan, for a scenario and seat; null where the seat offers no way to make it. */
const PLANTED: Readonly<Record<Mistake, (model: CompiledScenario, analysis: ScenarioAnalysis, trainee: number) => Plan | null>> = {
  // The Nash package with a compatible issue on an option nobody likes best: of those, the one that
  // costs the partners least, so that they can still take the deal.
  compatibleLost: (model, analysis, trainee) => {
    const compatible = classifyIssuesJointly(model, analysis.frontier, agreeablePoints(analysis.frontier)).find((entry) => entry.kind === "compatible")!;
    const partnersValue = (o: number) => model.partyIds.reduce((sum, _, p) => (p === trainee ? sum : sum + contribution(model, p, compatible.issue, o)), 0);
    const spoilt = Array.from({ length: model.optionCounts[compatible.issue] }, (_, o) => o)
      .filter((o) => !compatible.commonFavourites.includes(o))
      .reduce((a, b) => (partnersValue(b) > partnersValue(a) ? b : a));
    return { ask: true, share: true, accept: never, offer: (_, nash) => nash.map((option, issue) => (issue === compatible.issue ? spoilt : option)) };
  },
  haggling: () => ({ ask: true, share: true, haggle: true, accept: never }),
  noQuestions: () => ({ share: true }),
  // The frontier package below the trainee's BATNA that gives the partners the most; none where every
  // such package leaves a partner below its BATNA too (as on solar-park for a cooperative, whose
  // interests run with the other cooperative's everywhere but in the revenue split).
  belowBatna: (model, analysis, trainee) => {
    let best: PackageArray = [];
    let score = -Infinity;
    for (let point = 0; point < analysis.frontier.size; point++) {
      const u = analysis.frontier.utilities(point);
      if (u[trainee] >= model.batnas[trainee]) continue;
      const least = Math.min(...model.partyIds.map((_, p) => (p === trainee ? Infinity : u[p] - model.batnas[p])));
      if (least > score) [score, best] = [least, Array.from(analysis.frontier.package(point))];
    }
    return score > 0 ? { ask: true, share: true, accept: never, offer: () => best } : null;
  },
  // Haggling's outcome offered as a package: above every BATNA, off the frontier.
  valueLeft: (_, analysis) => ({ ask: true, share: true, accept: never, offer: () => Array.from(analysis.naiveCompromise.package) }),
  walkAway: () => ({ ask: true, share: true, walkAwayInRound: 2 }),
};

/** A compatible issue lost is value left on the table too: the fix is better for everyone. */
const IMPLIED: Partial<Record<Mistake, Mistake[]>> = { compatibleLost: ["valueLeft"] };

const SEATS = SINGLE_BUILTIN_IDS.flatMap((id) => builtin(id).parties.map((_, trainee) => ({ id, trainee })));

describe("planted mistakes are named, in every built-in scenario and seat", () => {
  const planFor = (id: string, trainee: number, mistake: Mistake) => {
    const model = compileScenario(builtin(id));
    return PLANTED[mistake](model, analyzeScenario(model, { top: 0 }), trainee);
  };
  const plantable = SEATS.flatMap(({ id, trainee }) => (Object.keys(PLANTED) as Mistake[]).filter((mistake) => planFor(id, trainee, mistake) !== null).map((mistake) => ({ id, trainee, mistake })));
  const games = plantable.flatMap((seat) => ["conceder", "logroller"].map((style) => ({ ...seat, style })));

  test("nearly every mistake can be planted in nearly every seat", () => {
    expect(plantable.length).toBeGreaterThanOrEqual(0.9 * SEATS.length * Object.keys(PLANTED).length);
  });

  test.each(games)("$id as party $trainee against $style: $mistake", ({ id, trainee, mistake, style }) => {
    const scenario = builtin(id);
    const played = playGame(scenario, trainee, style, planFor(id, trainee, mistake)!);
    const named = namedMistakes(played.debrief);
    expect([...named], text(played)).toContain(mistake);
    // Nothing else is named, but what the planted mistake implies.
    for (const other of named) expect([mistake, ...(IMPLIED[mistake] ?? [])], `also named: ${other}`).toContain(other);
  });
});

describe("well-played games get no false accusation, in every built-in scenario and seat", () => {
  const games = SEATS.flatMap(({ id, trainee }) => ["logroller", "reciprocator", "conceder", "meso"].map((style) => ({ id, trainee, style })));

  test.each(games)("$id as party $trainee against $style", ({ id, trainee, style }) => {
    const played = playGame(builtin(id), trainee, style, { ask: true, share: true });
    const { debrief } = played;
    expect(debrief.outcome.kind).toBe("agreement");
    expect([...namedMistakes(debrief)]).toEqual([]);
    for (const item of debrief.coaching) expect(["good", "none"], `tip ${item.tip}: ${tipText(played, item.tip).text}`).toContain(item.verdict);
    expect(debrief.position.efficient).toBe(true);
    expect(debrief.valueLeftOnTable).toBe(0);
    expect(debrief.issues.map((review) => review.verdict)).not.toContain("missed");
    for (const lang of ["en", "nl"] as const) {
      const words = text(played, lang);
      expect(words).not.toMatch(/Left on the table|lieten samen .* punten liggen|Trades missed|Kansen om uit te ruilen|gives up an issue|offert een onderwerp op|You neither asked|Je vroeg niet/);
    }
  });
});

describe("the false alarms of the pairwise debrief, on built-in scenarios", () => {
  test.each(SEATS.filter(({ id }) => builtin(id).parties.length > 2))(
    "three parties ($id as party $trainee): the Nash deal keeps every issue and gets a clean tip 4",
    ({ id, trainee }) => {
      const played = playGame(builtin(id), trainee, "conceder", { ask: true, share: true, accept: never });
      const { debrief } = played;
      expect(debrief.deal).toEqual(debrief.nash!.package);
      expect(debrief.shareOfMaxJointGain).toBeGreaterThan(0.999);
      expect(tipText(played, 4)).toMatchObject({ verdict: "good" });
      expect(text(played)).not.toContain("gives up an issue");
      // One verdict per issue over all parties, never one per partner.
      expect(debrief.issues).toHaveLength(played.scenario.issues.length);
      expect(debrief.issues.map((review) => review.verdict)).not.toContain("lost");
      expect(debrief.issues.map((review) => review.verdict)).not.toContain("missed");
    },
  );

  test("a middle option best together (sustainable-supply, Data sharing) is bridging, kept at the ideal deal", () => {
    const scenario = builtin("sustainable-supply");
    const played = playGame(scenario, 0, "conceder", { ask: true, share: true, accept: never });
    const data = played.debrief.issues.find((review) => scenario.issues[review.issue].id === "data-sharing")!;
    expect(data).toMatchObject({ kind: "bridging", verdict: "kept" });
    expect(data.gotTheirWay).toEqual([]);
    expect(tipText(played, 4).evidence).not.toContain("Trades missed");
    expect(flat(played)).toContain("Data sharing — bridging");
  });

  test("tip 1 is not good at a deal that creates little of the joint gain, and says the threshold and the autonomy costs", () => {
    const scenario = builtin("hospital-it-platform");
    const model = compileScenario(scenario);
    const played = playGame(scenario, 0, "conceder", PLANTED.valueLeft(model, analyzeScenario(model, { top: 0 }), 0)!);
    const tip1 = tipText(played, 1);
    expect(played.debrief.shareOfMaxJointGain).toBeLessThan(0.6);
    expect(tip1.verdict).toBe("improve");
    expect(tip1.text).toMatch(/the deal creates only 54% of the joint gain that was possible \(a deal that creates most of it reaches 75%\)/);
    expect(tip1.evidence).toMatch(/What the deal costs in autonomy: you \d+\.\d and Duinzicht Hospital \d+\.\d\./);
    expect(text(played)).not.toContain("you created value together");
  });

  test("a frontier deal that is not the Nash point (78 / 61) left nothing on the table", () => {
    const scenario = builtin("hospital-it-platform");
    const played = playGame(scenario, 0, "conceder", { ask: true, share: true, accept: never, offer: () => [0, 2, 0, 2, 2] });
    expect(played.debrief.utilities).toEqual([78, 61]);
    expect(played.debrief.position).toMatchObject({ efficient: true, distance: 0 });
    expect(played.debrief.valueLeftOnTable).toBe(0);
    expect(played.debrief.missed).toBeNull();
    const words = flat(played);
    expect(words).toContain("Nothing was left on the table.");
    expect(words).toContain("Value claimed, each party's share of that joint gain: you 55% (+40.0) and Duinzicht Hospital 45% (+33.0).");
    expect(words).not.toContain("Left on the table");
  });

  test("tip 3 counts the README example's truthful answer as sharing", () => {
    const scenario = builtin("hospital-it-platform");
    let game = startGame(gameSetup({ scenario, trainee: 0, partner: "logroller", seed: "readme" }));
    const moves = readMovesFile("docs/examples/hospital-moves.json", moveVocabulary(scenario, game.model), 0);
    for (const move of moves) game = playMove(game, toProtocolMove(move, game.session, 0)!);
    const played = { scenario, trainee: 0, game, debrief: computeDebrief(gameTranscript(game, { lang: "en", savedAt: new Date(0) }), game.session) };
    expect(played.debrief.answers).toEqual([expect.objectContaining({ honesty: "truthful" })]);
    const tip3 = tipText(played, 3);
    expect(tip3.verdict).toBe("good");
    expect(tip3.evidence).toContain("You answered 1 question of the other side truthfully.");
    expect(tip3.evidence).not.toContain("You neither asked");
    // The planted mistake of the example, the deal below the BATNA, is named, with what holding out would have brought.
    expect([...namedMistakes(played.debrief)]).toEqual(["belowBatna"]);
    expect(played.debrief.process.counterfactual).toMatchObject({ decision: "accept", result: { kind: "accepted" } });
  });

  test("tip 5 looks at trust both ways: a bluffing partner is no click", () => {
    const played = playGame(builtin("hospital-it-platform"), 0, "anchor-and-bluff", { ask: true, share: true });
    expect(played.debrief.partnerClaims.some((claim) => claim.honesty === "misleading")).toBe(true);
    const tip5 = tipText(played, 5);
    expect(tip5.text).toMatch(/^Trust was one-sided: what Duinzicht Hospital told you did not hold up \(revealed now\)\./);
    expect(tip5.evidence).toMatch(/Of what Duinzicht Hospital told you, \d+ claims? of \d+ did not hold up \(revealed now\): “/);
    expect(tip5.text).not.toContain("Trust held");
    expect(tipText(played, 5, "nl").text).toMatch(/^Het vertrouwen was eenzijdig: wat Ziekenhuis Duinzicht je vertelde, klopte niet/);
    // Nothing the trainee did is held against it elsewhere.
    expect([...namedMistakes(played.debrief)]).toEqual([]);
  });
});

describe("the debrief's new content in the text, the JSON and both languages", () => {
  const scenario = builtin("rd-consortium");
  const model = compileScenario(scenario);
  const played = playGame(scenario, 0, "conceder", PLANTED.valueLeft(model, analyzeScenario(model, { top: 0 }), 0)!);

  test("the better package, the points per issue and the process are in the text, in English and Dutch", () => {
    const english = flat(played);
    expect(english).toContain("A package better for every party than the deal:");
    expect(english).toMatch(/Against the deal it gives you \+\d+\.\d, Veldkracht Packaging \+\d+\.\d and Oostland Regional Innovation Fund \+\d+\.\d\./);
    expect(text(played)).toMatch(/\n {2}issue +deal +best +better package\n/);
    expect(english).toContain("Each party's offers as it values them, in points, by round");
    expect(english).toMatch(/Your first offer \(round 1\), the anchor: you /);
    const dutch = flat(played, "nl");
    expect(dutch).toContain("Een pakket dat voor elke partij beter is dan het akkoord:");
    expect(dutch).toContain("beter pakket");
    expect(dutch).toMatch(/Je eerste bod \(ronde 1\), het anker: jij /);
    expect(dutch).not.toMatch(/\b(both|beide|allebei)\b/i);
  });

  test("debrief --json carries the better package, the points per issue, the process and each tip's verdict", () => {
    const json = debriefToJson(played.debrief, scenario, "en");
    expect(json.missedPackage).toMatchObject({ against: "deal", package: expect.any(Object), gains: { university: expect.any(Number) } });
    expect(json.missedPackage!.changed.length).toBeGreaterThan(0);
    expect(Object.keys(json.pointsPerIssue)).toEqual(["university", "company", "fund"]);
    expect(json.pointsPerIssue.university.issues.ip).toMatchObject({ deal: expect.any(Number), best: expect.any(Number), missed: expect.any(Number) });
    expect(json.process.paths.map((path) => path.party)).toEqual(["university", "company", "fund"]);
    expect(json.position).toMatchObject({ efficient: false, created: expect.any(Number) });
    expect(json.coaching.map((item) => item.verdict)).toEqual(played.debrief.coaching.map((item) => item.verdict));
    expect(json.pareto).toHaveLength(2);
  });

  test("the same transcript gives the same debrief, byte for byte, counterfactual included", () => {
    const walkedAway = playGame(builtin("housing-care"), 1, "logroller", PLANTED.walkAway(model, analyzeScenario(model), 1)!);
    const transcript = gameTranscript(walkedAway.game, { lang: "en", savedAt: new Date(0) });
    const reread = readTranscript(JSON.parse(JSON.stringify(transcript)));
    const again = computeDebrief(reread.transcript, reread.session);
    expect(walkedAway.debrief.process.counterfactual).not.toBeNull();
    expect(JSON.stringify(debriefToJson(again, reread.transcript.scenario, "nl"))).toBe(JSON.stringify(debriefToJson(walkedAway.debrief, walkedAway.scenario, "nl")));
  });
});

describe("four to eight parties: a plot panel per partner, or a table when narrow; every line fits", () => {
  const shapes = [4, 5, 8].map((parties) => ({ parties, maxIssues: 3, maxOptions: 3 }));

  test.each(shapes)("$parties parties", (shape) => {
    const [generated] = fc.sample(
      arbitraryScenario(shape).filter((scenario) => analyzeScenario(compileScenario(scenario)).nash !== null),
      { numRuns: 1, seed: shape.parties },
    );
    const scenario = { ...generated, parties: generated.parties.map((party) => ({ ...party, name: { en: party.name as string, nl: party.name as string } })) };
    const played = playGame(scenario, 0, "conceder", { ask: true, share: true, accept: never, walkAwayInRound: 3 });
    expect(played.debrief.pareto).toHaveLength(shape.parties - 1);
    for (const lang of ["en", "nl"] as const) {
      for (const width of [44, 80, 120]) {
        for (const line of text(played, lang, width).split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      }
    }
    expect(text(played, "en", 44)).toContain("Too narrow for a plot");
    expect(text(played, "en", 80)).toContain(`You (Party 0) across, Party ${shape.parties - 1} up`);
  });
});
