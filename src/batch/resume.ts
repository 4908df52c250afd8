/**
 * Resuming a run: an output file that already holds the first k rows of the job (a run that
 * crashed or was killed) is continued from task k. Its complete lines are counted (the CSV
 * header once) and an interrupted last line is cut off.
 *
 * The file must belong to this job: every row's task and seed must be the plan's for its line
 * (the seed spells out the base seed, scenario, strategies, seat and run), and the last row must
 * be exactly what negotiating its task again gives, which also catches another --rounds or
 * another version of the program. Anything else is a user error, never silently mixed results.
 */
import { existsSync, statSync, truncateSync } from "node:fs";
import { UserError } from "../errors.js";
import { LineReader } from "./lines.js";
import { type BatchJob, negotiateChunk } from "./negotiate.js";
import { planSize, shardLength, shardTask, taskAt } from "./plan.js";
import type { BatchRow } from "./row.js";
import { fileHeader, parseRow } from "./rowfile.js";

export interface Resumed {
  /** Rows of the job the file holds: the run continues at this shard position. */
  readonly done: number;
  /** Whether the file is empty (after cutting), so the header is still to be written. */
  readonly empty: boolean;
}

/** Checks and trims an existing output file; every row it holds goes to `onRow`. */
export function resumeFile(path: string, job: BatchJob, onRow?: (row: BatchRow) => void): Resumed {
  if (!existsSync(path) || statSync(path).size === 0) return { done: 0, empty: true };
  const mismatch = (line: number, reason: string) =>
    new UserError(
      `${path} does not hold this batch's rows (line ${line}: ${reason}). It was written with other scenarios, ` +
        "strategies, runs, rounds, seed, shard or format, or by another version: delete it or choose another --out.",
    );
  const total = shardLength(planSize(job.spec), job.shard);
  const header = fileHeader(job.format).trimEnd();
  const reader = new LineReader(path);
  let lineNumber = 0;
  let done = 0;
  let last = "";
  try {
    for (let line = reader.read(); line !== null; line = reader.read()) {
      lineNumber++;
      if (lineNumber === 1 && header !== "") {
        if (line !== header) throw mismatch(1, `not the ${job.format.toUpperCase()} header`);
        continue;
      }
      if (done === total) throw mismatch(lineNumber, `more rows than the job's ${total}`);
      let row: BatchRow;
      try {
        row = parseRow(job.format, line);
      } catch (error) {
        throw mismatch(lineNumber, `not a ${job.format} row: ${(error as Error).message}`);
      }
      const task = shardTask(job.shard, done);
      if (row.task !== task) throw mismatch(lineNumber, `task ${row.task} where task ${task} was expected`);
      const { seed } = taskAt(job.spec, task);
      if (row.seed !== seed) throw mismatch(lineNumber, `seed "${row.seed}" where "${seed}" was expected`);
      onRow?.(row);
      last = line;
      done++;
    }
  } finally {
    reader.close();
  }
  if (done > 0 && negotiateChunk(job, done - 1, 1) !== `${last}\n`) {
    throw mismatch(lineNumber, "its last row differs from the same negotiation run again");
  }
  if (reader.partialBytes > 0) truncateSync(path, reader.completeBytes);
  return { done, empty: reader.completeBytes === 0 };
}
