import { describe, expect, it } from "vitest";
import { HUMAN } from "../../src/negotiation/driver.js";
import { afterEvent, stageScenario } from "../../src/negotiation/partnership/conditions.js";
import { type PartnershipRun, type PhaseRecord, PartnershipRun as Run, runPartnership } from "../../src/negotiation/partnership/run.js";
import { hiddenTerms } from "../../src/negotiation/hidden-terms.js";
import type { Scenario } from "../../src/scenario/schema.js";
import type { ReviewDecision } from "../../src/negotiation/partners/review.js";
import type { SessionView } from "../../src/negotiation/session.js";
import { computePartnershipDebrief } from "../../src/report/partnership-debrief.js";
import { partnershipDebriefJson } from "../../src/report/partnership-debrief-json.js";
import { partnershipDebriefText } from "../../src/report/partnership-debrief-text.js";
import { displayWidth } from "../../src/report/wrap.js";
import { smallPartnership } from "../partnership/fixture.js";
import { builtin } from "../negotiation/support.js";

/** A party's utility of an agreement straight from the scenario: Σ weight/Σweights × value − entry cost. */
function utilityOf(scenario: Scenario, id: string, agreement: Record<string, string>): number {
  const party = scenario.parties.find((p) => p.id === id)!;
  const total = scenario.issues.reduce((sum, issue) => sum + (party.weights[issue.id] ?? 0), 0);
  const value = scenario.issues.reduce((sum, issue) => sum + ((party.weights[issue.id] ?? 0) / total) * Number(party.values[issue.id]?.[agreement[issue.id]] ?? 0), 0);
  return value - (party.entryCost ?? 0);
}

/** Every package of the scenario, with `allowed(issue, option)` deciding which options are on the table. */
function* packages(scenario: Scenario, allowed: (issue: number, option: number) => boolean, i = 0, partial: Record<string, string> = {}): Generator<Record<string, string>> {
  if (i === scenario.issues.length) return yield { ...partial };
  const issue = scenario.issues[i];
  for (let o = 0; o < issue.options.length; o++) if (allowed(i, o)) yield* packages(scenario, allowed, i + 1, { ...partial, [issue.id]: issue.options[o].id });
}

/** Brute force: the largest joint gain over packages beating every BATNA, or null. */
function bruteMaxJointGain(scenario: Scenario, allowed: (issue: number, option: number) => boolean = () => true): number | null {
  let best: number | null = null;
  for (const pkg of packages(scenario, allowed)) {
    const gains = scenario.parties.map((party) => utilityOf(scenario, party.id, pkg) - party.batna);
    if (gains.every((gain) => gain >= -1e-9)) best = Math.max(best ?? -Infinity, gains.reduce((a, b) => a + b, 0));
  }
  return best;
}

/** Options on the table with only `found` (indices into hiddenTerms(scenario)) revealed. */
function onTable(scenario: Scenario, found: (k: number) => boolean) {
  const hidden = hiddenTerms(scenario);
  return (issue: number, option: number) =>
    hidden.every((term, k) => found(k) || term.issue !== issue || (term.option === undefined ? option === 0 : term.option !== option));
}

/** Wrapped lines as one text, so that a sentence can be matched across line ends. */
const flat = (lines: readonly string[]) => lines.map((line) => line.trim()).join(" ");

const ended = (run: PartnershipRun) => (run.waiting.kind === "ended" ? run.waiting.reason : "abandoned");

function debriefOf(run: PartnershipRun, scenario: Scenario, trainee: string) {
  return computePartnershipDebrief({ scenario, phases: run.phases, end: ended(run), trainee });
}

function expectRendered(content: ReturnType<typeof computePartnershipDebrief>) {
  for (const width of [48, 80]) {
    const en = partnershipDebriefText(content, "en", width);
    const nl = partnershipDebriefText(content, "nl", width);
    for (const line of [...en, ...nl]) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    for (const line of [...en, ...nl]) expect(line).not.toMatch(/[{}]|undefined|NaN/);
    expect(nl.join("\n")).not.toEqual(en.join("\n"));
  }
  expect(JSON.parse(JSON.stringify(partnershipDebriefJson(content)))).toMatchObject({ trainee: content.trainee, end: content.end });
}

