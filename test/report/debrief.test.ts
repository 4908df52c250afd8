/**
 * The debrief (src/report/debrief.ts): real games against scripted partners, each with one
 * planted mistake, must produce the coaching line that names it; a good game gets "good"
 * verdicts. Games are played through the NegotiationDriver with the trainee as party 0
 * ("human") on the hospital scenario unless a test says otherwise.
 *
 * Hospital scenario facts the tests rely on (see `analyze hospital-it-platform`): Data
 * standard is compatible (both prefer "open throughout", option 2); Go-live date and
 * Governance matter more to Duinzicht, Support level more to Rivierland; the Nash package
 * [1, 2, 0, 2, 2] gives Rivierland 68 (BATNA 38) and Duinzicht 76 (BATNA 28).
 */
import { describe, expect, test } from "vitest";
import { NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import type { PackageArray, ParticipantConfig } from "../../src/negotiation/protocol.js";
import type { Session } from "../../src/negotiation/session.js";
import { type Transcript, makeTranscript, readTranscript } from "../../src/negotiation/transcript.js";
import { type CoachingItem, type Debrief, type Tip, coachingText, computeDebrief, debriefSections } from "../../src/report/debrief.js";
import { message, renderMessage } from "../../src/report/debrief-wording.js";
import type { Language, Scenario } from "../../src/scenario/schema.js";
import { builtin } from "../negotiation/support.js";
import { DEBRIEF_TITLES_EN } from "../support/debrief-titles.js";

const HOSPITAL = builtin("hospital-it-platform");
const NASH: PackageArray = [1, 2, 0, 2, 2];
const TRAINEE = 0;
const PARTNER = 1;

interface Game {
  readonly scenario: Scenario;
  readonly session: Session;
  readonly transcript: Transcript;
  readonly debrief: Debrief;
}

/** Plays the trainee's moves against scripted partners and debriefs the result. */
function play(
  moves: (driver: NegotiationDriver, session: Session) => void,
  options: { scenario?: Scenario; partner?: ParticipantConfig; surprise?: boolean } = {},
): Game {
  const scenario = options.scenario ?? HOSPITAL;
  const partner = options.partner ?? { style: "logroller" };
  const participants = scenario.parties.map((_, p) => (p === TRAINEE ? { style: "human" } : partner));
  const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "debrief" }));
  moves(driver, driver.session);
  const session = driver.session;
  if (!session.ended) session.apply({ type: "abandon", round: session.round, actor: TRAINEE });
  const transcript = makeTranscript(session, {
    trainee: TRAINEE,
    surprise: options.surprise ?? false,
    lang: "en",
    complete: session.outcome?.kind !== "abandoned",
    savedAt: new Date("2025-01-31T10:00:00Z"),
  });
  return { scenario, session, transcript, debrief: computeDebrief(transcript, session) };
}

/** Offers `pkg` every turn until the negotiation ends. */
function insist(driver: NegotiationDriver, session: Session, pkg: PackageArray): void {
  while (!session.ended) driver.play(TRAINEE, { type: "offer", package: pkg });
}

/** A coaching item with its advice (`say`) and evidence (`shows`) worded in `lang`. */
function tip(debrief: Debrief, number: Tip, lang: Language = "en", scenario = HOSPITAL): CoachingItem & { say: string; shows: string } {
  const found = debrief.coaching.find((entry) => entry.tip === number);
  if (!found) throw new Error(`no coaching for tip ${number}`);
  const { text, evidence } = coachingText(found, scenario, lang);
  return { ...found, say: text, shows: evidence };
}

function allLines(game: Game, lang: Language, width = 80): string[] {
  return debriefSections(game.debrief, game.scenario, lang, width).flatMap((section) => [section.title, ...section.lines]);
}

