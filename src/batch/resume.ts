/**
 * Resuming a run: an output file that already holds the first k rows of the job (a run that
 * crashed or was killed) is continued from task k. Its complete lines are counted (the CSV
 * header once) and an interrupted last line is cut off.
 *
 * The file must be one this job wrote: every row's task and seed must be the plan's for its line
 * (the seed spells out the base seed, scenario, strategies, seat and run), the last row must be
 * exactly what negotiating its task again gives (which also catches another --rounds or another
 * version of the program), and an interrupted last line must be the start of exactly the line the
 * job writes there. Anything else, whatever its last byte, is refused with a user error: never
 * overwritten, never silently mixed with other results. An empty file holds nothing to lose and
 * is taken over.
 */
import { statSync, truncateSync } from "node:fs";
import { UserError } from "../errors.js";
import { LineReader } from "./lines.js";
import { type BatchJob, negotiateChunk, stageColumns } from "./negotiate.js";
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
  if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) === 0) return { done: 0, empty: true };
  const mismatch = (line: number, reason: string) =>
    new UserError(
      `${path} is not this batch's output (line ${line}: ${reason}), so it is left as it is: choose another --out, or delete it. ` +
        "A file written with other scenarios, strategies, runs, rounds, seed, shard or format, or by another version, is not continued either.",
    );
  const total = shardLength(planSize(job.spec), job.shard);
  const stages = stageColumns(job.spec.scenarios);
  const header = fileHeader(job.format, stages);
  const reader = new LineReader(path);
  let done = 0;
  let last = "";
  try {
    for (let line = reader.read(); line !== null; line = reader.read()) {
      if (reader.lines === 1 && header !== "") {
        if (line !== header.trimEnd()) throw mismatch(1, `not the ${job.format.toUpperCase()} header`);
        continue;
      }
      if (done === total) throw mismatch(reader.lines, `more rows than the job's ${total}`);
      let row: BatchRow;
      try {
        row = parseRow(job.format, line, stages);
      } catch (error) {
        throw mismatch(reader.lines, `not a ${job.format} row: ${(error as Error).message}`);
      }
      const task = shardTask(job.shard, done);
      if (row.task !== task) throw mismatch(reader.lines, `task ${row.task} where task ${task} was expected`);
      const { seed } = taskAt(job.spec, task);
      if (row.seed !== seed) throw mismatch(reader.lines, `seed "${row.seed}" where "${seed}" was expected`);
      onRow?.(row);
      last = line;
      done++;
    }
  } finally {
    reader.close();
  }
  if (done > 0 && negotiateChunk(job, done - 1, 1) !== `${last}\n`) {
    throw mismatch(reader.lines, "its last row differs from the same negotiation run again");
  }
  const { partial } = reader;
  if (partial.length > 0) {
    const line = reader.lines + 1;
    if (done === total) throw mismatch(line, `more than the job's ${total} rows`);
    const inHeader = reader.completeBytes === 0 && header !== "";
    const expected = Buffer.from(inHeader ? header : negotiateChunk(job, done, 1));
    if (partial.length >= expected.length || !partial.equals(expected.subarray(0, partial.length))) {
      throw mismatch(line, inHeader ? `not the ${job.format.toUpperCase()} header` : "an unfinished line that is not the start of this batch's next row");
    }
    truncateSync(path, reader.completeBytes);
  }
  return { done, empty: reader.completeBytes === 0 };
}
