/**
 * Whether rows read in task order (the merged shards) come from one batch, as far as the rows
 * show it. A row's seed is `base|scenario|strategies|seat|run` (plan.ts), and the plan fixes, for
 * task t of a batch with R runs: run = t mod R, seat = ⌊t / R⌋ mod 2, and one scenario and one
 * pair of strategies per block of 2R tasks. R itself is the first task in seat 1 (run 0 of the
 * first pairing's second seat). Shards of batches with another --seed, --runs, scenario list or
 * strategy lists break one of these; another --rounds or program version cannot be told from rows.
 */
import { UserError } from "../errors.js";
import { SEATS } from "./plan.js";
import type { BatchRow } from "./row.js";

/** Where a row was read, for messages. */
export interface RowPlace {
  readonly file: string;
  readonly line: number;
}

export class OneBatch {
  private first: { base: string; place: RowPlace } | undefined;
  private runs: number | undefined;
  private block: { index: number; task: number; scenario: string; pair: string; place: RowPlace } | undefined;

  /** Checks the next row in task order; throws a user error naming the files when it belongs to another batch. */
  check(row: BatchRow, place: RowPlace): void {
    const match = /^(.*)\|(\d+)\|(\d+)$/s.exec(row.seed);
    const head = `|${row.scenario}|${row.strategies.join(",")}`;
    if (!match || !match[1].endsWith(head)) {
      throw new UserError(`${place.file}, line ${place.line}: the seed "${row.seed}" is not one a batch gives task ${row.task}.`);
    }
    const base = match[1].slice(0, -head.length);
    const seat = Number(match[2]);
    const run = Number(match[3]);
    const other = (what: string) =>
      new UserError(
        `${place.file}, line ${place.line}: task ${row.task} ${what}: these are not the shards of one batch. ` +
          "Merge the shards of one batch, run with the same scenarios, strategies, runs and seed.",
      );

    if (!this.first) this.first = { base, place };
    else if (base !== this.first.base) throw other(`was run with --seed "${base}", the rows of ${this.first.place.file} with --seed "${this.first.base}"`);

    if (this.runs === undefined) {
      if (seat === 1 && run === 0) this.runs = row.task;
      else if (seat !== 0 || run !== row.task) throw other(`is seat ${seat}, run ${run}, which no --runs puts there`);
    }
    const runs = this.runs ?? row.task + 1;
    if (run !== row.task % runs || seat !== Math.floor(row.task / runs) % SEATS) {
      throw other(`is seat ${seat}, run ${run}, where the tasks before it (--runs ${runs}) put seat ${Math.floor(row.task / runs) % SEATS}, run ${row.task % runs}`);
    }

    // The pair of strategies, as the seat-0 row of the pairing names them.
    const pair = (seat === 0 ? [row.strategies[0], row.strategies[1]] : [row.strategies[1], row.strategies[0]]).join(" vs ");
    const index = Math.floor(row.task / (runs * SEATS));
    const { block } = this;
    if (block?.index === index && (block.scenario !== row.scenario || block.pair !== pair)) {
      throw other(`is ${row.scenario}, ${pair}, but task ${block.task} of the same pairing (${block.place.file}, line ${block.place.line}) is ${block.scenario}, ${block.pair}`);
    }
    if (block?.index !== index) this.block = { index, task: row.task, scenario: row.scenario, pair, place };
  }
}
