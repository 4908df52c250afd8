/**
 * A batch run: the job's negotiations, in task order, to a row file (appended to, resumed when
 * it already holds some rows) or a stream, each row also handed to `onRow` as it was written,
 * i.e. read back from its line, so that a summary is the same whether the rows came from this
 * run, from a resumed file or from merged shards.
 *
 * Before any negotiation: a row file's location is checked, its lock taken (one run per file),
 * what it holds checked (resume.ts), and every scenario measured (its frontier must fit the
 * engine's budget), so that a mistake is reported at once, not by a worker thread later.
 */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { checkWritableFile } from "../files.js";
import { TextSink, openFile } from "./lines.js";
import { lockOutput } from "./lock.js";
import { type BatchJob, measureScenarios, stageColumns } from "./negotiate.js";
import { planSize, shardLength } from "./plan.js";
import { defaultWorkers, negotiateInOrder } from "./pool.js";
import type { Progress } from "./progress.js";
import { resumeFile } from "./resume.js";
import type { BatchRow } from "./row.js";
import { fileHeader, parseRow } from "./rowfile.js";

export type RowDestination = { readonly file: string } | { readonly stream: Writable; readonly name: string };

export interface BatchRunOptions {
  readonly job: BatchJob;
  /** Threads (1: this one); unset, as many as pay off for what is left to do (defaultWorkers). */
  readonly workers?: number;
  /** Where the rows go; none: they are only summarised. */
  readonly rows?: RowDestination;
  readonly onRow?: (row: BatchRow) => void;
  /** Starts reporting progress, given the job's size and how much of it was done before. */
  readonly progress: (total: number, done: number) => Progress;
}

export async function runBatch(options: BatchRunOptions): Promise<void> {
  const { rows } = options;
  const file = rows && "file" in rows ? rows.file : undefined;
  if (file !== undefined) checkWritableFile(file);
  const lock = file !== undefined ? lockOutput(file) : undefined;
  try {
    await run(options, file);
  } finally {
    lock?.release();
  }
}

async function run(options: BatchRunOptions, file: string | undefined): Promise<void> {
  const { job, rows, onRow } = options;
  const resumed = file !== undefined ? resumeFile(file, job, onRow) : { done: 0, empty: true };
  measureScenarios(job.spec.scenarios);
  const start = resumed.done;
  const stages = stageColumns(job.spec.scenarios);
  let sink: TextSink | undefined;
  if (file !== undefined) {
    sink = new TextSink(createWriteStream(file, { fd: openFile(file, "a") }), file);
    if (resumed.empty) await sink.write(fileHeader(job.format, stages));
  } else if (rows && "stream" in rows) {
    sink = new TextSink(rows.stream, rows.name);
    await sink.write(fileHeader(job.format, stages));
  }
  const total = shardLength(planSize(job.spec), job.shard);
  const progress = options.progress(total, start);
  for await (const chunk of negotiateInOrder(job, start, options.workers ?? defaultWorkers(total - start))) {
    await sink?.write(chunk.text);
    if (onRow) {
      for (const line of chunk.text.split("\n")) if (line !== "") onRow(parseRow(job.format, line, stages));
    }
    progress.advance(chunk.count);
  }
  // A file is ended (and so complete on disk); a stream such as stdout stays open for what follows.
  if (file !== undefined) await sink?.end();
  else await sink?.flush();
  progress.finish();
}