/** The good game: asks first, discloses its top priority, then offers the Nash package until it is taken. */
function goodGame(): Game {
  return play((driver, session) => {
    driver.play(TRAINEE, { type: "ask", to: PARTNER, question: { kind: "most-important" } });
    driver.play(TRAINEE, { type: "ask", to: PARTNER, question: { kind: "what-would-work" } });
    driver.play(TRAINEE, { type: "disclose", issue: 4, importance: "high", honesty: "truthful" });
    insist(driver, session, NASH);
  });
}

describe("the facts", () => {
  const game = goodGame();
  const { debrief } = game;

  test("a deal at the Nash package realises the whole possible joint gain", () => {
    expect(debrief.outcome.kind).toBe("agreement");
    expect(debrief.deal).toEqual(NASH);
    expect(debrief.utilities).toEqual([68, 76]);
    expect(debrief.batnas).toEqual([38, 28]);
    expect(debrief.jointGain).toBeCloseTo(78, 9);
    expect(debrief.maxJointGain).toBeCloseTo(78, 9);
    expect(debrief.shareOfMaxJointGain).toBeCloseTo(1, 9);
    expect(debrief.valueLeftOnTable).toBeCloseTo(0, 9);
  });

  test("the Pareto data: frontier, Nash point, the deal and both sides' offers in order", () => {
    expect(debrief.pareto).toHaveLength(1);
    const [pareto] = debrief.pareto;
    expect([pareto.xParty, pareto.yParty]).toEqual([TRAINEE, PARTNER]);
    expect(pareto.frontier).toContainEqual({ x: 68, y: 76 });
    expect(pareto.nash).toEqual({ x: 68, y: 76 });
    expect(pareto.deal).toEqual({ x: 68, y: 76 });
    expect(pareto.batna).toEqual({ x: 38, y: 28 });
    const ownOffers = debrief.offers.filter((offer) => offer.party === TRAINEE);
    expect(pareto.traineeOffers).toEqual(ownOffers.map(() => ({ x: 68, y: 76 })));
    const theirs = debrief.offers.filter((offer) => offer.party === PARTNER);
    expect(pareto.partnerOffers).toHaveLength(theirs.length);
    expect(pareto.partnerOffers[0].y).toBeGreaterThan(pareto.partnerOffers[0].x);
  });

  test("issue by issue: the compatible issue kept, every integrative issue traded the right way", () => {
    const byIssue = Object.fromEntries(debrief.issues.map((review) => [HOSPITAL.issues[review.issue].id, review]));
    expect(byIssue["data-standard"]).toMatchObject({ kind: "compatible", verdict: "kept", dealOption: 2, commonFavourites: [2] });
    for (const id of ["go-live", "governance", "support"]) expect(byIssue[id]).toMatchObject({ kind: "integrative", verdict: "traded" });
    // The middle split creates more together than either side's favourite: best together, and kept.
    expect(byIssue["cost-split"]).toMatchObject({ kind: "bridging", verdict: "kept", jointBestOptions: [1], gotTheirWay: [] });
  });

  test("where the deal sits: on the frontier, all of the joint gain created, and who claimed how much", () => {
    expect(debrief.position).toEqual({ efficient: true, distance: 0, created: expect.closeTo(1, 9), claimed: [expect.closeTo(30 / 78, 9), expect.closeTo(48 / 78, 9)] });
    expect(debrief.missed).toBeNull();
    expect(debrief.autonomyCosts).toEqual([7, 4]);
  });

  test("points per issue: each party's points, the issue's best, and the total its utility", () => {
    const [rivierland] = debrief.points;
    expect(rivierland.rows.map((row) => row.deal)).toEqual([15, 15, 0, 0, 40]);
    expect(rivierland.rows.map((row) => row.best)).toEqual([25, 15, 10, 10, 40]);
    expect(rivierland.total).toEqual({ deal: 68, best: 98, missed: null });
  });

  test("the process: each side's offers as it values them, its first offer as an anchor", () => {
    const [you, partner] = debrief.process.paths;
    expect(you.party).toBe(TRAINEE);
    expect(you.points.every((point) => point.utility === 68)).toBe(true);
    expect(you.anchor).toEqual({ round: 1, utilities: [68, 76] });
    expect(partner.points[0].utility).toBeGreaterThanOrEqual(partner.points[partner.points.length - 1].utility);
    // Accepting nothing and walking away from nothing, the trainee left no decision to replay.
    expect(debrief.process.counterfactual).toBeNull();
  });

  test("the partner's style is revealed with its description", () => {
    expect(debrief.partnerStyles).toEqual([{ party: PARTNER, style: "logroller", family: "win-win", surprise: false }]);
    expect(allLines(game, "en").join(" ")).toContain("Asks, listens and trades");
    expect(allLines(game, "nl").join(" ")).toContain("Vraagt, luistert en ruilt");
    const surprised = play((driver) => driver.play(TRAINEE, { type: "walk-away" }), { surprise: true, partner: { style: "hardliner" } });
    expect(allLines(surprised, "en").join("\n")).toContain("plays hardliner (win-lose), a surprise, revealed now");
    // The family is worded in Dutch too.
    expect(allLines(surprised, "nl").join(" ").replace(/\s+/g, " ")).toContain("onderhandelde als hardliner (win-verlies): een verrassing, pas nu onthuld");
  });

  test("the replayed transcript gives the same debrief as the live session", () => {
    const { transcript, session } = readTranscript(JSON.parse(JSON.stringify(game.transcript)));
    expect(computeDebrief(transcript, session)).toEqual(debrief);
  });
});

