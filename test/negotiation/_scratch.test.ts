import { test } from "vitest";
import { NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { PARTNER_STYLES } from "../../src/negotiation/partners/registry.js";
import { builtinScenarioIds, resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";

test("explore", () => {
  for (const id of builtinScenarioIds()) {
    const { scenario } = loadScenarioFile(resolveScenarioPath(id));
    const n = scenario.parties.length;
    const t0 = performance.now();
    const counts: Record<string, number> = {};
    let runs = 0;
    for (const a of PARTNER_STYLES) for (const b of PARTNER_STYLES) {
      const participants = Array.from({ length: n }, (_, p) => ({ style: p % 2 === 0 ? a.id : b.id }));
      const config = sessionConfig({ scenario, participants, seed: "s1" });
      const d = new NegotiationDriver(scenario, config);
      const out = d.run();
      runs++;
      counts[out.kind] = (counts[out.kind] ?? 0) + 1;
      if (a.id === b.id) console.log(id, a.id, JSON.stringify(out), d.session.events.length);
    }
    console.log(id, runs, counts, (performance.now() - t0).toFixed(0), "ms");
  }
});
