/**
 * `batch`: tournaments of scripted partners over scenarios, strategies and seeds, and
 * `batch merge`: the row files of a sharded run back into one.
 *
 * Where things go: rows to --out (CSV or JSON Lines, appended and resumed) or, with --format
 * csv|jsonl and no --out, to stdout; the summary to stdout as tables (--format table, the default
 * without --out), as JSON (--format json), or as the ranked strategy table whenever stdout does not
 * carry rows or is a terminal; progress to stderr. Loaded only when batch runs (its arguments, options
 * and help: ../definitions.ts).
 */
import { createWriteStream, existsSync, renameSync, rmSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { checkWritableFile } from "../../files.js";
import { type Shard, WHOLE_PLAN, resolveStrategies } from "../../batch/plan.js";
import type { BatchRow } from "../../batch/row.js";
import { type RowFormat, formatOfPath } from "../../batch/rowfile.js";
import type { RowDestination } from "../../batch/run.js";
import type { BatchSummary } from "../../batch/summary.js";
import { translator } from "../../i18n/translate.js";
import type { StyleFamily } from "../../negotiation/partners/types.js";
import { fittedTableLines } from "../../report/table.js";
import { printJson } from "../output.js";
import { loadScenarioArgument } from "../scenario-input.js";
import type { Scenario } from "../../scenario/schema.js";

type OutputFormat = "table" | "json" | RowFormat;

export interface BatchFlags {
  strategies: string;
  vs: string;
  family?: StyleFamily;
  runs: number;
  rounds?: number;
  seed: string;
  /** Unset: as many as pay off (defaultWorkers). */
  workers?: number;
  out?: string;
  format?: OutputFormat;
  shard?: Shard;
}

/** What goes to stdout after the rows: both ranked tables, the summary as JSON, the strategy ranking, or nothing. */
type SummaryOutput = "tables" | "json" | "ranking" | "none";

export async function batchAction(arguments_: string[], flags: BatchFlags): Promise<void> {
  if (/\p{Cc}/u.test(flags.seed)) throw new UserError("--seed must not contain control characters (rows are one line each).");
  const scenarios: Scenario[] = [];
  for (const argument of arguments_) scenarios.push(await loadScenarioArgument(argument));
  const duplicate = scenarios.find((scenario, k) => scenarios.findIndex((other) => other.id === scenario.id) !== k);
  if (duplicate) throw new UserError(`scenario "${duplicate.id}" is given twice.`);
  const spec = {
    scenarios,
    strategies: resolveStrategies(flags.strategies, "--strategies", flags.family),
    opponents: resolveStrategies(flags.vs, "--vs", flags.family),
    runs: flags.runs,
    seed: flags.seed,
    rounds: flags.rounds,
  };
  const rowFormat = rowFormatOf(flags.format, flags.out);
  const rows: RowDestination | undefined =
    flags.out !== undefined ? { file: flags.out } : rowFormat ? { stream: process.stdout, name: "standard output" } : undefined;
  const summaryOutput: SummaryOutput =
    flags.format === "table" || (flags.format === undefined && rows === undefined)
      ? "tables"
      : flags.format === "json"
        ? "json"
        : rankingWanted(rows !== undefined && !("file" in rows))
          ? "ranking"
          : "none";
  const [{ runBatch }, { startProgress }, report] = await Promise.all([
    import("../../batch/run.js"),
    import("../../batch/progress.js"),
    summaryReport(summaryOutput),
  ]);
  await runBatch({
    job: { spec, shard: flags.shard ?? WHOLE_PLAN, format: rowFormat ?? "jsonl" },
    workers: flags.workers,
    rows,
    onRow: report?.add,
    progress: (total, done) => startProgress(process.stderr, total, done, progressBar()),
  });
  await report?.print();
}

/** `batch merge`. */
export async function mergeAction(files: string[], _flags: unknown, command: Command): Promise<void> {
  // Commander hands options after "merge" to batch first, which has an --out of its own.
  const { out } = command.optsWithGlobals<{ out?: string }>();
  const format = out === undefined ? undefined : formatOfOut(out);
  const [{ mergeRowFiles, isRowFile }, { TextSink, openFile }, report] = await Promise.all([
    import("../../batch/merge.js"),
    import("../../batch/lines.js"),
    summaryReport(rankingWanted(out === undefined) ? "ranking" : "none"),
  ]);
  if (out === undefined) {
    const sink = new TextSink(process.stdout, "standard output");
    await mergeRowFiles(files, sink, { onRow: report?.add });
    await sink.flush();
  } else {
    checkWritableFile(out);
    if (existsSync(out) && !isRowFile(out)) {
      throw new UserError(`${out} exists and is not a row file of mutual-gains batch, so it is left as it is: choose another --out, or delete it.`);
    }
    // The merged file appears only when complete: written beside its target, then renamed over it.
    const temporary = `${out}.${process.pid}.tmp`;
    try {
      const sink = new TextSink(createWriteStream(temporary, { fd: openFile(temporary, "w") }), out);
      await mergeRowFiles(files, sink, { format, onRow: report?.add });
      await sink.end();
      renameSync(temporary, out);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  await report?.print();
}

/** The rows' format; none when only a summary is wanted (no --out, --format table or json). */
function rowFormatOf(format: OutputFormat | undefined, out: string | undefined): RowFormat | undefined {
  const asked = format === "csv" || format === "jsonl" ? format : undefined;
  if (out === undefined) return asked;
  return asked ?? formatOfOut(out, ", or give --format csv|jsonl");
}

/** The format an output file's extension names; `orElse` tells another way to name one. */
function formatOfOut(out: string, orElse = ""): RowFormat {
  const format = formatOfPath(out);
  if (!format) throw new UserError(`cannot tell the format of ${out} from its extension: name it .csv or .jsonl${orElse}.`);
  return format;
}

/** The strategy ranking goes to stdout unless stdout carries rows to a pipe or file, where it would spoil them. */
function rankingWanted(stdoutCarriesRows: boolean): boolean {
  return !stdoutCarriesRows || Boolean(process.stdout.isTTY);
}

function progressBar(): boolean {
  return Boolean(process.stderr.isTTY) && process.env.TERM !== "dumb";
}

/**
 * Folds the rows into a summary and prints it at the end; nothing when there is nothing to print.
 * Imported only then, and only when a batch command runs: summary.ts's mathjs alone takes most of
 * a second to load, which every other command and every piped run would pay.
 */
async function summaryReport(output: SummaryOutput) {
  if (output === "none") return undefined;
  const { Summariser, summaryTable, partnershipScenarios, partnershipTable, rankStrategies, loadStatistics } = await import("../../batch/summary.js");
  const summariser = new Summariser();
  const printTable = (summary: BatchSummary, title: string, kind: "strategy" | "pairing" | "partnership", scenario = "") => {
    const { header, rows } = kind === "partnership" ? partnershipTable(summary, scenario) : summaryTable(summary, kind);
    // Rank and strategy, or rank, scenario and pairing, head every part of a split table.
    process.stdout.write(`${title}\n${columns([header, ...rows], kind === "pairing" ? 3 : 2)}\n`);
  };
  return {
    add: (row: BatchRow) => summariser.add(row),
    print: async () => {
      await loadStatistics();
      const summary = summariser.summary();
      if (output === "json") {
        printJson({ summary, ranking: rankStrategies(summary).map((strategy) => strategy.strategy) });
        return;
      }
      // English, as the tables are: batch has no language option.
      const t = translator("en");
      printTable(summary, t("batch.title.strategies", { count: summary.rows }), "strategy");
      if (output === "tables") {
        process.stdout.write("\n");
        printTable(summary, t("batch.title.pairings"), "pairing");
      }
      // Per stage and in total, for each partnership scenario: does a style still pay when partners meet again?
      const partnerships = partnershipScenarios(summary);
      for (const scenario of partnerships) {
        const count = summary.pairings.filter((pairing) => pairing.scenario === scenario).reduce((sum, pairing) => sum + pairing.count, 0);
        process.stdout.write("\n");
        printTable(summary, t("batch.title.partnership", { scenario, count }), "partnership", scenario);
      }
      const notes = [
        t("batch.note.interval"),
        t("batch.note.share"),
        ...(output === "tables" ? [t("batch.note.seats")] : []),
        ...(partnerships.length > 0 ? [t("batch.note.partnership")] : []),
      ];
      process.stdout.write(`\n${notes.join("\n")}\n`);
    },
  };
}

/**
 * A table as text: columns of figures right-aligned, columns of names (strategy, scenario, pairing)
 * left-aligned; split to fit a terminal's width, each part repeating the first `keys` columns.
 */
function columns(rows: string[][], keys: number): string {
  const body = rows.slice(1);
  const align = (c: number) => (body.every((row) => /^[-\d]/.test(row[c])) ? "right" : "left");
  const width = process.stdout.isTTY ? process.stdout.columns : Infinity;
  return fittedTableLines(rows, align, width, keys).join("\n");
}