describe("coaching", () => {
  test("a good game gets a good verdict on every tip, and tip 7 says it has nothing to judge", () => {
    const { debrief } = goodGame();
    expect(debrief.coaching.map((item) => item.tip)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const item of debrief.coaching.slice(0, 6)) expect(item.verdict, `tip ${item.tip}: ${tip(debrief, item.tip).say}`).toBe("good");
    expect(tip(debrief, 7)).toMatchObject({ verdict: "none", say: expect.stringContaining("Nothing to judge") });
    expect(tip(debrief, 1).say).toContain("creates 100% of the joint gain that was possible (from 75% on, a deal creates most of it)");
    expect(tip(debrief, 1).shows).toContain("What the deal costs in autonomy: you 7.0 and Duinzicht Hospital 4.0.");
    expect(tip(debrief, 3).shows).toContain("You asked “What would make this work for you?” (round 1)");
    expect(tip(debrief, 3).shows).toContain("You told them this is very important to you: Support level (round 1).");
    expect(tip(debrief, 4).shows).toContain("Compatible issues kept: Data standard.");
  });

  test("tip 2: no questions asked", () => {
    const { debrief } = play((driver, session) => insist(driver, session, NASH));
    expect(tip(debrief, 2).verdict).toBe("improve");
    expect(tip(debrief, 2).say).toContain("You asked no questions");
    expect(tip(debrief, 2).shows).toBe("Questions you asked: none.");
  });

  test("tip 2: questions asked, with their count, the questions and how they were answered (a bluff revealed now)", () => {
    const { debrief } = play(
      (driver, session) => {
        driver.play(TRAINEE, { type: "ask", to: PARTNER, question: { kind: "most-important" } });
        driver.play(TRAINEE, { type: "ask", to: PARTNER, question: { kind: "preferred-option", issue: 2 } });
        driver.play(TRAINEE, { type: "ask", to: PARTNER, question: { kind: "alternative" } });
        insist(driver, session, NASH);
      },
      { partner: { style: "anchor-and-bluff" } },
    );
    const item = tip(debrief, 2);
    expect(item.verdict).toBe("good");
    expect(item.say).toContain("You asked 3 questions");
    expect(item.shows).toContain("“What matters most to you?” (round 1): answered misleadingly, “Most important to us: Data standard.” (revealed now)");
    expect(item.shows).toContain("“Which option for Go-live date do you prefer?” (round 1): answered truthfully");
    expect(debrief.questions.map((record) => record.answer?.honesty)).toEqual(["misleading", "truthful", "misleading"]);
  });

  test("tip 2: dodged questions are named as dodged", () => {
    const { debrief } = play(
      (driver) => {
        driver.play(TRAINEE, { type: "ask", to: PARTNER, question: { kind: "most-important" } });
        driver.play(TRAINEE, { type: "walk-away" });
      },
      { partner: { style: "hardliner" } },
    );
    expect(tip(debrief, 2)).toMatchObject({ verdict: "good", shows: "Questions you asked: “What matters most to you?” (round 1): dodged." });
  });

  test("tip 4: haggling term by term", () => {
    const { debrief } = play((driver, session) => {
      for (let k = 0; !session.ended; k++) driver.play(TRAINEE, { type: "partial-offer", issue: k % 5, option: 1 });
    });
    const item = tip(debrief, 4);
    expect(item.verdict).toBe("improve");
    expect(item.say).toContain("You haggled term by term");
    expect(item.shows).toMatch(/^You made no package offers, no MESO offers and \d+ single-term offers\./);
  });

  test("tip 4: a compatible issue lost is named", () => {
    // The Nash package, but with the vendor's data format that neither side wants.
    const { debrief } = play((driver, session) => insist(driver, session, [1, 0, 0, 2, 2]));
    expect(debrief.outcome.kind).toBe("agreement");
    const item = tip(debrief, 4);
    expect(item.verdict).toBe("improve");
    expect(item.say).toContain("The deal gives up an issue on which you both want the same");
    expect(item.shows).toContain("Compatible issues lost: Data standard (you both prefer: Open standard throughout (HL7 FHIR)).");
  });

  test("tip 4: an integrative trade missed is named, with what the better package takes", () => {
    // The Nash package, but giving away Support level: 40 % of Rivierland's stakes, 9 % of Duinzicht's.
    const { debrief } = play((driver, session) => insist(driver, session, [1, 2, 0, 2, 0]));
    expect(debrief.outcome.kind).toBe("agreement");
    const item = tip(debrief, 4);
    expect(item.verdict).toBe("improve");
    expect(item.say).toContain("trade issues by priority");
    expect(item.shows).toContain("Trades made: Go-live date (to Duinzicht Hospital) and Governance (to Duinzicht Hospital).");
    expect(item.shows).toContain("Support level (the better package takes: Extended hours: every day 7:00–23:00)");
    // The better package dominates the deal and changes just the terms it names.
    expect(debrief.missed).toMatchObject({ against: "deal", changed: [0, 4], gains: [1, 7.5] });
  });

  test("tip 4: a MESO offer counts as a package offer, and every package of it is on the trajectory", () => {
    const { debrief } = play((driver, session) => {
      driver.play(TRAINEE, { type: "meso", packages: [NASH, [0, 2, 0, 2, 2]] });
      insist(driver, session, NASH);
    });
    expect(tip(debrief, 4).shows).toMatch(/^You made \d+ package offers, 1 MESO offer and no single-term offers\./);
    expect(debrief.pareto[0].traineeOffers.slice(0, 2)).toEqual([
      { x: 68, y: 76 },
      { x: 78, y: 61 },
    ]);
  });

  test("tip 5: an extreme anchor as first offer is named and trust dropped", () => {
    // Everything Rivierland likes best: less than 10 % up Duinzicht's range.
    const { debrief } = play((driver, session) => {
      driver.play(TRAINEE, { type: "offer", package: [0, 2, 2, 0, 2] });
      insist(driver, session, NASH);
    });
    const [trust] = debrief.trust;
    expect(trust.moves).toContainEqual({ reason: "extreme-anchor", count: 1, delta: -8, firstRound: 1 });
    expect(trust.lowest).toBeLessThan(trust.start);
    expect(tip(debrief, 5).shows).toContain("an extreme first offer (anchor) -8 (round 1)");
    expect(tip(debrief, 5).shows).toContain(`How much Duinzicht Hospital trusted you: 60 at the start, ${trust.lowest} at the lowest`);
  });

  test("tip 5: a partner that walks away for lack of trust", () => {
    const { debrief } = play((driver, session) => insist(driver, session, [0, 2, 2, 0, 2]), {
      partner: { style: "logroller", params: { walkAwayThreshold: 45 } },
    });
    expect(debrief.outcome).toMatchObject({ kind: "walk-away", by: PARTNER });
    const item = tip(debrief, 5);
    expect(item.verdict).toBe("improve");
    expect(item.say).toBe("Duinzicht Hospital walked away because it no longer trusted you: without a click there is no partnership.");
    expect(item.shows).toContain(`Trust fell to ${debrief.trust[0].end}, below 45: the level at which Duinzicht Hospital walks away.`);
  });

  test("tips 1 and 6: accepting a package below the trainee's BATNA", () => {
    const { debrief } = play((driver, session) => {
      driver.play(TRAINEE, { type: "offer", package: NASH });
      // The partner's opening offer is its own best package.
      expect(session.utility(TRAINEE, session.standing!.packages[0])).toBeLessThan(38);
      driver.play(TRAINEE, { type: "accept" });
    });
    expect(debrief.outcome.kind).toBe("agreement");
    expect(tip(debrief, 1)).toMatchObject({ verdict: "improve", say: expect.stringContaining("You agreed to less than your alternative") });
    expect(tip(debrief, 1).shows).toMatch(/^The deal gives you \d+\.\d points; without it you had 38\.0 \(-\d+\.\d\)\./);
    expect(tip(debrief, 6)).toMatchObject({ verdict: "improve", say: expect.stringContaining("the agreement costs you more than it brings") });
    // The seeded partner replayed: holding out with the Nash package would have got a deal.
    expect(debrief.process.counterfactual).toMatchObject({ decision: "accept", offered: NASH, result: { kind: "accepted", package: NASH, proposer: TRAINEE } });
    expect(tip(debrief, 6).shows).toMatch(/Had you held out instead of accepting and offered the Nash package, Duinzicht Hospital would have accepted it in round \d+: you 68\.0 and Duinzicht Hospital 76\.0\./);
  });

  test("tips 1 and 6: walking away although packages beating both BATNAs existed", () => {
    const { debrief } = play((driver) => driver.play(TRAINEE, { type: "walk-away" }));
    expect(debrief.outcome).toEqual({ kind: "walk-away", by: TRAINEE, round: 1 });
    expect(debrief.utilities).toEqual([38, 28]);
    expect(debrief.jointGain).toBe(0);
    expect(debrief.valueLeftOnTable).toBeCloseTo(78, 9);
    expect(tip(debrief, 1)).toMatchObject({ verdict: "improve", say: expect.stringContaining("No deal, although packages existed") });
    expect(tip(debrief, 1).shows).toContain("You walked away in round 1. For example this package was within reach: Cost split: 60/40");
    expect(tip(debrief, 1).shows).toContain("It gives you 68.0 and Duinzicht Hospital 76.0.");
    expect(tip(debrief, 6)).toMatchObject({ verdict: "improve", say: expect.stringContaining("No deal was reached (none of the 5 terms was settled") });
    expect(debrief.missed).toMatchObject({ against: "offer", package: NASH, offeredBy: null, gains: [30, 48] });
    expect(tip(debrief, 6).shows).toMatch(/Had you stayed and offered the better package, Duinzicht Hospital would have accepted it in round \d+/);
  });

  test("tips 1 and 6: no deal is right when no package beats every BATNA", () => {
    const hopeless: Scenario = { ...HOSPITAL, parties: HOSPITAL.parties.map((party) => ({ ...party, batna: 90 })) };
    const { debrief } = play((driver) => driver.play(TRAINEE, { type: "walk-away" }), { scenario: hopeless });
    expect(debrief.maxJointGain).toBeNull();
    expect(tip(debrief, 1).verdict).toBe("good");
    expect(tip(debrief, 6)).toMatchObject({ verdict: "none", say: expect.stringContaining("Nothing to judge") });
    expect(debrief.missed).toBeNull();
    expect(debrief.process.counterfactual).toBeNull();
  });

  test("tip 3 is coached with or without a shared ambition, which it quotes when there is one", () => {
    const { sharedAmbition: _, ...plain } = HOSPITAL;
    const { debrief } = play((driver) => driver.play(TRAINEE, { type: "walk-away" }), { scenario: plain });
    expect(debrief.coaching.map((item) => item.tip)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tip(debrief, 3, "en", plain)).toMatchObject({ verdict: "improve", say: expect.stringContaining("You did not explore what would make the partnership work") });
    const ambitious = play((driver) => driver.play(TRAINEE, { type: "walk-away" }));
    expect(tip(ambitious.debrief, 3)).toMatchObject({ verdict: "improve", say: expect.stringContaining("What would make this work for you?") });
    expect(tip(ambitious.debrief, 3).shows).toContain("Shared ambition: “One patient record for the region");
  });

  test("tip 7: a scripted event is reported with its round and what changed", () => {
    const scenario: Scenario = {
      ...HOSPITAL,
      partners: {
        duinzicht: {
          style: "logroller",
          events: [{ round: 2, batna: 40, message: { en: "Another hospital has approached us.", nl: "Een ander ziekenhuis heeft ons benaderd." } }],
        },
      },
    };
    const { debrief } = play((driver, session) => insist(driver, session, NASH), { scenario });
    expect(debrief.batnas).toEqual([38, 40]);
    expect(debrief.scripted).toEqual([
      {
        round: 2,
        change: { kind: "batna", party: PARTNER, batna: 40 },
        before: 28,
        message: expect.objectContaining({ en: "Another hospital has approached us." }),
      },
    ]);
    const item = tip(debrief, 7);
    expect(item.verdict).toBe("good");
    expect(item.shows).toMatch(
      /^Round 2: the BATNA of Duinzicht Hospital changed from 28\.0 to 40\.0 \(“Another hospital has approached us\.”\)\. After the change you asked no questions and made \d+ offers\.$/,
    );
    expect(tip(debrief, 7, "nl").shows).toContain("Ronde 2: de BATNA van Ziekenhuis Duinzicht veranderde van 28,0 naar 40,0 (“Een ander ziekenhuis heeft ons benaderd.”)");
  });

  test("tip 7 without scripted events: nothing to judge, said plainly", () => {
    expect(tip(goodGame().debrief, 7)).toMatchObject({ verdict: "none", shows: "No alternative, priority or trust changed away from the table." });
  });
});

