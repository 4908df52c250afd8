import { describe, expect, it } from "vitest";
import { HUMAN } from "../../src/negotiation/driver.js";
import { runPartnership } from "../../src/negotiation/partnership/run.js";
import { semanticFindings } from "../../src/scenario/semantics.js";
import { ScenarioSchema } from "../../src/scenario/schema.js";
import { smallPartnership } from "./fixture.js";

describe("a partnership of scripted partners", () => {
  it("the fixture is a valid scenario", () => {
    const scenario = ScenarioSchema.parse(smallPartnership());
    expect(semanticFindings(scenario).filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("runs from the ambition to the last stage", () => {
    const run = runPartnership({ scenario: smallPartnership(), styles: ["logroller", "logroller", "logroller"], seed: "s1" });
    const summary = run.phases.map((phase) => ({ kind: phase.kind, stage: phase.stage, parties: phase.scenario.parties.map((p) => p.id), agreement: phase.agreement, reviews: phase.reviews, outcome: phase.session?.outcome?.kind }));
    console.log(JSON.stringify(summary, null, 1), run.waiting);
    expect(run.waiting).toEqual({ kind: "ended", reason: "completed" });
  });
});
