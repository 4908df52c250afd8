/**
 * Progress of a run on stderr (never stdout, which may carry rows): a live bar with the rate and
 * the time left on a terminal, otherwise a plain line whenever another 10 % is done or 2 s have
 * passed, but at most one a second (a run of a second prints just its closing line), which reads
 * well in CI and scheduler logs. Neither uses colour.
 */
import cliProgress from "cli-progress";

export interface Progress {
  advance(count: number): void;
  finish(): void;
}

const LINE_INTERVAL_MS = 2000;
const MIN_LINE_INTERVAL_MS = 1000;
const LINE_STEPS = 10;

const count = (n: number) => n.toLocaleString("en");

export const BAR_FORMAT = "batch {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}";

/** `done` of the `total` negotiations were done before this run started (a resumed file). */
export function startProgress(stream: NodeJS.WritableStream, total: number, done: number, bar: boolean): Progress {
  const started = Date.now();
  let current = done;
  const rate = (now: number) => count(Math.round(((current - done) * 1000) / Math.max(1, now - started)));
  if (done > 0) {
    const rest = done < total ? "continuing" : "nothing left to run";
    stream.write(`batch: ${count(done)} of ${count(total)} negotiations are already in the output file; ${rest}\n`);
  }
  const finish = () => {
    const seconds = (Date.now() - started) / 1000;
    stream.write(`batch: ${count(current - done)} negotiations in ${seconds.toFixed(1)} s (${rate(Date.now())}/s); ${count(current)} of ${count(total)} done\n`);
  };
  if (bar && done < total) {
    const display = new cliProgress.SingleBar({
      stream,
      format: BAR_FORMAT,
      barsize: barSize(BAR_FORMAT, total, (stream as { columns?: number }).columns),
      formatValue: (value, _options, type) => (type === "value" || type === "total" ? count(value) : String(value)),
      barCompleteChar: "█",
      barIncompleteChar: "░",
    });
    display.start(total, done, { rate: "0" });
    return {
      advance(n) {
        current += n;
        display.update(current, { rate: rate(Date.now()) });
      },
      finish() {
        display.stop();
        finish();
      },
    };
  }
  let lastLine = started;
  let lastStep = Math.floor((done / total) * LINE_STEPS);
  return {
    advance(n) {
      current += n;
      const now = Date.now();
      const step = Math.floor((current / total) * LINE_STEPS);
      const since = now - lastLine;
      if (current === total || since < MIN_LINE_INTERVAL_MS || (step <= lastStep && since < LINE_INTERVAL_MS)) return;
      const left = ((total - current) * (now - started)) / Math.max(1, current - done) / 1000;
      stream.write(`batch: ${count(current)} of ${count(total)} negotiations (${Math.floor((100 * current) / total)}%), ${rate(now)}/s, about ${Math.ceil(left)} s left\n`);
      lastLine = now;
      lastStep = step;
    },
    finish,
  };
}

const MAX_BAR = 40;
const MIN_BAR = 10;

/** A bar as wide as leaves the line's text room in a terminal `columns` wide (cli-progress cuts what does not fit). */
export function barSize(format: string, total: number, columns = 80): number {
  const widest = format
    .replace("{bar}", "")
    .replace("{percentage}", "100")
    .replace("{value}", count(total))
    .replace("{total}", count(total))
    .replace("{rate}", count(9_999_999))
    .replace("{eta_formatted}", "59m59s");
  return Math.max(MIN_BAR, Math.min(MAX_BAR, columns - widest.length - 1));
}
