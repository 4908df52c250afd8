/**
 * Row output of a batch run, one negotiation per line: RFC 4180 CSV and JSON Lines.
 *
 * Every record, the header included, ends in LF rather than RFC 4180's CRLF: a file is then just
 * the header followed by the lines, it diffs and greps cleanly, and the usual readers (Python's
 * csv, pandas, R, spreadsheets) accept LF. Fields with a comma, quote, CR or LF are quoted, with
 * quotes doubled, so a scenario id or seed may contain anything.
 *
 * Lists (strategies, utilities) are joined by "|" within one field; strategy ids are plain
 * identifiers and must not contain "|" themselves.
 *
 * Numbers are rounded to 6 decimals and printed in their shortest form (trailing zeros dropped,
 * "-0" as "0"), identically in CSV and JSON: toFixed is exactly specified, so the output is the same
 * on every platform, and float noise such as 0.30000000000000004 does not make reruns differ.
 */
import type { BatchRow } from "./row.js";

const FIELDS = [
  "task",
  "scenario",
  "strategies",
  "seed",
  "agreement",
  "outcome",
  "rounds",
  "utilities",
  "jointUtility",
  "jointGain",
  "shareOfMaxJointGain",
  "distanceToFrontier",
  "distanceToNash",
] as const satisfies readonly (keyof BatchRow)[];

export function csvHeader(): string {
  return `${FIELDS.join(",")}\n`;
}

export function csvLine(row: BatchRow): string {
  const values = canonical(row);
  const fields = FIELDS.map((field) => {
    const value = values[field];
    return Array.isArray(value) ? value.join("|") : String(value);
  });
  return `${fields.map(quote).join(",")}\n`;
}

/** The row as JSON, fields in CSV order whatever order the row object was built in. */
export function jsonlLine(row: BatchRow): string {
  return `${JSON.stringify(canonical(row))}\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A copy with the fields in {@link FIELDS} order, numbers rounded, and nothing else. */
function canonical(row: BatchRow): BatchRow {
  const number = (value: number, field: string): number => {
    // JSON would silently write null and CSV "NaN": a non-finite measure is a bug upstream.
    if (!Number.isFinite(value)) throw new RangeError(`task ${row.task}: ${field} is ${value}`);
    return Number(value.toFixed(6)) || 0;
  };
  return {
    task: number(row.task, "task"),
    scenario: row.scenario,
    strategies: [...row.strategies],
    seed: row.seed,
    agreement: row.agreement,
    outcome: row.outcome,
    rounds: number(row.rounds, "rounds"),
    utilities: row.utilities.map((utility) => number(utility, "utilities")),
    jointUtility: number(row.jointUtility, "jointUtility"),
    jointGain: number(row.jointGain, "jointGain"),
    shareOfMaxJointGain: number(row.shareOfMaxJointGain, "shareOfMaxJointGain"),
    distanceToFrontier: number(row.distanceToFrontier, "distanceToFrontier"),
    distanceToNash: number(row.distanceToNash, "distanceToNash"),
  };
}
