/**
 * Row files: CSV or JSON Lines as written by csv.ts, one negotiation per line, and read back
 * for resuming, merging and summarising. A record never spans lines: scenario and strategy ids
 * hold no control characters and the batch command refuses a seed with any.
 */
import { extname } from "node:path";
import { UserError } from "../errors.js";
import { csvHeader, csvLine, jsonlLine } from "./csv.js";
import { LineReader } from "./lines.js";
import type { BatchRow } from "./row.js";

export type RowFormat = "csv" | "jsonl";

/** The format an output file's extension names, if any. */
export function formatOfPath(path: string): RowFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  return undefined;
}

/** What a file of the format starts with. */
export function fileHeader(format: RowFormat): string {
  return format === "csv" ? csvHeader() : "";
}

export function formatRow(format: RowFormat, row: BatchRow): string {
  return format === "csv" ? csvLine(row) : jsonlLine(row);
}

/** A line (without its "\n") back as a row; throws an Error saying what is wrong with it. */
export function parseRow(format: RowFormat, line: string): BatchRow {
  return checkedRow(format === "csv" ? parseCsvRow(line) : parseJson(line));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error("not JSON");
  }
}

const OUTCOMES: readonly unknown[] = ["agreement", "walk-away", "deadline"] satisfies BatchRow["outcome"][];
const finite = (value: unknown) => typeof value === "number" && Number.isFinite(value);
const text = (value: unknown) => typeof value === "string";

/** What each field of a row must be, as a batch writes it: summaries and merges rely on it. */
const FIELD_CHECKS: { readonly [field in keyof BatchRow]: (value: unknown, row: Record<string, unknown>) => boolean } = {
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
};

function checkedRow(record: unknown): BatchRow {
  if (typeof record !== "object" || record === null || Array.isArray(record)) throw new Error("not a batch row");
  const row = record as Record<string, unknown>;
  for (const [field, valid] of Object.entries(FIELD_CHECKS)) {
    if (!valid(row[field], row)) throw new Error(`its ${field} is not what a batch writes`);
  }
  return record as BatchRow;
}

const CSV_FIELDS = csvHeader().trimEnd().split(",");

/** The inverse of csvLine: lists are joined by "|", fields with , " CR or LF are quoted. */
function parseCsvRow(line: string): Record<string, unknown> {
  const fields = splitCsv(line);
  if (fields.length !== CSV_FIELDS.length) throw new Error(`${fields.length} fields instead of ${CSV_FIELDS.length}`);
  const record: Record<string, unknown> = {};
  CSV_FIELDS.forEach((name, k) => (record[name] = csvValue(name as keyof BatchRow, fields[k])));
  return record;
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
    let lineNumber = 0;
    for (let line = reader.read(); line !== null; line = reader.read()) {
      lineNumber++;
      if (format === undefined) {
        format = line === csvHeader().trimEnd() ? "csv" : line.startsWith("{") ? "jsonl" : undefined;
        if (format === undefined) throw new UserError(`${path} is not the output of mutual-gains batch (CSV with its header, or JSON Lines).`);
        if (format === "csv") continue;
      }
      try {
        rows.push(parseRow(format, line));
      } catch (error) {
        throw new UserError(`${path}, line ${lineNumber}: not a ${format} row (${(error as Error).message}).`);
      }
    }
  } finally {
    reader.close();
  }
  return rows;
}
