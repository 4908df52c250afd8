/**
 * Row output (src/batch/csv.ts): the header, number formatting, RFC 4180 quoting, and round trips
 * through a strict RFC 4180 parser written here, so the writer is not checked against itself.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { csvHeader, csvLine, jsonlLine } from "../../src/batch/csv.js";
import type { BatchRow } from "../../src/batch/row.js";

const ROW: BatchRow = {
  task: 17,
  scenario: "hospital-it-platform",
  strategies: ["tough", "fair"],
  seed: "run-1/17",
  agreement: true,
  outcome: "agreement",
  rounds: 6,
  utilities: [68, 76.5],
  jointUtility: 144.5,
  jointGain: 78.5,
  shareOfMaxJointGain: 0.9123456789,
  distanceToFrontier: 0,
  distanceToNash: 2.23606797749979,
};

/**
 * RFC 4180, strictly: a quote may only open a field or, doubled, stand inside a quoted one; a
 * closing quote must be followed by a comma or a line break; CR only as part of CRLF or quoted.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === "") {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error(`unterminated quoted field at ${i}`);
        if (text[j] === '"') {
          if (text[j + 1] !== '"') break;
          field += '"';
          j += 2;
        } else {
          field += text[j++];
        }
      }
      i = j + 1;
      if (i < text.length && !/^(,|\n|\r\n)/.test(text.slice(i, i + 2))) throw new Error(`text after closing quote at ${i}`);
      continue;
    }
    if (c === ",") {
      endField();
      i += 1;
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      endField();
      records.push(record);
      record = [];
      i += c === "\r" ? 2 : 1;
    } else if (c === '"' || c === "\r") {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

/** The row back from a parsed CSV record, numbers as they were printed. */
function fromRecord(header: string[], record: string[]): BatchRow {
  const value = (name: string) => record[header.indexOf(name)];
  const number = (name: string) => Number(value(name));
  return {
    task: number("task"),
    scenario: value("scenario"),
    strategies: value("strategies").split("|"),
    seed: value("seed"),
    agreement: value("agreement") === "true",
    outcome: value("outcome") as BatchRow["outcome"],
    rounds: number("rounds"),
    utilities: value("utilities").split("|").map(Number),
    jointUtility: number("jointUtility"),
    jointGain: number("jointGain"),
    shareOfMaxJointGain: number("shareOfMaxJointGain"),
    distanceToFrontier: number("distanceToFrontier"),
    distanceToNash: number("distanceToNash"),
  };
}

describe("the test's parser", () => {
  test("reads quoted fields, doubled quotes, embedded line breaks and CRLF", () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\r\ny"\r\n1,,3\n')).toEqual([
      ["a", "b,c", 'say "hi"', "x\r\ny"],
      ["1", "", "3"],
    ]);
    expect(parseCsv('"",x\n')).toEqual([["", "x"]]);
  });

  test("rejects what RFC 4180 forbids", () => {
    expect(() => parseCsv('a"b\n')).toThrow(/bare/);
    expect(() => parseCsv('"a"b\n')).toThrow(/after closing quote/);
    expect(() => parseCsv('"a\n')).toThrow(/unterminated/);
    expect(() => parseCsv("a\rb\n")).toThrow(/bare/);
  });
});