describe("the partnership debrief of scripted partners", () => {
  const scenario = smallPartnership();
  const run = runPartnership({ scenario, styles: ["logroller", "logroller", "logroller"], seed: "s1" });
  const content = debriefOf(run, scenario, "a");
  const stageRecords = run.phases.filter((phase) => phase.kind === "stage");

  it("scores every stage against a brute-force frontier, with and without the hidden terms", () => {
    expect(content.stages.map((stage) => stage.reached)).toEqual([true, true, true]);
    for (const record of stageRecords) {
      const score = content.stages[record.stage];
      const stage = record.scenario;
      expect(score.full.maxJointGain!).toBeCloseTo(bruteMaxJointGain(stage)!, 6);
      const revealed = new Set(record.session ? record.session.hidden.flatMap((_, k) => (record.session!.revealed[k] ? [k] : [])) : []);
      // The stage's hidden terms and the session's are the same list: the session's scenario differs in BATNAs only.
      expect(score.found.maxJointGain!).toBeCloseTo(bruteMaxJointGain(stage, onTable(stage, (k) => revealed.has(k)))!, 6);
      for (const party of stage.parties) expect(score.utilities[party.id]).toBeCloseTo(utilityOf(stage, party.id, { ...record.agreement! }), 6);
      const joint = stage.parties.reduce((sum, party) => sum + utilityOf(stage, party.id, { ...record.agreement! }) - party.batna, 0);
      expect(score.jointGain).toBeCloseTo(joint, 6);
      expect(score.hiddenValue).toBeCloseTo(score.full.maxJointGain! - score.found.maxJointGain!, 9);
    }
    const sum = content.stages.reduce((total, stage) => total + stage.jointGain, 0);
    expect(content.total.jointGain).toBeCloseTo(sum, 9);
    expect(content.total.maxJointGain).toBeCloseTo(content.stages.reduce((total, stage) => total + (stage.full.maxJointGain ?? 0), 0), 9);
    expect(content.total.traineeGain).toBeCloseTo(content.stages.reduce((total, stage) => total + (stage.traineeGain ?? 0), 0), 9);
  });

  it("the shared ambition: the highest product of the founders' values, and what its unlocks add", () => {
    expect(content.ambition!.agreed).toBe("together");
    expect(content.ambition!.shared).toBe("together");
    expect(content.ambition!.candidates.map((c) => c.nashProduct)).toEqual([80 * 70, 100 * 10, 10 * 100]);
    // Brute force: stage 1 with and without the data platform (under the agreed ambition's weights, none here).
    const stage0 = stageRecords[0].scenario;
    const withoutData = { ...stage0, issues: stage0.issues.filter((issue) => issue.id !== "data") };
    expect(content.ambition!.unlockValue).toBeCloseTo(bruteMaxJointGain(stage0)! - bruteMaxJointGain(withoutData)!, 6);
    expect(content.ambition!.unlockValue).toBeGreaterThan(0);
    expect(content.coaching[0]).toMatchObject({ tip: 3, verdict: "good" });
  });

  it("tracks the newcomer, the reviews and trust stage by stage", () => {
    expect(content.reviews.map((review) => review.stage)).toEqual([1, 2]);
    expect(content.reviews[0].newcomers).toEqual(["c"]);
    expect(content.reviews[0].reviews).toEqual(stageRecords[1].reviews);
    expect(content.reviews[0].traineeReview).toBe(stageRecords[1].reviews.a);
    const session = stageRecords[1].session!;
    const b = session.scenario.parties.findIndex((party) => party.id === "b");
    expect(content.reviews[0].trust.find((pair) => pair.party === "b")).toEqual({ party: "b", yours: session.trustIn(0, b), theirs: session.trustIn(b, 0) });
    expectRendered(content);
  });

  it("a hidden term once found stays on the table in later stages", () => {
    const found = content.hiddenTerms.filter((term) => term.found);
    expect(found.length).toBeGreaterThan(0);
    for (const term of found) {
      for (const record of stageRecords.filter((r) => r.stage > term.found!.stage)) {
        expect(hiddenTerms(record.scenario).map((t) => record.scenario.issues[t.issue].id)).not.toContain(term.option ? undefined : term.issue);
      }
    }
  });

  it.each([
    [["hardliner", "conceder", "linear"], "s2"],
    [["reciprocator", "boulware", "meso"], "s3"],
    [["take-it-or-leave-it", "hardliner", "random"], "s4"],
    [["conceder", "conceder", "conceder"], "s5"],
  ])("renders for %j seed %s in both languages, totals adding up", (styles, seed) => {
    const other = runPartnership({ scenario, styles, seed });
    for (const trainee of ["a", "b"]) {
      const debrief = debriefOf(other, scenario, trainee);
      expect(debrief.total.jointGain).toBeCloseTo(debrief.stages.reduce((sum, stage) => sum + stage.jointGain, 0), 9);
      expect(debrief.coaching.map((item) => item.tip)).toEqual([3, 4, 7]);
      expectRendered(debrief);
    }
  });
});

