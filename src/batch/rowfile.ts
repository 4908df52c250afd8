/**
 * Row files: CSV or JSON Lines as written by csv.ts, one negotiation per line, and read back
 * for resuming, merging and summarising. A record never spans lines: scenario and strategy ids
 * hold no control characters and the batch command refuses a seed with any.
 *
 * A CSV file's stage columns (csv.ts) are as many as its header names: `stages` below, 0 in the
 * file of a batch without a partnership scenario.
 */
import { extname } from "node:path";
import { UserError } from "../errors.js";
import { csvFields, csvHeader, csvLine, jsonlLine } from "./csv.js";
import { LineReader } from "./lines.js";
import type { BatchRow, StageResult } from "./row.js";

export type RowFormat = "csv" | "jsonl";

/** The format an output file's extension names, if any. */
export function formatOfPath(path: string): RowFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  return undefined;
}

/** What a file of the format starts with. */
export function fileHeader(format: RowFormat, stages = 0): string {
  return format === "csv" ? csvHeader(stages) : "";
}

/** The stage columns a CSV header line (without its "\n") names; undefined when it is not a batch's header. */
export function csvHeaderStages(line: string): number | undefined {
  const base = csvHeader(0).trimEnd();
  if (line === base) return 0;
  const stages = (line.split(",").length - csvFields(1).length) / (csvFields(2).length - csvFields(1).length) + 1;
  return Number.isInteger(stages) && stages >= 1 && line === csvHeader(stages).trimEnd() ? stages : undefined;
}

export function formatRow(format: RowFormat, row: BatchRow, stages = 0): string {
  return format === "csv" ? csvLine(row, stages) : jsonlLine(row);
}

/** A line (without its "\n") back as a row; throws an Error saying what is wrong with it. */
export function parseRow(format: RowFormat, line: string, stages = 0): BatchRow {
  return checkedRow(format === "csv" ? parseCsvRow(line, stages) : parseJson(line));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error("not JSON");
  }
}

const OUTCOMES: readonly unknown[] = ["agreement", "walk-away", "deadline"] satisfies BatchRow["outcome"][];
const ENDS: readonly unknown[] = ["completed", "no-agreement", "trainee-left", "dissolved", "abandoned"] satisfies NonNullable<BatchRow["end"]>[];
const finite = (value: unknown) => typeof value === "number" && Number.isFinite(value);
const text = (value: unknown) => typeof value === "string";
const record = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/** The partnership fields are all there (a partnership's row) or none is. */
const partnershipField = (valid: (value: unknown, row: Record<string, unknown>) => boolean) => (value: unknown, row: Record<string, unknown>) =>
  row.end === undefined ? value === undefined : valid(value, row);

const STAGE_CHECKS: { readonly [field in keyof StageResult]: (value: unknown, seats: number, k: number) => boolean } = {
  stage: (value, _seats, k) => value === k,
  agreement: (value) => value === null || (record(value) && Object.values(value).every(text)),
  utilities: (value, seats) => Array.isArray(value) && value.length === seats && value.every((u) => u === null || finite(u)),
  jointGain: finite,
  maxJointGain: finite,
  share: finite,
};

/** What each field of a row must be, as a batch writes it: summaries and merges rely on it. */
const FIELD_CHECKS: { readonly [field in keyof Required<BatchRow>]: (value: unknown, row: Record<string, unknown>) => boolean } = {
  task: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  scenario: text,
  strategies: (value) => Array.isArray(value) && value.length >= 2 && value.every(text),
  seed: text,
  agreement: (value) => typeof value === "boolean",
  outcome: (value) => OUTCOMES.includes(value),
  rounds: finite,
  utilities: (value, row) => Array.isArray(value) && Array.isArray(row.strategies) && value.length === row.strategies.length && value.every(finite),
  jointUtility: finite,
  jointGain: finite,
  shareOfMaxJointGain: finite,
  distanceToFrontier: finite,
  distanceToNash: finite,
  ambition: partnershipField((value) => value === null || text(value)),
  end: (value) => value === undefined || ENDS.includes(value),
  stages: partnershipField(
    (value, row) =>
      Array.isArray(value) &&
      value.length >= 1 &&
      value.every((stage, k) => record(stage) && Object.entries(STAGE_CHECKS).every(([field, valid]) => valid(stage[field], (row.strategies as unknown[]).length, k))),
  ),
};

function checkedRow(record: unknown): BatchRow {
  if (typeof record !== "object" || record === null || Array.isArray(record)) throw new Error("not a batch row");
  const row = record as Record<string, unknown>;
  for (const [field, valid] of Object.entries(FIELD_CHECKS)) {
    if (!valid(row[field], row)) throw new Error(`its ${field} is not what a batch writes`);
  }
  return record as BatchRow;
}

