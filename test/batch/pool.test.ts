/**
 * The pool of negotiating threads (src/batch/pool.ts): with 1 worker the chunks are negotiated in
 * this thread, with n > 1 in n worker threads; they come back in task order, the same text as
 * one thread's, and a task that throws, in this thread or in a worker, fails the run.
 *
 * Worker threads run the compiled code, so this imports the pool from dist/ (npm test builds it).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { BatchJob } from "../../src/batch/negotiate.js";
import { WHOLE_PLAN } from "../../src/batch/plan.js";
import { DEFAULT_MAX_WORKERS, THREADS_PAY_OFF } from "../../src/vocabulary.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "src", "batch");
if (!existsSync(join(DIST, "pool.js"))) throw new Error(`${DIST}/pool.js does not exist: run "npm run build" first (npm test does it for you).`);
const { defaultWorkers, negotiateInOrder } = (await import(join(DIST, "pool.js"))) as typeof import("../../src/batch/pool.js");
const { negotiateChunk } = (await import(join(DIST, "negotiate.js"))) as typeof import("../../src/batch/negotiate.js");

const scenario = (id: string) => loadScenarioFile(resolveScenarioPath(id)).scenario;

function job(strategies: string[], runs: number): BatchJob {
  return {
    spec: { scenarios: [scenario("hospital-it-platform"), scenario("sustainable-supply")], strategies, opponents: strategies, runs, seed: "pool", rounds: 20 },
    shard: WHOLE_PLAN,
    format: "csv",
  };
}

async function all(chunks: AsyncGenerator<{ text: string; count: number }>): Promise<{ text: string; count: number }> {
  let text = "";
  let count = 0;
  for await (const chunk of chunks) {
    text += chunk.text;
    count += chunk.count;
  }
  return { text, count };
}

describe("negotiateInOrder", () => {
  test.each([1, 2, 3])("with %i negotiating threads gives one thread's rows, in task order", async (workers) => {
    const styles = ["boulware", "meso", "reciprocator", "random"];
    const whole = job(styles, 6);
    const expected = negotiateChunk(whole, 0, 2 * 16 * 2 * 6);
    expect(await all(negotiateInOrder(whole, 0, workers))).toEqual({ text: expected, count: 2 * 16 * 2 * 6 });
    // From a later position (a resumed run) too.
    const from = 37;
    const rest = await all(negotiateInOrder(whole, from, workers));
    expect(rest.count).toBe(2 * 16 * 2 * 6 - from);
    expect(expected.endsWith(rest.text)).toBe(true);
  });

  test.each([1, 2, 3])("with %i negotiating threads a task that throws fails the run", async (workers) => {
    await expect(all(negotiateInOrder(job(["no-such-style"], 20), 0, workers))).rejects.toThrow(/no-such-style/);
  });
});

describe("the default number of threads", () => {
  test("one below THREADS_PAY_OFF negotiations, else one per core up to DEFAULT_MAX_WORKERS", () => {
    expect([defaultWorkers(0, 2), defaultWorkers(THREADS_PAY_OFF - 1, 2), defaultWorkers(THREADS_PAY_OFF - 1, 8)]).toEqual([1, 1, 1]);
    expect([defaultWorkers(THREADS_PAY_OFF, 1), defaultWorkers(THREADS_PAY_OFF, 2), defaultWorkers(10 ** 7, 16)]).toEqual([1, 2, DEFAULT_MAX_WORKERS]);
  });
});
