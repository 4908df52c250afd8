/** Small timing and formatting helpers for the benchmark. */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * Reads the child's /proc/<pid>/<file> every `intervalMs` and hands the text to `read` until the
 * child closes; resolves with its exit status. Off Linux, or once the process has gone, nothing is read.
 */
export function sampleProcUntilClosed(child: ChildProcess, file: "stat" | "status", intervalMs: number, read: (text: string) => void): Promise<number | null> {
  const timer = setInterval(() => {
    let text: string;
    try {
      text = readFileSync(`/proc/${child.pid}/${file}`, "utf8");
    } catch {
      return;
    }
    read(text);
  }, intervalMs);
  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearInterval(timer);
      resolve(status);
    });
  });
}

export interface Timing<T> {
  /** Median wall time of one call, in milliseconds. */
  readonly median: number;
  readonly reps: number;
  readonly result: T;
}

export interface TimingOptions {
  /** Untimed calls first, so that the JIT has compiled the hot paths. */
  readonly warmup?: number;
  readonly minReps?: number;
  readonly maxReps?: number;
  /** Stop adding repetitions (past minReps) once this much time has been spent. */
  readonly budgetMs?: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function time<T>(fn: () => T, options: TimingOptions = {}): Timing<T> {
  const { warmup = 1, minReps = 5, maxReps = 51, budgetMs = 1000 } = options;
  let result!: T;
  for (let k = 0; k < warmup; k++) result = fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minReps || (samples.length < maxReps && performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), reps: samples.length, result };
}

export function formatMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatInt(n: number | bigint): string {
  return n.toLocaleString("en").replace(/,/g, " ");
}

/** An outcome count as 10^k when it is a power of ten, else exactly with its order of magnitude. */
export function formatOutcomes(count: bigint): string {
  const digits = count.toString();
  if (/^10*$/.test(digits)) return `10^${digits.length - 1}`;
  const log10 = digits.length <= 15 ? Math.log10(Number(count)) : digits.length - 1 + Math.log10(Number(digits.slice(0, 15)) / 1e14);
  return `${formatInt(count)} (10^${log10.toFixed(2)})`;
}

export function formatRatio(ratio: number): string {
  return `${formatInt(Math.round(ratio))}×`;
}

/** A Markdown table with padded columns (readable in a terminal and pasteable into docs). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (cell ?? "").padEnd(widths[c])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