const BASE_FIELDS = csvFields(0);
const PER_STAGE = csvFields(2).length - csvFields(1).length;

/** The inverse of csvLine: lists are joined by "|", fields with , " CR or LF are quoted. */
function parseCsvRow(line: string, stages: number): Record<string, unknown> {
  const fields = splitCsv(line);
  const expected = stages === 0 ? BASE_FIELDS.length : csvFields(stages).length;
  if (fields.length !== expected) throw new Error(`${fields.length} fields instead of ${expected}`);
  const record: Record<string, unknown> = {};
  BASE_FIELDS.forEach((name, k) => (record[name] = csvValue(name as keyof BatchRow, fields[k])));
  if (stages > 0) Object.assign(record, partnershipValues(fields.slice(BASE_FIELDS.length)));
  return record;
}

/** The ambition, end and stage columns: nothing in another scenario's row. */
function partnershipValues([ambition, end, ...columns]: string[]): Record<string, unknown> {
  if (end === "") {
    if (ambition !== "" || columns.some((field) => field !== "")) throw new Error("stage columns in the row of a scenario without a partnership");
    return {};
  }
  const stages: StageResult[] = [];
  for (let k = 0; k * PER_STAGE < columns.length; k++) {
    const [agreement, utilities, jointGain, maxJointGain, share] = columns.slice(k * PER_STAGE, (k + 1) * PER_STAGE);
    if (utilities === "") {
      if (columns.slice(k * PER_STAGE).some((field) => field !== "")) throw new Error(`stage ${k} is empty but a later stage column is not`);
      break;
    }
    stages.push({
      stage: k,
      agreement: agreement === "" ? null : parseAgreement(agreement),
      utilities: utilities.split("|").map((field) => (field === "" ? null : csvNumber(field))),
      jointGain: csvNumber(jointGain),
      maxJointGain: csvNumber(maxJointGain),
      share: csvNumber(share),
    });
  }
  return { ambition: ambition === "" ? null : ambition, end, stages };
}

function parseAgreement(field: string): Record<string, string> {
  try {
    return JSON.parse(field) as Record<string, string>;
  } catch {
    throw new Error(`the agreement ${field} is not JSON`);
  }
}

function csvValue(name: keyof BatchRow, field: string): unknown {
  switch (name) {
    case "scenario":
    case "seed":
    case "outcome":
      return field;
    case "strategies":
      return field.split("|");
    case "utilities":
      return field.split("|").map(csvNumber);
    case "agreement":
      if (field !== "true" && field !== "false") throw new Error(`agreement "${field}" is not true or false`);
      return field === "true";
    default:
      return csvNumber(field);
  }
}

function csvNumber(field: string): number {
  const value = Number(field);
  if (field.trim() === "" || !Number.isFinite(value)) throw new Error(`"${field}" is not a number`);
  return value;
}

function splitCsv(line: string): string[] {
  const fields: string[] = [];
  let k = 0;
  for (;;) {
    if (line[k] === '"') {
      let value = "";
      let from = k + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) throw new Error("an unterminated quoted field");
        value += line.slice(from, quote);
        if (line[quote + 1] !== '"') {
          k = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      fields.push(value);
      if (k < line.length && line[k] !== ",") throw new Error("text after a quoted field");
    } else {
      const comma = line.indexOf(",", k);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(k, end));
      k = end;
    }
    if (k >= line.length) return fields;
    k++; // the comma
  }
}

/** Every row of a row file (CSV with its header, or JSON Lines), for a comparison such as the class debrief's; a line that is not a row is a user error. */
export function readRowFile(path: string): BatchRow[] {
  const reader = new LineReader(path);
  const rows: BatchRow[] = [];
  try {
    let format: RowFormat | undefined;
    let stages = 0;
    let lineNumber = 0;
    for (let line = reader.read(); line !== null; line = reader.read()) {
      lineNumber++;
      if (format === undefined) {
        const sniffed = sniffRowFile(line);
        if (sniffed === undefined) throw new UserError(`${path} is not the output of mutual-gains batch (CSV with its header, or JSON Lines).`);
        ({ format, stages } = sniffed);
        if (format === "csv") continue;
      }
      try {
        rows.push(parseRow(format, line, stages));
      } catch (error) {
        throw new UserError(`${path}, line ${lineNumber}: not a ${format} row (${(error as Error).message}).`);
      }
    }
  } finally {
    reader.close();
  }
  return rows;
}

/** A row file's format and stage columns, told by its first line; undefined when it is not a row file's. */
export function sniffRowFile(first: string): { readonly format: RowFormat; readonly stages: number } | undefined {
  const stages = csvHeaderStages(first);
  if (stages !== undefined) return { format: "csv", stages };
  return first.startsWith("{") ? { format: "jsonl", stages: 0 } : undefined;
}
