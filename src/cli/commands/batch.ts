/**
 * `batch` and `batch merge`: their arguments, options and help, without their implementation
 * (../actions/batch.ts, which says where rows and summaries go), loaded only when one of them
 * runs: `--help` and the other commands do not pay for it.
 */
import { availableParallelism } from "node:os";
import { type Command, Option } from "commander";
import type { BatchFlags } from "../actions/batch.js";
import { parseShard } from "../../batch/shard.js";
import { positiveInteger } from "../options.js";

export function registerBatch(program: Command): void {
  const batch = program
    .command("batch")
    .description(
      "Negotiate scripted partners against each other: every scenario × pairing of strategies × both seats × runs, " +
        "with a summary ranking the strategies. Reproducible: the same flags give the same rows, whatever --workers or --shard.",
    )
    .argument("<scenarios...>", "scenario files or ids of built-in scenarios")
    .option("--strategies <list>", 'strategies under test, separated by commas, or "all"', "all")
    .option("--vs <list>", 'their opponents, separated by commas, or "all"', "all")
    .addOption(new Option("--family <family>", "only strategies of this family (in both lists)").choices(["win-win", "win-lose", "baseline"]))
    .option("--runs <n>", "negotiations per scenario, pairing and seat (each with its own seed)", positiveInteger, 20)
    .option("--rounds <n>", "deadline in rounds (default: each scenario's)", positiveInteger)
    .option("--seed <seed>", "base seed: every negotiation's seed is derived from it", "0")
    .option("--workers <n>", "worker threads (1: in this process)", positiveInteger, Math.min(availableParallelism(), 2))
    .option("--out <file>", "write the rows to this file (.csv or .jsonl); a file holding some rows of the same batch is resumed")
    .addOption(
      new Option(
        "--format <format>",
        "rows: csv or jsonl; summary: table (both rankings) or json; with --out, the rows' format comes from the file's extension and this picks the summary printed (default: the strategy ranking, else both tables)",
      ).choices(["table", "json", "csv", "jsonl"]),
    )
    .option("--shard <i/n>", "run only the tasks whose index is i modulo n (i from 0), for job arrays; merge with batch merge", parseShard)
    .addHelpText(
      "after",
      `
Every scenario is played by every pairing of --strategies × --vs, in both seats (each strategy plays each
role; with three or more parties the pair's strategies take the seats in turn), --runs times with derived seeds.

Examples:
  $ mutual-gains batch hospital-it-platform
  $ mutual-gains batch hospital-it-platform sustainable-supply --strategies logroller,hardliner --vs all --runs 50
  $ mutual-gains batch hospital-it-platform --family win-win --format json
  $ mutual-gains batch hospital-it-platform rd-consortium --out results.csv     # run it again to resume
  $ mutual-gains batch hospital-it-platform --out results.jsonl --format json   # rows to the file, summary as JSON
  $ mutual-gains batch hospital-it-platform --shard 0/4 --out part-0.csv        # job 0 of 4
  $ mutual-gains batch merge part-*.csv --out results.csv`,
    )
    .action(async (arguments_: string[], flags: BatchFlags) => (await import("../actions/batch.js")).batchAction(arguments_, flags));

  batch
    .command("merge")
    .description("Merge the row files of a sharded batch (CSV or JSON Lines) into task order: the file an unsharded run writes.")
    .argument("<files...>", "the shards' --out files, in any order")
    .option("--out <file>", "write the merged rows to this file (default: stdout)")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains batch merge part-0.csv part-1.csv part-2.csv part-3.csv --out results.csv
  $ mutual-gains batch merge shards/*.jsonl > results.jsonl`,
    )
    .action(async (files: string[], flags: unknown, command: Command) => (await import("../actions/batch.js")).mergeAction(files, flags, command));
}
