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
    const { pareto } = debrief;
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
    expect(byIssue["data-standard"]).toMatchObject({ kind: "compatible", verdict: "kept", dealOption: 2 });
    for (const id of ["go-live", "governance", "support"]) expect(byIssue[id]).toMatchObject({ kind: "integrative", verdict: "traded" });
    expect(byIssue["cost-split"]).toMatchObject({ kind: "distributive", verdict: null });
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
  test("a good game gets a good verdict on every tip", () => {
    const { debrief } = goodGame();
    expect(debrief.coaching.map((item) => item.tip)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const item of debrief.coaching) expect(item.verdict, `tip ${item.tip}: ${tip(debrief, item.tip).say}`).toBe("good");
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

  test("tip 4: an integrative trade missed is named", () => {
    // The Nash package, but giving away Support level: 40 % of Rivierland's stakes, 9 % of Duinzicht's.
    const { debrief } = play((driver, session) => insist(driver, session, [1, 2, 0, 2, 0]));
    expect(debrief.outcome.kind).toBe("agreement");
    const item = tip(debrief, 4);
    expect(item.verdict).toBe("improve");
    expect(item.say).toContain("Trade issues by priority");
    expect(item.shows).toContain("Trades made: Go-live date (to Duinzicht Hospital) and Governance (to Duinzicht Hospital). Trades missed: Support level.");
  });

  test("tip 4: a MESO offer counts as a package offer, and every package of it is on the trajectory", () => {
    const { debrief } = play((driver, session) => {
      driver.play(TRAINEE, { type: "meso", packages: [NASH, [0, 2, 0, 2, 2]] });
      insist(driver, session, NASH);
    });
    expect(tip(debrief, 4).shows).toMatch(/^You made \d+ package offers, 1 MESO offer and no single-term offers\./);
    expect(debrief.pareto.traineeOffers.slice(0, 2)).toEqual([
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
    expect(tip(debrief, 1).shows).toMatch(/^The deal gives you \d+\.\d points; without it you had 38\.0 \(-\d+\.\d\)\.$/);
    expect(tip(debrief, 6)).toMatchObject({ verdict: "improve", say: expect.stringContaining("the agreement costs you more than it brings") });
  });

  test("tips 1 and 6: walking away although packages beating both BATNAs existed", () => {
    const { debrief } = play((driver) => driver.play(TRAINEE, { type: "walk-away" }));
    expect(debrief.outcome).toEqual({ kind: "walk-away", by: TRAINEE, round: 1 });
    expect(debrief.utilities).toEqual([38, 28]);
    expect(debrief.jointGain).toBe(0);
    expect(debrief.valueLeftOnTable).toBeCloseTo(78, 9);
    expect(tip(debrief, 1)).toMatchObject({ verdict: "improve", say: expect.stringContaining("No deal, although packages existed") });
    expect(tip(debrief, 1).shows).toContain("You walked away in round 1. For example the Nash package");
    expect(tip(debrief, 1).shows).toContain("gives you 68.0 (BATNA 38.0) and Duinzicht Hospital 76.0 (BATNA 28.0).");
    expect(tip(debrief, 6)).toMatchObject({ verdict: "improve", say: expect.stringContaining("No deal was reached (none of the 5 terms was settled") });
  });

  test("tips 1 and 6: no deal is right when no package beats every BATNA", () => {
    const hopeless: Scenario = { ...HOSPITAL, parties: HOSPITAL.parties.map((party) => ({ ...party, batna: 90 })) };
    const { debrief } = play((driver) => driver.play(TRAINEE, { type: "walk-away" }), { scenario: hopeless });
    expect(debrief.maxJointGain).toBeNull();
    expect(tip(debrief, 1).verdict).toBe("good");
    expect(tip(debrief, 6).verdict).toBe("good");
  });

  test("tip 3 is coached only when the scenario has a shared ambition", () => {
    const { sharedAmbition: _, ...plain } = HOSPITAL;
    const { debrief } = play((driver) => driver.play(TRAINEE, { type: "walk-away" }), { scenario: plain });
    expect(debrief.coaching.map((item) => item.tip)).toEqual([1, 2, 4, 5, 6]);
    const ambitious = play((driver) => driver.play(TRAINEE, { type: "walk-away" }));
    expect(tip(ambitious.debrief, 3)).toMatchObject({ verdict: "improve", say: expect.stringContaining("What would make this work for you?") });
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

  test("tip 7 is left out without scripted events", () => {
    expect(goodGame().debrief.coaching.some((item) => item.tip === 7)).toBe(false);
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

  test("in order: outcome, partner, points, joint gain, plot, issues, coaching", () => {
    expect(debriefSections(games.good.debrief, HOSPITAL, "en", 80).map((section) => section.title)).toEqual([
      "Outcome",
      "Your partner",
      "Points",
      "Joint gain",
      "Pareto plot",
      "Issue by issue",
      "Coaching along the seven tips",
    ]);
  });

  test.each(Object.keys(games))("fit in 80 columns in English and Dutch (%s)", (name) => {
    const game = games[name as keyof typeof games];
    for (const lang of ["en", "nl"] as const) {
      for (const line of allLines(game, lang)) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
  });

  test("the points table reveals every party's BATNA and result", () => {
    const points = debriefSections(games.good.debrief, HOSPITAL, "en", 80)[2].lines;
    expect(points).toEqual([
      "party                            BATNA  deal   gain",
      "Rivierland Medical Centre (you)   38.0  68.0  +30.0",
      "Duinzicht Hospital                28.0  76.0  +48.0",
    ]);
  });

  test("the plot shows the deal, both sides' offers and a legend of the symbols present", () => {
    const plot = debriefSections(games.good.debrief, HOSPITAL, "en", 80)[4].lines.join("\n");
    expect(plot).toContain("D");
    expect(plot).toContain("p");
    expect(plot).toContain("• frontier  C naive compromise  N Nash  D deal  y your offers  p their offers");
    expect(plot).toContain("N Nash 68.0 / 76.0 · D deal 68.0 / 76.0");
    const noDeal = debriefSections(games.walkAway.debrief, HOSPITAL, "en", 80)[4].lines.join("\n");
    expect(noDeal).not.toContain("D deal");
    expect(noDeal).not.toContain("y your offers");
  });

  test("joint gain and value left on the table", () => {
    expect(debriefSections(games.haggling.debrief, HOSPITAL, "en", 80)[3].lines.join(" ")).toMatch(
      /Joint gain \(what the deal gives the parties together above their BATNAs\): \d+\.\d of a possible 78\.0 \(\d+%\)\. Left on the table: \d+\.\d points\./,
    );
    expect(debriefSections(games.walkAway.debrief, HOSPITAL, "en", 80)[3].lines[0]).toBe(
      "No deal: the whole possible joint gain of 78.0 points was left on the table.",
    );
  });

  test("three parties: the plot is the trainee against the first other party; issues per partner", () => {
    const { debrief, scenario } = games.threeParties;
    expect([debrief.pareto.xParty, debrief.pareto.yParty]).toEqual([0, 1]);
    const text = allLines(games.threeParties, "en").join("\n");
    expect(text).toContain("Your partners");
    for (const party of [1, 2]) expect(text).toContain(`With ${(scenario.parties[party].name as { en: string }).en}:`);
    expect(tip(debrief, 2, "en", scenario).shows).toContain(", to Oostland Regional Innovation Fund): ");
  });

  test("Dutch output differs from English and is Dutch", () => {
    const english = allLines(games.good, "en").join("\n");
    const dutch = allLines(games.good, "nl").join("\n");
    expect(dutch).not.toBe(english);
    const words = ["Uitkomst", "Je partner", "Gezamenlijke winst", "Onderwerp voor onderwerp", "Coaching aan de hand van de zeven tips"];
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
    expect(dealt.debrief.issues.map((review) => review.verdict)).toEqual(expect.arrayContaining(["kept", "lost", "traded", "missed"]));
    for (const game of [dealt, games.threeParties]) {
      for (const lang of ["en", "nl"] as const) expect(allLines(game, lang).join("\n")).not.toMatch(/\b(both|beide|allebei)\b/i);
    }
    const dutch = allLines(dealt, "nl").join(" ").replace(/\s+/g, " ");
    expect(dutch).toContain("behouden: jij en Veldkracht Verpakkingen wilden hetzelfde");
    expect(dutch).toContain("Het akkoord offert een onderwerp op waarover jij en een van de anderen hetzelfde willen");
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
    expect(nl("debrief.jointGain.left", { left: 7.5 })).toBe("Jullie lieten samen 7,5 punten liggen.");
  });

  test("a game's own counts", () => {
    const haggling = play((driver, session) => {
      for (let k = 0; !session.ended; k++) driver.play(TRAINEE, { type: "partial-offer", issue: k % 5, option: 1 });
    });
    expect(tip(haggling.debrief, 4, "nl").shows).toMatch(/^Je deed geen pakketbiedingen, geen MESO-biedingen en \d+ biedingen op losse voorwaarden\./);
    expect(tip(goodGame().debrief, 2, "nl").say).toMatch(/^Je stelde 2 vragen /);
  });
});