interface TraineeScript {
  /** Its review at every later stage. */
  readonly review?: ReviewDecision;
  /** What it offers when nothing stands for it to accept; the first option of every issue by default. */
  readonly offer?: (session: SessionView, me: number) => number[];
}

/** The trainee as a script: proposes `ambition`, accepts whatever is offered, offers as `script` says, keeps agreements, reviews as it says (keep). */
function playTrainee(scenario: Scenario, styles: string[], seed: string, ambition: number, script: TraineeScript = {}) {
  const run = new Run({ scenario, styles, seed });
  for (let guard = 0; guard < 1000 && run.waiting.kind !== "ended"; guard++) {
    if (run.waiting.kind === "review") {
      run.review(script.review ?? "keep");
      continue;
    }
    const session = run.session!;
    const me = session.config.participants.findIndex((participant) => participant.style === HUMAN);
    const standing = session.standing;
    if (session.agreed) run.play({ type: "keep" });
    else if (standing && standing.proposer !== me && !standing.acceptedBy.has(me)) run.play(standing.kind === "meso" ? { type: "accept", choice: 0 } : { type: "accept" });
    else if (session.model.issueIds[0] === "ambition") run.play({ type: "offer", package: [ambition] });
    else run.play({ type: "offer", package: script.offer?.(session, me) ?? session.model.issueIds.map(() => 0) });
  }
  return run;
}

