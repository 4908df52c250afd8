/** Plain-text tables: aligned columns, and tables split to fit a terminal rather than wrapped by it. */
import { describe, expect, test } from "vitest";
import { type Align, fittedTableLines, tableLines } from "../../src/report/table.js";

const nameThenFigures = (c: number): Align => (c <= 1 ? "left" : "right");
const rows = [
  ["rank", "strategy", "own utility", "agreement", "rounds"],
  ["1", "logroller", "62.51 ± 0.81", "76.6% [74.5–78.7]", "7.29 ± 0.09"],
  ["2", "take-it-or-leave-it", "42.0 ± 0.7", "22.1% [20.1–24.3]", "8.39 ± 0.10"],
];

describe("tableLines", () => {
  test("pads names on the right and figures on the left, two spaces apart, no trailing blanks", () => {
    expect(tableLines(rows, nameThenFigures)).toEqual([
      "rank  strategy              own utility          agreement       rounds",
      "1     logroller            62.51 ± 0.81  76.6% [74.5–78.7]  7.29 ± 0.09",
      "2     take-it-or-leave-it    42.0 ± 0.7  22.1% [20.1–24.3]  8.39 ± 0.10",
    ]);
  });
});

describe("fittedTableLines", () => {
  test("a table that fits is the plain table", () => {
    expect(fittedTableLines(rows, nameThenFigures, 80, 2)).toEqual(tableLines(rows, nameThenFigures));
    expect(fittedTableLines(rows, nameThenFigures, Infinity, 2)).toEqual(tableLines(rows, nameThenFigures));
  });

  test("a wider one is split into parts that fit, each headed by the key columns, every cell shown once", () => {
    const lines = fittedTableLines(rows, nameThenFigures, 60, 2);
    expect(lines).toEqual([
      "rank  strategy              own utility          agreement",
      "1     logroller            62.51 ± 0.81  76.6% [74.5–78.7]",
      "2     take-it-or-leave-it    42.0 ± 0.7  22.1% [20.1–24.3]",
      "",
      "rank  strategy                  rounds",
      "1     logroller            7.29 ± 0.09",
      "2     take-it-or-leave-it  8.39 ± 0.10",
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  test("key columns that would take more than half the width are not all repeated", () => {
    const lines = fittedTableLines(rows, nameThenFigures, 40, 2);
    // rank and strategy would take 27 of 40 columns: only the rank heads the second part.
    expect(lines).toEqual([
      "rank  strategy              own utility",
      "1     logroller            62.51 ± 0.81",
      "2     take-it-or-leave-it    42.0 ± 0.7",
      "",
      "rank          agreement       rounds",
      "1     76.6% [74.5–78.7]  7.29 ± 0.09",
      "2     22.1% [20.1–24.3]  8.39 ± 0.10",
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  test("a column wider than the width gets a part of its own", () => {
    const lines = fittedTableLines(rows, nameThenFigures, 10, 1);
    expect(lines.filter((line) => line.startsWith("rank"))).toHaveLength(4);
    expect(lines).toContain("2     take-it-or-leave-it");
  });
});
