import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { readRowFile } from "../../batch/rowfile.js";
import type { BatchRow } from "../../batch/row.js";
import { UserError } from "../../errors.js";
import { writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { TRANSCRIPT_FORMAT, parseTranscript } from "../../negotiation/transcript.js";
import { type ClassInput, type ClassReport, classReport } from "../../report/class.js";
import { classToJson } from "../../report/class-json.js";
import { classSections } from "../../report/class-text.js";
import { type Diagnostic, readScenarioText } from "../../scenario/load.js";
import { languageOption } from "../options.js";
import { printJson } from "../output.js";
import { TRANSCRIPT_MAX_BYTES } from "../transcript-input.js";

interface ClassFlags {
  html?: string;
  json?: boolean;
  lang?: string;
  baseline?: string;
}

export function registerClass(program: Command): void {
  program
    .command("class")
    .description(
      "Debrief a whole class: the transcripts of many games, grouped by scenario and seat, with the agreement rate, the value created and left on the table, " +
        "every deal on the frontier, the mistakes per tip, the best and the weakest deal, and a row per trainee. Games stopped before their end are counted apart.",
    )
    .argument("<transcripts...>", "transcript files, or folders to search for them (and their subfolders)")
    .option("--html <file>", "also write the report as one self-contained HTML page, to project or print")
    .option("--json", "print the report as JSON")
    .option("--baseline <rows>", "rows of a batch run (CSV or JSON Lines): the same figures for scripted partners in the trainees' seat")
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains class transcripts/
  $ mutual-gains class transcripts/ --html class.html --lang nl
  $ mutual-gains class group-a/*.json group-b/*.json --json > class.json
  $ mutual-gains batch hospital-it-platform --runs 20 --out rows.csv
  $ mutual-gains class transcripts/ --baseline rows.csv --html class.html

A file in a folder that is not a transcript is skipped; a damaged transcript is listed and left out.`,
    )
    .action(async (paths: string[], flags: ClassFlags) => {
      const lang = detectLanguage(flags.lang, process.env);
      const baseline: BatchRow[] = flags.baseline === undefined ? [] : readRowFile(flags.baseline);
      const report = readClass(paths, baseline);
      if (report.groups.length === 0) {
        for (const entry of report.unreadable) process.stderr.write(`${entry.file}: ${entry.reason}\n`);
        throw new UserError(`no transcripts in ${paths.join(", ")}: a class debrief reads the transcripts that play saves (transcripts/<scenario>-<time>.json)`);
      }
      if (flags.html !== undefined) {
        // Vega and its renderer load only for a page.
        const { classHtml } = await import("../../report/class-html.js");
        writeFileAtomic(flags.html, await classHtml(report, lang));
      }
      if (flags.json) printJson(classToJson(report, lang));
      else {
        const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 100;
        const sections = classSections(report, lang, width);
        process.stdout.write(`${sections.map((section) => [section.title, ...section.lines].join("\n")).join("\n\n")}\n`);
      }
      if (flags.html !== undefined) process.stderr.write(`${translator(lang)("report.written", { path: flags.html })}\n`);
    });
}

/** Every transcript the paths name or hold, read and replayed; what cannot be read is listed. */
function readClass(paths: readonly string[], baseline: readonly BatchRow[]): ClassReport {
  const inputs: ClassInput[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const path of paths) {
    const found = isFolder(path);
    for (const file of found ? transcriptFiles(path) : [path]) {
      const read = readOne(file, !found);
      if (read === null) continue;
      if ("reason" in read) unreadable.push(read);
      else inputs.push(read);
    }
  }
  return classReport(inputs, unreadable, baseline);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new UserError(`cannot read ${path}: no such file or folder`);
  }
}

/** The JSON files of a folder and its subfolders, in path order. */
function transcriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * One file: a transcript, a damaged one (with its first problem), or, in a folder, null for
 * a file that is no transcript at all (a scenario, a moves file).
 */
function readOne(file: string, named: boolean): ClassInput | { file: string; reason: string } | null {
  const { text, diagnostic } = readScenarioText(file, "transcript", TRANSCRIPT_MAX_BYTES);
  if (text === undefined) return { file, reason: place(diagnostic!) };
  if (!named && !text.includes(`"${TRANSCRIPT_FORMAT}"`)) return null;
  const { read, diagnostics } = parseTranscript(text, file);
  if (!read) return { file, reason: place(diagnostics[0]) };
  // A class row is one negotiation; a partnership has one per stage, and its own debrief.
  if (read.transcript.partnership) return { file, reason: `a partnership over stages (${read.transcript.scenario.id}): the class report compares single negotiations; debrief it with mutual-gains debrief ${file}` };
  return { file, transcript: read.transcript, session: read.session };
}

/** Where in its file a problem is, and what it is. */
const place = (d: Diagnostic) => `${d.line}:${d.column}: ${d.path ? `${d.path}: ` : ""}${d.message}`;
