/** A partnership run over stages: phases, conditions, reviews and determinism. */
import { describe, expect, it } from "vitest";
import { compileScenario, packageFromRecord, packageUtility } from "../../src/engine/model.js";
import { AMBITION_ISSUE, stageScenario } from "../../src/negotiation/partnership/conditions.js";
import { PartnershipRun, runPartnership } from "../../src/negotiation/partnership/run.js";
import { phaseTranscripts } from "../../src/negotiation/partnership/record.js";
import { reviewDecision } from "../../src/negotiation/partners/review.js";
import { semanticFindings } from "../../src/scenario/semantics.js";
import { ScenarioSchema } from "../../src/scenario/schema.js";
import { smallPartnership } from "./fixture.js";

const errors = (scenario: unknown) => semanticFindings(ScenarioSchema.parse(scenario)).filter((finding) => finding.severity === "error");

describe("the partnership fixture", () => {
  it("is a valid scenario", () => {
    expect(errors(smallPartnership())).toEqual([]);
  });
});

describe("a partnership of scripted partners", () => {
  const styles = ["logroller", "logroller", "logroller"];

  it("goes from the ambition through three stages, the newcomer present from the second", () => {
    const run = runPartnership({ scenario: smallPartnership(), styles, seed: "s1" });
    expect(run.waiting).toEqual({ kind: "ended", reason: "completed" });
    expect(run.phases.map((phase) => [phase.kind, phase.stage])).toEqual([["ambition", 0], ["stage", 0], ["stage", 1], ["stage", 2]]);
    expect(run.phases.map((phase) => phase.scenario.parties.map((party) => party.id))).toEqual([["a", "b"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c"]]);
    // The newcomer's own table comes with it.
    expect(run.phases[1].scenario.issues.map((issue) => issue.id)).not.toContain("region");
    expect(run.phases[2].scenario.issues.map((issue) => issue.id)).toContain("region");
    expect(run.phases[2].reviews.c).toBe("adjust");
  });

  it("the shared ambition, once agreed, unlocks its issue and raises trust by its amount", () => {
    const run = runPartnership({ scenario: smallPartnership(), styles, seed: "s1" });
    expect(run.phases[0].agreement).toEqual({ [AMBITION_ISSUE]: "together" });
    expect(run.phases[1].scenario.issues.map((issue) => issue.id)).toContain("data");
    const ambition = run.phases[0].session!;
    const stage = run.phases[1].session!;
    // Trust at the start of stage 0 is the ambition phase's end plus the ambition's 10 points.
    const before = ambition.trustIn(0, 1);
    const first = stage.trustLog.find((change) => change.truster === 0 && change.trustee === 1);
    const start = first ? first.level - first.delta : stage.trustIn(0, 1);
    expect(start).toBe(Math.min(100, before + 10));
  });

  it("without the shared ambition the unlocked issue stays off the table", () => {
    const scenario = smallPartnership();
    const stage = stageScenario(scenario, { ambition: "mine", present: ["a", "b"], revealed: new Set(), weights: {}, batnas: {}, covers: {}, resolved: {} }, 0);
    expect(stage.issues.map((issue) => issue.id)).toEqual(["budget", "staff", "facility"]);
    expect(stage.partnership).toBeUndefined();
    expect(errors(stage)).toEqual([]);
  });

  it("is byte-identical from the same seed and differs with another", () => {
    const record = (seed: string) => JSON.stringify(phaseTranscripts(runPartnership({ scenario: smallPartnership(), styles: ["hardliner", "logroller", "conceder"], seed }).phases));
    expect(record("same")).toBe(record("same"));
    const seeds = ["a", "b", "c", "d", "e", "f"].map(record);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it("a probabilistic event happens for some seeds and not others, as the seed draws it", () => {
    const happened = ["1", "2", "3", "4", "5", "6", "7", "8"].map((seed) => {
      const run = runPartnership({ scenario: smallPartnership(), styles, seed });
      const last = run.phases.at(-1)!;
      return last.happenings.find((happening) => happening.event.kind === "batna")?.happened;
    });
    expect(happened).toContain(true);
    expect(happened).toContain(false);
  });

  it("terms revealed in a stage stay on the table in the next", () => {
    const runs = ["r1", "r2", "r3", "r4", "r5", "r6"].map((seed) => runPartnership({ scenario: smallPartnership(), styles, seed }));
    const revealing = runs.find((run) => run.phases[1].session!.revealed.some(Boolean));
    expect(revealing).toBeDefined();
    const first = revealing!.phases[1].session!;
    const later = revealing!.phases[2];
    first.hidden.forEach((term, k) => {
      if (!first.revealed[k]) return;
      const issue = first.scenario.issues[term.issue];
      const laterIssue = later.scenario.issues.find((candidate) => candidate.id === issue.id)!;
      if (term.option === undefined) expect(laterIssue.hidden).toBeUndefined();
      else expect(laterIssue.options.find((option) => option.id === issue.options[term.option!].id)!.hidden).toBeUndefined();
    });
  });

  it("in a stage's renegotiation the BATNAs are real and no scripted partner settles below the status quo", () => {
    const run = runPartnership({ scenario: smallPartnership(), styles, seed: "s1" });
    const phase = run.phases[2];
    const session = phase.session!;
    const model = compileScenario(phase.scenario);
    const statusQuo = packageFromRecord(model, phase.statusQuo!);
    phase.scenario.parties.forEach((party, p) => {
      expect(session.scenario.parties[p].batna).toBe(party.batna);
      expect(session.config.participants[p].params!.reservation).toBeGreaterThanOrEqual(packageUtility(model, p, statusQuo) - 1e-9);
    });
    const outcome = session.outcome!;
    if (outcome.kind === "agreement") {
      phase.scenario.parties.forEach((_, p) => expect(packageUtility(model, p, outcome.package)).toBeGreaterThanOrEqual(packageUtility(model, p, statusQuo) - 1e-9));
    }
  });

  it("a human's turn pauses the run; its review is asked for at a new stage", () => {
    const run = new PartnershipRun({ scenario: smallPartnership(), styles: ["human", "logroller", "logroller"], seed: "h" });
    expect(run.waiting).toEqual({ kind: "session" });
    expect(run.current.kind).toBe("ambition");
    // Accept whatever ambition is proposed, or propose the shared one.
    for (let guard = 0; guard < 200 && run.waiting.kind === "session"; guard++) {
      const session = run.session!;
      const standing = session.standing;
      if (session.agreed) run.play({ type: "keep" });
      else if (standing && standing.proposer !== session.turn) run.play({ type: "accept" });
      else run.play({ type: "offer", package: session.lastOffers.find((offer, party) => offer && party !== session.turn) ?? Array.from({ length: session.model.issueCount }, () => 0) });
      if ((run.waiting as { kind: string }).kind === "review") break;
    }
    expect(run.waiting).toEqual({ kind: "review", stage: 1 });
    expect(run.reviewing?.happenings.map((happening) => happening.event.kind)).toEqual(["join"]);
    run.review("keep");
    expect(["session", "ended"]).toContain(run.waiting.kind);
  });
});

describe("reviews by style", () => {
  const facts = { statusQuo: 50, batna: 30, best: 90, changed: false, newcomer: false };

  it("below the BATNA a win-lose partner leaves, a win-win one first tries to adjust", () => {
    expect(reviewDecision("win-lose", { ...facts, statusQuo: 20 })).toBe("leave");
    expect(reviewDecision("win-win", { ...facts, statusQuo: 20 })).toBe("adjust");
  });

  it("a win-win partner adjusts when something changed, a win-lose one when it can grab a fifth of its range", () => {
    expect(reviewDecision("win-win", facts)).toBe("keep");
    expect(reviewDecision("win-win", { ...facts, changed: true })).toBe("adjust");
    expect(reviewDecision("win-lose", facts)).toBe("adjust");
    expect(reviewDecision("win-lose", { ...facts, statusQuo: 80 })).toBe("keep");
  });

  it("a newcomer always negotiates its own table", () => {
    for (const family of ["win-lose", "win-win", "baseline"] as const) expect(reviewDecision(family, { ...facts, newcomer: true })).toBe("adjust");
  });
});
