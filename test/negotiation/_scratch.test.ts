import { test } from "vitest";
import { computeFrontier } from "../../src/engine/frontier.js";
import { utilityBounds } from "../../src/engine/model.js";
import { builtin, runStyles, compileScenario, utilities } from "./support.js";

test("logroller ss", () => {
  const scenario = builtin("sustainable-supply");
  const model = compileScenario(scenario);
  const frontier = computeFrontier(model);
  console.log("bounds", Array.from(utilityBounds(model)), "batnas", Array.from(model.batnas));
  for (let k = 0; k < frontier.size; k++) console.log(Array.from(frontier.utilities(k)), Array.from(frontier.package(k)).join(","));
  for (const seed of ["x", "y", "z"]) {
    const run = runStyles(scenario, ["logroller"], seed);
    console.log(seed, run.session.outcome);
    for (const e of run.session.events) if (e.type === "move") console.log(e.round, e.actor, JSON.stringify(e.move), e.move.type === "offer" ? utilities(model, e.move.package) : "");
  }
});
