import { describe, expect, test } from "vitest";
import { favouritePackage, naiveCompromise, satisfaction } from "../../src/engine/reference-packages.js";
import { buildModel } from "./scenarios.js";

/**
 * Two parties, equal weights (0.2 per issue). Satisfaction = (contribution − worst) / (best − worst).
 *   I0 X 100/60/0, Y 0/50/100: satisfactions X 1/.6/0, Y 0/.5/1 → smallest 0/.5/0 → o1
 *   I1 X 100/50/70/0, Y 0/50/50/100: smallest 0/.5/.5/0, tie o1–o2 → sums 1 and 1.2 → o2
 *   I2 X 100/60/40/0, Y 0/40/60/100: smallest 0/.4/.4/0, sums equal → lower option o1
 *   I3 X 20/80, Y indifferent (30/30, satisfaction 1): smallest 0/1 → o1
 *   I4 X 100/90/0 with an autonomy cost of 25 on o0: contributions −5/18/0 → X 0/1/(5/23);
 *      Y 100/60/0 → 1/.6/0: smallest 0/.6/0 → o1 (without the cost o0 would give both 1)
 */
const model = buildModel([3, 4, 4, 2, 3], [
  {
    weights: [1, 1, 1, 1, 1],
    values: [[100, 60, 0], [100, 50, 70, 0], [100, 60, 40, 0], [20, 80], [100, 90, 0]],
    costs: [undefined, undefined, undefined, undefined, [25, 0, 0]],
  },
  {
    weights: [1, 1, 1, 1, 1],
    values: [[0, 50, 100], [0, 50, 50, 100], [0, 40, 60, 100], [30, 30], [100, 60, 0]],
  },
]);

describe("satisfaction", () => {
  test("position between the party's worst (0) and best (1) option", () => {
    expect(satisfaction(model, 0, 0, 0)).toBe(1);
    expect(satisfaction(model, 0, 0, 1)).toBeCloseTo(0.6, 12);
    expect(satisfaction(model, 0, 0, 2)).toBe(0);
    expect(satisfaction(model, 1, 0, 1)).toBeCloseTo(0.5, 12);
  });

  test("autonomy costs count", () => {
    expect(satisfaction(model, 0, 4, 0)).toBe(0);
    expect(satisfaction(model, 0, 4, 1)).toBe(1);
    expect(satisfaction(model, 0, 4, 2)).toBeCloseTo(5 / 23, 12);
  });

  test("1 for a party that does not care", () => {
    expect(satisfaction(model, 1, 3, 0)).toBe(1);
    expect(satisfaction(model, 1, 3, 1)).toBe(1);
  });
});

describe("naiveCompromise", () => {
  test("highest smallest satisfaction, then larger sum, then lower option", () => {
    expect(Array.from(naiveCompromise(model))).toEqual([1, 2, 1, 1, 1]);
  });

  test("ignores priorities: other weights give the same compromise", () => {
    const values = {
      x: [[100, 60, 0], [100, 50, 70, 0], [100, 60, 40, 0], [20, 80]],
      y: [[0, 50, 100], [0, 50, 50, 100], [0, 40, 60, 100], [30, 30]],
    };
    const lopsided = buildModel([3, 4, 4, 2], [
      { weights: [9, 1, 0.5, 3], values: values.x },
      { weights: [1, 7, 2, 0.25], values: values.y },
    ]);
    expect(Array.from(naiveCompromise(lopsided))).toEqual([1, 2, 1, 1]);
  });

  test("three parties: the option nobody hates", () => {
    // X 100/50/0, Y 0/50/100, Z 0/100/60 → smallest 0/.5/0 → o1
    const three = buildModel([3], [
      { weights: [1], values: [[100, 50, 0]] },
      { weights: [1], values: [[0, 50, 100]] },
      { weights: [1], values: [[0, 100, 60]] },
    ]);
    expect(Array.from(naiveCompromise(three))).toEqual([1]);
  });

  test("two options, opposed: a tie on everything goes to o0", () => {
    const opposed = buildModel([2], [
      { weights: [1], values: [[0, 100]] },
      { weights: [1], values: [[100, 0]] },
    ]);
    expect(Array.from(naiveCompromise(opposed))).toEqual([0]);
  });
});

describe("favouritePackage", () => {
  /**
   *   J0 X 100/100/0 (o0 = o1), Y 0/20/100: X takes o1, the one Y values more; Y takes o2
   *   J1 X 50/100/100 (o1 = o2), Y 30/70/70: X indifferent between o1, o2 and so is Y → o1;
   *      Y's own best o1 = o2, X values them equally → o1
   *   J2 X 0/100, Y 0/100: both o1
   */
  const favourites = buildModel([3, 3, 2], [
    { weights: [1, 1, 1], values: [[100, 100, 0], [50, 100, 100], [0, 100]] },
    { weights: [1, 1, 1], values: [[0, 20, 100], [30, 70, 70], [0, 100]] },
  ]);

  test("each party's best option, ties to what the others value, then the lowest", () => {
    expect(Array.from(favouritePackage(favourites, 0))).toEqual([1, 1, 1]);
    expect(Array.from(favouritePackage(favourites, 1))).toEqual([2, 1, 1]);
  });

  test("the others' values are added up", () => {
    // X is indifferent; Y 90/0/50, Z 0/90/50: together 90/90/100 → o2, nobody's own favourite.
    const three = buildModel([3], [
      { weights: [1], values: [[100, 100, 100]] },
      { weights: [1], values: [[90, 0, 50]] },
      { weights: [1], values: [[0, 90, 50]] },
    ]);
    expect(Array.from(favouritePackage(three, 0))).toEqual([2]);
    expect(Array.from(favouritePackage(three, 1))).toEqual([0]);
    expect(Array.from(favouritePackage(three, 2))).toEqual([1]);
  });

  test("autonomy costs count in the party's own best", () => {
    // X: 100 with cost 30 against 80 → 0.5·100 − 30 = 20 < 40: o1.
    const costly = buildModel([2, 2], [
      { weights: [1, 1], values: [[100, 80], [0, 100]], costs: [[30, 0]] },
      { weights: [1, 1], values: [[0, 100], [0, 100]] },
    ]);
    expect(Array.from(favouritePackage(costly, 0))).toEqual([1, 1]);
  });
});
