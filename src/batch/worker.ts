/**
 * A batch worker thread (started by pool.ts from the compiled dist/src/batch/worker.js): receives
 * chunks of a job's tasks and posts back their formatted rows, one message per chunk, in the
 * order the chunks came. An exception ends the thread and reaches the pool as an "error" event.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type BatchJob, negotiateChunk } from "./negotiate.js";
import type { ChunkRequest, ChunkResult } from "./pool.js";

const job = workerData as BatchJob;

parentPort!.on("message", ({ first, count }: ChunkRequest) => {
  const result: ChunkResult = { text: negotiateChunk(job, first, count), count };
  parentPort!.postMessage(result);
});
