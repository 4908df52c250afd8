/**
 * Runs a job's tasks in chunks, in process or on worker threads, and hands the chunks back in
 * task order. Results that arrive early wait in a window of submitted chunks (the reordering
 * buffer); a new chunk is submitted only when the consumer takes one, so at most `window` chunks
 * are in flight or waiting, and a slow consumer (a full disk) slows the workers down rather than
 * filling memory.
 *
 * Worker threads run the COMPILED worker.js beside this module: Node 20 cannot load TypeScript
 * in a worker, so more than one worker needs `npm run build` (the CLI always runs from dist/).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DEFAULT_MAX_WORKERS, THREADS_PAY_OFF } from "../vocabulary.js";
import { type BatchJob, negotiateChunk } from "./negotiate.js";
import { planSize, shardLength } from "./plan.js";

export interface ChunkRequest {
  readonly first: number;
  readonly count: number;
}

export interface ChunkResult {
  /** The chunk's rows, formatted, in task order. */
  readonly text: string;
  readonly count: number;
}

/** Chunks per worker that are being worked on at once, so a worker never waits for its next message. */
const DEPTH = 2;
/** Chunks submitted ahead of the consumer, per worker: the bound on the reordering buffer. */
const WINDOW = 4;
const MAX_CHUNK = 256;
/**
 * A negotiation allocates much and keeps little, and by default V8 lets each thread's young
 * generation grow to about 48 MB; 8 MB costs no measurable speed and keeps a run of millions of
 * negotiations in far less memory. (Only the young generation: a cap on the old one would make a
 * large scenario's frontier fail.)
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** The threads a run of `tasks` negotiations gets unless told: one below THREADS_PAY_OFF, else one per core up to DEFAULT_MAX_WORKERS. */
export function defaultWorkers(tasks: number, cores = availableParallelism()): number {
  return tasks < THREADS_PAY_OFF ? 1 : Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS));
}

interface Runner {
  run(chunk: ChunkRequest): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** The job's chunks from shard position `from` on, in order, negotiated by `workers` threads (1: in this thread). */
export async function* negotiateInOrder(job: BatchJob, from: number, workers: number): AsyncGenerator<ChunkResult> {
  const total = shardLength(planSize(job.spec), job.shard);
  // Small runs are cut finer, so that every worker gets some.
  const size = Math.min(MAX_CHUNK, Math.max(1, Math.ceil((total - from) / (workers * 8))));
  const runner: Runner = workers > 1 ? new ThreadPool(job, workers) : inProcess(job);
  const window: Promise<ChunkResult>[] = [];
  let next = from;
  const submit = () => {
    const count = Math.min(size, total - next);
    const result = runner.run({ first: next, count });
    // Handled when its turn comes; until then a failure must not count as an unhandled rejection.
    result.catch(() => undefined);
    window.push(result);
    next += count;
  };
  try {
    while (next < total && window.length < workers * WINDOW) submit();
    while (window.length > 0) {
      const result = await window.shift()!;
      if (next < total) submit();
      yield result;
    }
  } finally {
    await runner.close();
  }
}

function inProcess(job: BatchJob): Runner {
  return {
    run: async ({ first, count }) => ({ text: negotiateChunk(job, first, count), count }),
    close: async () => undefined,
  };
}

interface Slot {
  readonly worker: Worker;
  /** Chunks sent to this worker and not answered yet, oldest first: a worker answers in order. */
  readonly waiting: { resolve(result: ChunkResult): void; reject(error: Error): void }[];
}

class ThreadPool implements Runner {
  private readonly slots: Slot[];
  private readonly queue: { chunk: ChunkRequest; resolve(result: ChunkResult): void; reject(error: Error): void }[] = [];
  private failure: Error | null = null;
  private closing = false;

  constructor(job: BatchJob, count: number) {
    const file = new URL("./worker.js", import.meta.url);
    if (!existsSync(file)) {
      throw new Error(`${fileURLToPath(file)} is missing: worker threads run the compiled code (npm run build), or use --workers 1`);
    }
    this.slots = Array.from({ length: count }, () => {
      const slot: Slot = { worker: new Worker(file, { workerData: job, resourceLimits: WORKER_LIMITS }), waiting: [] };
      slot.worker.on("message", (result: ChunkResult) => {
        // After a failure everything waiting was rejected; a late answer has no one to go to.
        slot.waiting.shift()?.resolve(result);
        this.dispatch();
      });
      // A task that throws ends its worker with the error (and its stack): the run fails with it.
      slot.worker.on("error", (error) => this.fail(error));
      slot.worker.on("exit", (code) => {
        if (!this.closing) this.fail(new Error(`a batch worker stopped unexpectedly (exit code ${code})`));
      });
      return slot;
    });
  }

  run(chunk: ChunkRequest): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ chunk, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.reduce((best, candidate) => (candidate.waiting.length < best.waiting.length ? candidate : best));
      if (slot.waiting.length >= DEPTH) return;
      const { chunk, resolve, reject } = this.queue.shift()!;
      slot.waiting.push({ resolve, reject });
      slot.worker.postMessage(chunk);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of [...this.slots.flatMap((slot) => slot.waiting.splice(0)), ...this.queue.splice(0)]) pending.reject(error);
  }
}