describe("the text sections", () => {
  const games = {
    good: goodGame(),
    walkAway: play((driver) => driver.play(TRAINEE, { type: "walk-away" })),
    haggling: play((driver, session) => {
      for (let k = 0; !session.ended; k++) driver.play(TRAINEE, { type: "partial-offer", issue: k % 5, option: 1 });
    }),
    threeParties: play(
      (driver, session) => {
        driver.play(TRAINEE, { type: "ask", to: 2, question: { kind: "most-important" } });
        insist(driver, session, [0, 0, 0, 0, 0, 0]);
      },
      { scenario: builtin("rd-consortium") },
    ),
  };

  test("in order: outcome, partner, points, where the deal sits, the better package, points per issue, plot, process, issues, coaching", () => {
    expect(debriefSections(games.good.debrief, HOSPITAL, "en", 80).map((section) => section.title)).toEqual(DEBRIEF_TITLES_EN);
  });

  /** The lines of the section with this title. */
  const section = (game: Game, title: string, lang: Language = "en", width = 80) =>
    debriefSections(game.debrief, game.scenario, lang, width).find((entry) => entry.title === title)!.lines;

  test.each(Object.keys(games))("fit in 80 columns in English and Dutch (%s)", (name) => {
    const game = games[name as keyof typeof games];
    for (const lang of ["en", "nl"] as const) {
      for (const line of allLines(game, lang)) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
  });

  test("the points table reveals every party's BATNA and result", () => {
    const points = section(games.good, "Points");
    expect(points).toEqual([
      "party                            BATNA  deal   gain  autonomy cost",
      "Rivierland Medical Centre (you)   38.0  68.0  +30.0            7.0",
      "Duinzicht Hospital                28.0  76.0  +48.0            4.0",
    ]);
  });

  test("points per issue: a table per party, the missed package's column filled when there is one", () => {
    const lines = section(games.good, "Points per issue");
    expect(lines.slice(0, 4)).toEqual([
      "Rivierland Medical Centre (you):",
      "  issue          deal  best  better package",
      "  Cost split     15.0  25.0               –",
      "  Data standard  15.0  15.0               –",
    ]);
    expect(lines).toContain("  total          68.0  98.0               –");
    const walkAway = section(games.walkAway, "Points per issue");
    expect(walkAway[1]).toBe("  issue          deal  best  within reach");
    expect(walkAway).toContain("  total             –  98.0          68.0");
  });

  test("the plot shows the deal, both sides' offers and a legend of the symbols present", () => {
    const plot = section(games.good, "Pareto plot").join("\n");
    expect(plot).toContain("D");
    expect(plot).toContain("p");
    expect(plot).toContain("• frontier  C naive compromise  N Nash  D deal  y your offers  p their offers");
    expect(plot).toContain("N Nash 68.0 / 76.0 · D deal 68.0 / 76.0");
    const noDeal = section(games.walkAway, "Pareto plot").join("\n");
    expect(noDeal).not.toContain("D deal");
    expect(noDeal).not.toContain("y your offers");
    expect(noDeal).toContain("B better package 68.0 / 76.0");
  });

  test("value created, value claimed and value left on the table", () => {
    const good = section(games.good, "Where the deal sits").join(" ");
    expect(good).toContain("Value created: a joint gain (what the deal gives the parties together above their BATNAs) of 78.0 of a possible 78.0 (100%).");
    expect(good).toContain("Value claimed, each party's share of that joint gain: you 38% (+30.0) and Duinzicht Hospital 62% (+48.0).");
    expect(good).toContain("On the Pareto frontier");
    expect(good).toContain("Nothing was left on the table.");
    expect(section(games.walkAway, "Where the deal sits")[0]).toBe("No deal: the whole possible joint gain of 78.0 points was left on the table.");
  });

  test("three parties: a plot panel per partner, and each issue reviewed once over all parties", () => {
    const { debrief, scenario } = games.threeParties;
    expect(debrief.pareto.map((panel) => [panel.xParty, panel.yParty])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(debrief.issues.map((review) => review.issue)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(debrief.issues.every((review) => review.priorities.length === 3)).toBe(true);
    const text = allLines(games.threeParties, "en").join("\n");
    expect(text).toContain("Your partners");
    for (const party of [1, 2]) expect(text).toContain(`You (University of Oostland) across, ${(scenario.parties[party].name as { en: string }).en} up`);
    expect(tip(debrief, 2, "en", scenario).shows).toContain(", to Oostland Regional Innovation Fund): ");
    // Too narrow for plots: the packages as a table, a column per party.
    const narrow = section(games.threeParties, "Pareto plot", "en", 44);
    expect(narrow[0]).toBe("Too narrow for a plot; the packages in");
    expect(narrow.some((line) => line.startsWith("University of Oostland"))).toBe(true);
    for (const line of narrow) expect([...line].length, line).toBeLessThanOrEqual(44);
  });

  test("Dutch output differs from English and is Dutch", () => {
    const english = allLines(games.good, "en").join("\n");
    const dutch = allLines(games.good, "nl").join("\n");
    expect(dutch).not.toBe(english);
    const words = ["Uitkomst", "Je partner", "Waar het akkoord staat", "Punten per onderwerp", "Onderwerp voor onderwerp", "Coaching aan de hand van de zeven tips"];
    for (const word of [...words, "Stel de juiste vragen", "akkoord", "goed geruild"]) expect(dutch).toContain(word);
    expect(dutch).not.toContain("Outcome");
  });

  test("three parties: no word for two ('both', 'beide', 'allebei') in either language", () => {
    // The Nash package keeps some compatible issues and loses others, pair by pair.
    const dealt = play(
      (driver, session) => {
        driver.play(TRAINEE, { type: "ask", to: 1, question: { kind: "what-would-work" } });
        insist(driver, session, [2, 0, 1, 2, 2, 1]);
      },
      { scenario: builtin("rd-consortium") },
    );
    expect(dealt.debrief.outcome.kind).toBe("agreement");
    for (const game of [dealt, games.threeParties]) {
      for (const lang of ["en", "nl"] as const) expect(allLines(game, lang).join("\n")).not.toMatch(/\b(both|beide|allebei)\b/i);
    }
    const dutch = allLines(dealt, "nl").join(" ").replace(/\s+/g, " ");
    expect(dutch).toContain("behouden: iedereen wilde dit");
    // With two parties "both" is what a speaker says.
    expect(allLines(games.good, "nl").join(" ")).toContain("behouden: jullie wilden dit allebei");
  });

  test("a narrower terminal gets a narrower plot", () => {
    for (const line of allLines(games.good, "en", 60)) expect([...line].length, line).toBeLessThanOrEqual(60);
  });
});

describe("counts in Dutch: none, one and more have their own words", () => {
  const nl = (key: Parameters<typeof message>[0], params: Parameters<typeof message>[1]) => renderMessage(message(key, params), HOSPITAL, "nl");

  test.each([
    [0, "Je deed geen pakketbiedingen, geen MESO-biedingen en geen biedingen op losse voorwaarden."],
    [1, "Je deed 1 pakketbod, 1 MESO-bod en 1 bod op een losse voorwaarde."],
    [2, "Je deed 2 pakketbiedingen, 2 MESO-biedingen en 2 biedingen op losse voorwaarden."],
  ])("%i offers of each kind", (count, text) => {
    expect(nl("debrief.coaching.offerCounts", { packages: count, meso: count, terms: count })).toBe(text);
  });

  test.each([
    [0, "Na de verandering stelde je geen vragen en deed je geen bod."],
    [1, "Na de verandering stelde je 1 vraag en deed je 1 bod."],
    [2, "Na de verandering stelde je 2 vragen en deed je 2 biedingen."],
  ])("%i questions and offers after a change", (count, text) => {
    expect(nl("debrief.coaching.afterwards", { questions: count, offers: count })).toBe(text);
  });

  test.each([
    [0, "(van de 5 voorwaarden lag er aan het eind nog geen enkele vast)"],
    [1, "(aan het eind lag 1 van de 5 voorwaarden vast)"],
    [2, "(aan het eind lagen 2 van de 5 voorwaarden vast)"],
  ])("%i terms settled without a deal", (count, text) => {
    expect(nl("debrief.coaching.nothingAgreed", { settled: count, issues: 5 })).toContain(text);
  });

  test("questions and what was left on the table", () => {
    expect(nl("debrief.coaching.asked", { count: 1, partners: 1 })).toMatch(/^Je stelde 1 vraag om te ontdekken wat voor de ander telt/);
    expect(nl("debrief.coaching.asked", { count: 2, partners: 2 })).toMatch(/^Je stelde 2 vragen om te ontdekken wat voor de anderen telt/);
    expect(nl("debrief.jointGain.left", { left: 0 })).toBe("Er bleef niets liggen.");
    expect(nl("debrief.jointGain.left", { left: 7.5 })).toMatch(/^Jullie lieten samen 7,5 punten liggen: /);
  });

  test("a game's own counts", () => {
    const haggling = play((driver, session) => {
      for (let k = 0; !session.ended; k++) driver.play(TRAINEE, { type: "partial-offer", issue: k % 5, option: 1 });
    });
    expect(tip(haggling.debrief, 4, "nl").shows).toMatch(/^Je deed geen pakketbiedingen, geen MESO-biedingen en \d+ biedingen op losse voorwaarden\./);
    expect(tip(goodGame().debrief, 2, "nl").say).toMatch(/^Je stelde 2 vragen /);
  });
});