describe("planted mistakes", () => {
  it("hidden terms never found: said so, with the value missed computed by brute force", () => {
    const scenario = smallPartnership();
    const run = playTrainee(scenario, [HUMAN, "hardliner", "hardliner"], "p1", 1);
    const content = debriefOf(run, scenario, "a");
    const inPlay = content.hiddenTerms.filter((term) => term.values.length > 0);
    expect(inPlay.length).toBeGreaterThan(0);
    for (const term of inPlay) expect(term.found).toBeNull();
    const stage0 = run.phases.find((phase) => phase.kind === "stage" && phase.stage === 0)!.scenario;
    const full = bruteMaxJointGain(stage0)!;
    const masked = bruteMaxJointGain(stage0, onTable(stage0, () => false))!;
    expect(content.stages[0].hiddenValue).toBeCloseTo(full - masked, 6);
    expect(full - masked).toBeGreaterThan(0);
    // Each term's own value at stage 1: everything on the table against everything but it.
    const hidden = hiddenTerms(stage0);
    for (const term of inPlay) {
      const k = hidden.findIndex((t) => stage0.issues[t.issue].id === term.issue && (t.option === undefined ? !term.option : stage0.issues[t.issue].options[t.option].id === term.option));
      expect(term.values[0].value).toBeCloseTo(full - bruteMaxJointGain(stage0, onTable(stage0, (j) => j !== k))!, 6);
    }
    const tip4 = content.coaching[1];
    expect(tip4.verdict).toBe("improve");
    const en = flat(partnershipDebriefText(content, "en", 72));
    const nl = flat(partnershipDebriefText(content, "nl", 72));
    expect(en).toMatch(/never came on the table/);
    expect(en).toMatch(/never found/);
    expect(en).toMatch(/You never asked what else could be included/);
    expect(nl).toMatch(/kwam nooit op tafel/);
    expect(nl).toMatch(/Je vroeg nooit wat er nog meer bij kon/);
    expectRendered(content);
  });

  it("an ambition that is not the shared one", () => {
    const scenario = smallPartnership();
    const run = playTrainee(scenario, [HUMAN, "hardliner", "hardliner"], "p1", 1);
    const content = debriefOf(run, scenario, "a");
    expect(content.ambition!.traineeProposed[0]).toBe("mine");
    expect(content.ambition!.agreed).not.toBe("together");
    expect(content.coaching[0].verdict).toBe("improve");
    // Together would have put the data platform on the table: its value in stage 1 under Together, by brute force.
    const stage = stageScenario(scenario, { ...run.phases[0].conditions, ambition: "together" }, 0);
    const without = { ...stage, issues: stage.issues.filter((issue) => issue.id !== "data") };
    expect(content.ambition!.sharedUnlockValue).toBeCloseTo(bruteMaxJointGain(stage)! - bruteMaxJointGain(without)!, 6);
    const en = flat(partnershipDebriefText(content, "en", 80));
    expect(en).toMatch(/Together serves everyone best/);
    expect(flat(partnershipDebriefText(content, "nl", 80))).toMatch(/Together dient iedereen het best/);
  });

  it("an agreement kept although it fell below someone's BATNA", () => {
    const base = smallPartnership();
    const scenario: Scenario = {
      ...base,
      partnership: { stages: [{ id: "y1", title: "Year 1" }, { id: "y2", title: { en: "Year 2", nl: "Jaar 2" }, events: [{ kind: "batna", party: "a", batna: 95 }] }] },
      issues: base.issues.filter((issue) => issue.owner === undefined),
      parties: base.parties.filter((party) => party.id !== "c"),
    };
    const run = runPartnership({ scenario: { ...scenario, partnership: { stages: [scenario.partnership!.stages![0]] } }, styles: ["logroller", "logroller"], seed: "k1" });
    const first = run.phases[0];
    const event = scenario.partnership!.stages![1].events![0];
    const conditions = afterEvent(scenario, first.conditions, event);
    const stage = stageScenario(scenario, conditions, 1);
    const kept: PhaseRecord = { kind: "stage", stage: 1, conditions, scenario: stage, happenings: [{ event, happened: true }], statusQuo: first.agreement, reviews: { a: "keep", b: "keep" }, session: null, agreement: first.agreement };
    const content = computePartnershipDebrief({ scenario, phases: [first, kept], end: "completed", trainee: "b" });
    const a = utilityOf(stage, "a", { ...first.agreement! });
    expect(a).toBeLessThan(95);
    expect(content.stages[1].belowBatna).toEqual(["a"]);
    expect(content.stages[1].utilities.a).toBeCloseTo(a, 6);
    expect(content.stages[1].jointGain).toBeCloseTo(a - 95 + utilityOf(stage, "b", { ...first.agreement! }) - 25, 6);
    expect(content.reviews[0].statusQuoBelowBatna).toEqual(["a"]);
    expect(content.coaching[2]).toMatchObject({ tip: 7, verdict: "improve" });
    expect(content.coaching[2].text[0].key).toBe("partnership.debrief.coaching.keptBelowBatna");
    const en = flat(partnershipDebriefText(content, "en", 60));
    const nl = flat(partnershipDebriefText(content, "nl", 60));
    expect(en).toMatch(/In Year 2 you kept the agreement although under it Alpha was below its BATNA/);
    expect(nl).toMatch(/In Jaar 2 hield je vast aan het akkoord, hoewel daarmee Alpha onder de BATNA zat/);
    expect(en).toMatch(/Everyone kept the agreement/);
    expectRendered(content);
  });
});

describe("a trainee who stays below the BATNA", () => {
  it("is coached on tip 7 for every later stage that began and ended with the agreement below its BATNA", () => {
    // A trainee (care-group) who accepts whatever stands and proposes the others' last package: the deals favour the others.
    const scenario = builtin("care-network");
    const othersLast = (session: SessionView, me: number) => [...(session.lastOffers.find((offer, party) => offer !== null && party !== me) ?? Array.from(session.model.optionCounts, () => 0))];
    const run = playTrainee(scenario, scenario.parties.map((_, p) => (p === 0 ? HUMAN : "logroller")), "7", 0, { review: "adjust", offer: othersLast });
    const content = debriefOf(run, scenario, "care-group");
    const expected = content.reviews.filter((review) => review.traineeReview !== "keep" && review.statusQuoBelowBatna.includes("care-group") && content.stages[review.stage].belowBatna.includes("care-group"));
    expect(expected.length).toBeGreaterThan(0);
    const tip7 = content.coaching.find((item) => item.tip === 7)!;
    expect(tip7.verdict).toBe("improve");
    expect(tip7.text.filter((ref) => ref.key === "partnership.debrief.coaching.stayedBelowBatna").length).toBe(expected.length);
    const nl = flat(partnershipDebriefText(content, "nl", 80));
    expect(nl).toContain("uitstappen had je meer opgeleverd");
    expect(nl).toMatch(/Met het geldende akkoord (zat jij onder je BATNA|zaten [^.]*jij[^.]* onder hun BATNA)/);
  });
});
