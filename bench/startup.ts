/**
 * Start-up of the built CLI against `node -e 0` in the same run: each command and the
 * baseline are started in turn (A B A B …) and the ratio taken pair by pair, so that the
 * ratio holds when the machine's speed drifts; the median ratio is judged. Whole processes,
 * their output thrown away.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { BenchOutput } from "./negotiation.js";
import { formatMs, median, table } from "./timing.js";

interface StartupCase {
  readonly args: readonly string[];
  /** The most the command may take, as a multiple of `node -e 0`. */
  readonly target: number;
}

const CASES: readonly StartupCase[] = [
  { args: ["--version"], target: 1.5 },
  { args: ["--help"], target: 1.5 },
  { args: ["analyze", "hospital-it-platform"], target: 2.5 },
  { args: ["validate", "scenarios/hospital-it-platform.json"], target: 2.5 },
];

/** Wall milliseconds of one run; throws if it fails. */
function runMs(args: readonly string[], cwd: string): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}): ${(result.stderr ?? "").split("\n")[0]}`);
  return ms;
}

export function startupSection(out: BenchOutput, root: string, cli: string, quick: boolean): void {
  out.say("## 13. Start-up: the CLI against `node -e 0`, started in turn");
  out.say();
  if (!existsSync(cli)) {
    out.say("dist/bundle/main.cjs missing: run `npm run build` (skipped).");
    out.say();
    return;
  }
  const pairs = quick ? 5 : 15;
  const baseline = ["-e", "0"];
  const rows: string[][] = [];
  for (const { args, target } of CASES) {
    const command = [cli, ...args];
    runMs(baseline, root); // warms the OS file cache
    runMs(command, root);
    const times: number[] = [];
    const baselines: number[] = [];
    const ratios: number[] = [];
    for (let k = 0; k < pairs; k++) {
      const a = runMs(command, root);
      const b = runMs(baseline, root);
      times.push(a);
      baselines.push(b);
      ratios.push(a / b);
    }
    const ratio = median(ratios);
    const name = `mutual-gains ${args.join(" ")}`;
    const result = out.verdict(`\`${name}\` ≤ ${target}× \`node -e 0\` (start-up)`, `${ratio.toFixed(2)}×`, ratio <= target);
    rows.push([name, formatMs(median(times)), formatMs(median(baselines)), `${ratio.toFixed(2)}×`, `≤ ${target}×: ${result}`]);
  }
  out.say(table(["command", "median", "`node -e 0` (median)", "ratio (median of pairs)", "target"], rows));
  out.say();
  out.say(
    `${pairs} pairs each after one warm-up pair, of the bundle (dist/bundle/main.cjs, the \`bin\`), which runs these commands from one CommonJS file with V8's code ` +
      "cache of the command's earlier run (made by the warm-up pair). The commands' definitions (cli/definitions.ts) run " +
      "without their implementations, so --version and --help run commander and little else; a command runs its own implementation.",
  );
  out.say();
}
