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
 * A batch with a partnership scenario has more columns (`stages`: as many stages as its longest
 * partnership has): ambition and end, then per stage k (from 0) stage<k>.agreement (the agreement as
 * JSON text, since issue and option ids may hold any character; empty without one), stage<k>.utilities
 * (empty for a party not in the stage), stage<k>.jointGain, stage<k>.maxJointGain and stage<k>.share.
 * Those columns are empty in the row of another scenario, and the stage columns beyond a
 * partnership's own stages; a batch without a partnership writes none of them.
 *
 * Numbers are rounded to 6 decimals and printed in their shortest form (trailing zeros dropped,
 * "-0" as "0"), identically in CSV and JSON: toFixed is exactly specified, so the output is the same
 * on every platform, and float noise such as 0.30000000000000004 does not make reruns differ.
 */
import type { BatchRow, StageResult } from "./row.js";

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

/** The columns of each stage, after stage<k>. */
const STAGE_FIELDS = ["agreement", "utilities", "jointGain", "maxJointGain", "share"] as const satisfies readonly (keyof StageResult)[];

/** The columns of a row file with `stages` stage columns (0: a batch without a partnership). */
export function csvFields(stages = 0): string[] {
  if (stages === 0) return [...FIELDS];
  return [...FIELDS, "ambition", "end", ...Array.from({ length: stages }, (_, k) => STAGE_FIELDS.map((field) => `stage${k}.${field}`)).flat()];
}

export function csvHeader(stages = 0): string {
  return `${csvFields(stages).join(",")}\n`;
}

export function csvLine(row: BatchRow, stages = 0): string {
  if (stages === 0 && row.end === undefined) return plainLine(row);
  const values = canonical(row);
  const fields = FIELDS.map((field) => {
    const value = values[field];
    return Array.isArray(value) ? value.join("|") : String(value);
  });
  if (stages > 0) fields.push(...partnershipFields(values, stages));
  else if (values.end !== undefined) throw new RangeError(`task ${row.task}: a partnership's row in a file without stage columns`);
  return `${fields.map(quote).join(",")}\n`;
}

/**
 * csvLine of a single negotiation's row in a file without stage columns, the common case, built
 * directly: the same text without the canonical copy. Only the text fields can need quotes.
 */
function plainLine(row: BatchRow): string {
  const task = rounded(row, row.task, "task");
  const rounds = rounded(row, row.rounds, "rounds");
  let utilities = "";
  for (let p = 0; p < row.utilities.length; p++) utilities += `${p === 0 ? "" : "|"}${rounded(row, row.utilities[p], "utilities")}`;
  const jointUtility = rounded(row, row.jointUtility, "jointUtility");
  const jointGain = rounded(row, row.jointGain, "jointGain");
  const share = rounded(row, row.shareOfMaxJointGain, "shareOfMaxJointGain");
  const frontier = rounded(row, row.distanceToFrontier, "distanceToFrontier");
  const nash = rounded(row, row.distanceToNash, "distanceToNash");
  return (
    `${task},${quote(row.scenario)},${quote(row.strategies.join("|"))},${quote(row.seed)},${row.agreement},${quote(row.outcome)},` +
    `${rounds},${utilities},${jointUtility},${jointGain},${share},${frontier},${nash}\n`
  );
}

function partnershipFields(row: BatchRow, stages: number): string[] {
  const results = row.stages ?? [];
  if (results.length > stages) throw new RangeError(`task ${row.task}: ${results.length} stages for ${stages} stage columns`);
  const fields = [row.ambition ?? "", row.end ?? ""];
  for (let k = 0; k < stages; k++) {
    const stage = results[k];
    if (stage === undefined) fields.push(...STAGE_FIELDS.map(() => ""));
    else fields.push(stage.agreement === null ? "" : JSON.stringify(stage.agreement), stage.utilities.map((u) => (u === null ? "" : String(u))).join("|"), String(stage.jointGain), String(stage.maxJointGain), String(stage.share));
  }
  return fields;
}

/** The row as JSON, fields in CSV order whatever order the row object was built in. */
export function jsonlLine(row: BatchRow): string {
  return `${JSON.stringify(canonical(row))}\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A copy with the fields in {@link FIELDS} order (a partnership's after them), numbers rounded, and nothing else. */
function canonical(row: BatchRow): BatchRow {
  const number = (value: number, field: string): number => rounded(row, value, field);
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
    ...(row.end === undefined
      ? {}
      : {
          ambition: row.ambition ?? null,
          end: row.end,
          stages: (row.stages ?? []).map((stage) => ({
            stage: number(stage.stage, "stage"),
            agreement: stage.agreement === null ? null : { ...stage.agreement },
            utilities: stage.utilities.map((utility) => (utility === null ? null : number(utility, "stage utilities"))),
            jointGain: number(stage.jointGain, "stage jointGain"),
            maxJointGain: number(stage.maxJointGain, "stage maxJointGain"),
            share: number(stage.share, "stage share"),
          })),
        }),
  };
}

/** A number of a row rounded to 6 decimals ("-0" as 0); an integer is already (toFixed would give it back). */
function rounded(row: BatchRow, value: number, field: string): number {
  // JSON would silently write null and CSV "NaN": a non-finite measure is a bug upstream.
  if (!Number.isFinite(value)) throw new RangeError(`task ${row.task}: ${field} is ${value}`);
  return Number.isInteger(value) ? value || 0 : Number(value.toFixed(6)) || 0;
}