describe("csvHeader and csvLine", () => {
  test("the header names every field in order and ends in LF", () => {
    expect(csvHeader()).toBe(
      "task,scenario,strategies,seed,agreement,outcome,rounds,utilities,jointUtility,jointGain," +
        "shareOfMaxJointGain,distanceToFrontier,distanceToNash\n",
    );
  });

  test("a plain row needs no quotes", () => {
    expect(csvLine(ROW)).toBe("17,hospital-it-platform,tough|fair,run-1/17,true,agreement,6,68|76.5,144.5,78.5,0.912346,0,2.236068\n");
  });

  test.each([
    [1 / 3, "0.333333"],
    [0.1 + 0.2, "0.3"],
    [68, "68"],
    [-2.5, "-2.5"],
    [1e-6, "0.000001"],
    [4e-7, "0"],
    [-1e-9, "0"],
    [123456.1234564, "123456.123456"],
    [1234567890, "1234567890"],
    [-0, "0"],
    [1e21, "1e+21"],
    [-3e22, "-3e+22"],
  ])("prints %d as %s", (value, text) => {
    const line = csvLine({ ...ROW, distanceToNash: value });
    expect(line.slice(line.lastIndexOf(",") + 1)).toBe(`${text}\n`);
  });

  test("quotes a field with a comma, quote, CR or LF and doubles its quotes", () => {
    const line = csvLine({ ...ROW, scenario: "north, south", seed: 'say "hi"\r\nthen\rgo\nnow' });
    expect(line).toBe(
      '17,"north, south",tough|fair,"say ""hi""\r\nthen\rgo\nnow",true,agreement,6,68|76.5,144.5,78.5,0.912346,0,2.236068\n',
    );
  });

  test("a file round-trips through an RFC 4180 parser", () => {
    const rows: BatchRow[] = [
      ROW,
      { ...ROW, task: 18, scenario: 'a,"b"', seed: "x\ny", agreement: false, outcome: "walk-away", utilities: [38, 28] },
      { ...ROW, task: 19, scenario: "", seed: '"', outcome: "deadline", strategies: ["a", "b", "c"], utilities: [1, 2, 3] },
    ];
    const [header, ...records] = parseCsv(csvHeader() + rows.map((row) => csvLine(row)).join(""));
    expect(records.map((record) => fromRecord(header, record))).toEqual(
      rows.map((r) => ({ ...r, shareOfMaxJointGain: 0.912346, distanceToNash: 2.236068 })),
    );
  });

  test("any scenario id and seed round-trip", () => {
    const special = fc.constantFrom('"', ",", "\r", "\n", "|", "a");
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: special, maxLength: 8 }));
    fc.assert(
      fc.property(text, text, (scenario, seed) => {
        const [header, record] = parseCsv(csvHeader() + csvLine({ ...ROW, scenario, seed }));
        const back = fromRecord(header, record);
        expect([back.scenario, back.seed]).toEqual([scenario, seed]);
      }),
    );
  });

  test("a single negotiation's row is written as the general path writes the same fields", () => {
    // The general path (canonical copy, field by field) writes a partnership file's rows: with
    // stage columns, the first fields of a plain row are the same text.
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(-0, 0.5, 1e21, -1e-7));
    const text = fc.string({ unit: fc.constantFrom('"', ",", "\n", "|", "a", "é"), maxLength: 6 });
    fc.assert(
      fc.property(text, text, fc.array(number, { minLength: 2, maxLength: 4 }), fc.array(number, { minLength: 7, maxLength: 7 }), fc.boolean(), (scenario, seed, utilities, values, agreement) => {
        const [task, rounds, jointUtility, jointGain, share, frontier, nash] = values;
        const row: BatchRow = {
          ...ROW,
          task: Math.abs(Math.trunc(task)),
          scenario,
          seed,
          agreement,
          rounds,
          utilities,
          jointUtility,
          jointGain,
          shareOfMaxJointGain: share,
          distanceToFrontier: frontier,
          distanceToNash: nash,
        };
        const plain = csvLine(row);
        expect(csvLine(row, 1).startsWith(`${plain.slice(0, -1)},`)).toBe(true);
      }),
    );
  });

  test("refuses non-finite numbers rather than writing NaN", () => {
    expect(() => csvLine({ ...ROW, distanceToNash: NaN })).toThrow(/task 17: distanceToNash is NaN/);
    expect(() => jsonlLine({ ...ROW, utilities: [1, Infinity] })).toThrow(RangeError);
  });
});

describe("jsonlLine", () => {
  test("one line of JSON, fields in CSV order, numbers as in the CSV", () => {
    const line = jsonlLine(ROW);
    expect(line).toBe(
      '{"task":17,"scenario":"hospital-it-platform","strategies":["tough","fair"],"seed":"run-1/17",' +
        '"agreement":true,"outcome":"agreement","rounds":6,"utilities":[68,76.5],"jointUtility":144.5,' +
        '"jointGain":78.5,"shareOfMaxJointGain":0.912346,"distanceToFrontier":0,"distanceToNash":2.236068}\n',
    );
  });

  test("does not depend on the order the row was built in, and drops extra properties", () => {
    const shuffled = Object.fromEntries(Object.entries({ ...ROW, extra: 1 }).reverse()) as unknown as BatchRow;
    expect(jsonlLine(shuffled)).toBe(jsonlLine(ROW));
  });

  test("keeps line breaks in strings escaped, so each row is one line", () => {
    const line = jsonlLine({ ...ROW, seed: "a\nb\r\nc" });
    expect(line.indexOf("\n")).toBe(line.length - 1);
    expect(JSON.parse(line).seed).toBe("a\nb\r\nc");
  });

  test("prints the same numbers as the CSV", () => {
    const row = { ...ROW, utilities: [1 / 3, 0.1 + 0.2], jointGain: -1e-9 };
    const json = JSON.parse(jsonlLine(row)) as BatchRow;
    const [header, record] = parseCsv(csvHeader() + csvLine(row));
    expect(fromRecord(header, record)).toEqual(json);
    expect(Object.is(json.jointGain, 0)).toBe(true);
  });
});
