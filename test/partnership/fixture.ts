/** A small partnership for tests: two founders, an ambition that unlocks an issue, a hidden option, three stages with a newcomer and a change of priorities. */
import type { Scenario } from "../../src/scenario/schema.js";

export function smallPartnership(): Scenario {
  return {
    id: "small-partnership",
    title: "Small partnership",
    story: "Two organisations start working together; a third joins later.",
    deadlineRounds: 8,
    issues: [
      { id: "budget", label: "Budget", options: [{ id: "low", label: "Low" }, { id: "mid", label: "Middle" }, { id: "high", label: "High" }] },
      {
        id: "staff",
        label: "Staff",
        options: [
          { id: "none", label: "None" },
          { id: "some", label: "Some" },
          { id: "exchange", label: "Staff exchange", hidden: { holder: "b", questions: ["what-else"] } },
        ],
      },
      { id: "facility", label: "Shared facility", hidden: { holder: "a", trust: 60 }, options: [{ id: "no", label: "No" }, { id: "yes", label: "Yes" }] },
      { id: "data", label: "Data platform", options: [{ id: "separate", label: "Separate" }, { id: "shared", label: "Shared" }] },
      { id: "region", label: "Regional reach", owner: "c", options: [{ id: "local", label: "Local" }, { id: "wide", label: "Wide" }] },
    ],
    parties: [
      {
        id: "a",
        name: "Alpha",
        briefing: "You are Alpha.",
        weights: { budget: 40, staff: 20, facility: 20, data: 10, region: 10 },
        values: { budget: { low: 100, mid: 50, high: 0 }, staff: { none: 0, some: 50, exchange: 100 }, facility: { no: 0, yes: 100 }, data: { separate: 20, shared: 100 }, region: { local: 0, wide: 100 } },
        batna: 25,
      },
      {
        id: "b",
        name: "Beta",
        briefing: "You are Beta.",
        weights: { budget: 20, staff: 40, facility: 10, data: 20, region: 10 },
        values: { budget: { low: 0, mid: 60, high: 100 }, staff: { none: 100, some: 40, exchange: 90 }, facility: { no: 0, yes: 80 }, data: { separate: 0, shared: 100 }, region: { local: 50, wide: 100 } },
        batna: 25,
      },
      {
        id: "c",
        name: "Gamma",
        briefing: "You are Gamma.",
        weights: { budget: 30, staff: 10, facility: 10, data: 20, region: 30 },
        values: { budget: { low: 30, mid: 100, high: 50 }, staff: { none: 50, some: 50, exchange: 50 }, facility: { no: 0, yes: 100 }, data: { separate: 0, shared: 100 }, region: { local: 0, wide: 100 } },
        batna: 20,
      },
    ],
    partnership: {
      ambition: {
        options: [
          { id: "together", label: "Together", statement: "We serve the region together.", values: { a: 80, b: 70 }, trust: 10, unlocks: [{ issue: "data" }] },
          { id: "mine", label: "Alpha first", statement: "Alpha's clients first.", values: { a: 100, b: 10 } },
          { id: "yours", label: "Beta first", statement: "Beta's clients first.", values: { a: 10, b: 100 }, weights: { b: { staff: 60 } } },
        ],
      },
      postSettlementRounds: 2,
      stages: [
        { id: "year-1", title: "Year 1" },
        { id: "year-2", title: "Year 2", events: [{ kind: "join", party: "c", message: "Gamma joins." }] },
        { id: "year-3", title: "Year 3", events: [{ kind: "priority", party: "b", issue: "budget", weight: 60 }, { kind: "batna", party: "a", batna: 40, probability: 0.5 }] },
      ],
    },
  };
}
