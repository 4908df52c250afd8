/**
 * Ids are names, whatever they are called: a scenario whose issues, options and parties are
 * named like JavaScript's own properties ("constructor", "toString", "length", …) loads,
 * analyses and negotiates exactly like the same scenario with neutral ids. Only "__proto__"
 * is refused, with a located message.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario } from "../../src/engine/model.js";
import { NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { parseScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { arbitraryScenario } from "../support/arbitraries.js";

const RESERVED = [
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
  "caller",
  "length",
  "name",
  "prototype",
  "bind",
  "call",
  "apply",
  "arguments",
];

/** The scenario with every id renamed by `rename`, as a file would hold it. */
function renamed(scenario: Scenario, rename: (kind: "issue" | "option" | "party", index: number) => string): string {
  const issueId = (i: number) => rename("issue", i);
  const optionId = (o: number) => rename("option", o);
  const table = <T>(make: (i: number, issue: Scenario["issues"][number]) => T) =>
    Object.fromEntries(scenario.issues.map((issue, i) => [issueId(i), make(i, issue)]));
  const optionTable = (pick: (option: string) => number | undefined, issue: Scenario["issues"][number]) =>
    Object.fromEntries(issue.options.flatMap((option, o) => (pick(option.id) === undefined ? [] : [[optionId(o), pick(option.id)]])));
  return JSON.stringify({
    ...scenario,
    issues: scenario.issues.map((issue, i) => ({ ...issue, id: issueId(i), options: issue.options.map((option, o) => ({ ...option, id: optionId(o) })) })),
    parties: scenario.parties.map((party, p) => ({
      ...party,
      id: rename("party", p),
      weights: table((_, issue) => party.weights[issue.id]),
      values: table((_, issue) => optionTable((option) => party.values[issue.id][option] as number, issue)),
      // Autonomy costs only for some issues and options: an absent one must read as 0, not as Object's own.
      autonomyCosts: Object.fromEntries(
        scenario.issues.flatMap((issue, i) => {
          if (i % 2 === 1) return [];
          const costOf = (option: string) => (option.endsWith("0") ? undefined : (party.autonomyCosts?.[issue.id]?.[option] as number | undefined));
          return [[issueId(i), optionTable(costOf, issue)]];
        }),
      ),
    })),
  });
}

function load(text: string): Scenario {
  const { scenario, diagnostics } = parseScenario(text, "generated.json");
  if (!scenario) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return scenario;
}

/** What the engine and a negotiation make of a scenario, without its ids. */
function outcome(scenario: Scenario) {
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model, { top: 3 });
  const frontier = Array.from({ length: analysis.frontier.size }, (_, k) => Array.from(analysis.frontier.utilities(k)));
  const participants = scenario.parties.map((_, p) => ({ style: p === 0 ? "logroller" : "boulware" }));
  const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "ids" }, model), model);
  driver.run();
  return {
    contributions: Array.from(model.contributions),
    frontier,
    nash: analysis.nash,
    maxJointGain: analysis.maxJointGain,
    naive: Array.from(analysis.naiveCompromise.package),
    events: JSON.stringify(driver.session.events),
  };
}

describe("ids named like JavaScript's own properties", () => {
  test("give the same analysis and the same negotiation as neutral ids", () => {
    fc.assert(
      fc.property(arbitraryScenario({ parties: 2, maxIssues: 4, maxOptions: 4 }), fc.nat(RESERVED.length - 1), (scenario, shift) => {
        const neutral = load(renamed(scenario, (kind, index) => `${kind}-${index}`));
        const reserved = load(renamed(scenario, (kind, index) => RESERVED[(index + shift + (kind === "option" ? 5 : kind === "party" ? 11 : 0)) % RESERVED.length]));
        expect(outcome(reserved)).toEqual(outcome(neutral));
      }),
      { numRuns: 60 },
    );
  });

  test("three parties too", () => {
    fc.assert(
      fc.property(arbitraryScenario({ parties: 3, maxIssues: 3, maxOptions: 3 }), (scenario) => {
        const neutral = load(renamed(scenario, (kind, index) => `${kind}-${index}`));
        const reserved = load(renamed(scenario, (kind, index) => RESERVED[index + (kind === "option" ? 4 : kind === "party" ? 8 : 0)]));
        expect(outcome(reserved)).toEqual(outcome(neutral));
      }),
      { numRuns: 20 },
    );
  });

  test('"__proto__" is refused as an id and as a key, each at its place', () => {
    const party = (id: string) => `{ "id": "${id}", "name": "${id}", "briefing": "B", "weights": { "__proto__": 1 }, "values": { "__proto__": { "a": 1, "b": 2 } }, "batna": 0 }`;
    const text = [
      '{ "id": "x", "title": "T", "story": "S",',
      '  "issues": [{ "id": "__proto__", "label": "L", "options": [{ "id": "a", "label": "A" }, { "id": "b", "label": "B" }] }],',
      `  "parties": [\n    ${party("p")},\n    ${party("q")}\n  ]`,
      "}",
    ].join("\n");
    const { scenario, diagnostics } = parseScenario(text, "proto.json");
    expect(scenario).toBeUndefined();
    expect(diagnostics.find((d) => d.path === "issues[0].id")?.message).toContain('other than "__proto__"');
    const keys = diagnostics.filter((d) => d.message.includes('the key "__proto__" cannot be used'));
    expect(keys.map((d) => d.path)).toEqual(["parties[0].weights.__proto__", "parties[0].values.__proto__", "parties[1].weights.__proto__", "parties[1].values.__proto__"]);
    for (const d of keys) expect(text.split("\n")[d.line - 1].slice(d.column - 1)).toMatch(/^"__proto__"/);
  });
});
