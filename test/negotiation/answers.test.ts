/** Truthful answers read off the scenario (src/negotiation/answers.ts). */
import { describe, expect, test } from "vitest";
import { compileScenario, contribution, isAvailable, withAvailability } from "../../src/engine/model.js";
import { optionRanking } from "../../src/negotiation/answers.js";
import { builtin } from "./support.js";

describe("optionRanking", () => {
  const model = compileScenario(builtin("hospital-it-platform"));

  test("ranks an issue's options best first for the party, equal ones in option order", () => {
    for (let party = 0; party < model.partyCount; party++) {
      for (let issue = 0; issue < model.issueCount; issue++) {
        const ranking = optionRanking(model, party, issue);
        expect([...ranking].sort((a, b) => a - b)).toEqual(Array.from({ length: model.optionCounts[issue] }, (_, o) => o));
        for (let k = 1; k < ranking.length; k++) {
          const [before, after] = [contribution(model, party, issue, ranking[k - 1]), contribution(model, party, issue, ranking[k])];
          expect(before > after || (before === after && ranking[k - 1] < ranking[k])).toBe(true);
        }
      }
    }
  });

  test("is a new array at every call (sorted once per model, party and issue)", () => {
    const first = optionRanking(model, 0, 0);
    first.reverse();
    const second = optionRanking(model, 0, 0);
    expect(second).not.toBe(first);
    expect(second).toEqual([...first].reverse());
  });

  test("leaves out options that are not on the table, for a model with another mask", () => {
    const mask = new Uint8Array(model.totalOptions).fill(1);
    const hiddenOption = optionRanking(model, 0, 0)[0];
    mask[model.issueOffsets[0] + hiddenOption] = 0;
    const masked = withAvailability(model, mask);
    expect(isAvailable(masked, 0, hiddenOption)).toBe(false);
    expect(optionRanking(masked, 0, 0)).toEqual(optionRanking(model, 0, 0).filter((option) => option !== hiddenOption));
  });
});
