// @ts-check
/**
 * The build's last step: runs each command of the bundled CLI once, on the broadest path it has
 * (a scenario file of the user's, not a built-in: the loader and zod; the text report, not only
 * the JSON), so that each command's code cache (scripts/cli-loader.cjs) holds what its later runs
 * compile, whichever of them comes first. In a temporary folder; the output is thrown away. A run
 * that fails fails the build: it is a command that does not work.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "bundle");
const folder = mkdtempSync(join(tmpdir(), "mutual-gains-warm-"));
const scenario = join(folder, "scenario.json");
copyFileSync(join(root, "scenarios", "hospital-it-platform.json"), scenario);

/** A GENIUS domain of two issues and its two profiles, enough for `import genius` to run through. */
const issues = (evaluations = [[], []]) =>
  ["price", "delivery"]
    .map((name, i) => `<issue index="${i + 1}" name="${name}" type="discrete">${["low", "high"].map((value, v) => `<item index="${v + 1}" value="${value}"${evaluations[i][v] ? ` evaluation="${evaluations[i][v]}"` : ""}/>`).join("")}</issue>`)
    .join("");
const profile = (evaluations) => `<utility_space><objective index="0" name="root" type="objective">${issues(evaluations)}<weight index="1" value="0.5"/><weight index="2" value="0.5"/></objective></utility_space>`;
writeFileSync(join(folder, "domain.xml"), `<negotiation_template><utility_space number_of_issues="2"><objective index="0" name="root" type="objective">${issues()}</objective></utility_space></negotiation_template>`);
writeFileSync(join(folder, "buyer.xml"), profile([[10, 1], [1, 10]]));
writeFileSync(join(folder, "seller.xml"), profile([[1, 10], [10, 1]]));

const RUNS = [
  ["--version"],
  ["analyze", "--help"],
  ["analyze", scenario],
  ["validate", scenario],
  ["check", scenario],
  ["schema"],
  ["import", "genius", join(folder, "domain.xml"), join(folder, "buyer.xml"), join(folder, "seller.xml"), "-o", join(folder, "imported.json")],
  ["batch", scenario, "--runs", "2", "--workers", "1"],
  ["init", join(folder, "new.json")],
];

try {
  const run = promisify(execFile);
  for (const args of RUNS) await run(process.execPath, [join(bundle, "main.cjs"), ...args], { cwd: folder, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
  const caches = readdirSync(bundle).filter((file) => file.endsWith(".cache"));
  if (caches.length < RUNS.length) throw new Error(`expected a code cache per command in ${bundle}, found ${caches.join(", ") || "none"}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
